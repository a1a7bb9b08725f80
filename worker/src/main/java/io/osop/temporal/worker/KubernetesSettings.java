package io.osop.temporal.worker;

import io.osop.temporal.activities.serving.istio.IstioSettings;
import io.osop.temporal.activities.serving.kserve.KServeSettings;
import io.osop.temporal.activities.serving.prometheus.PrometheusSettings;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings.TolerationSetting;
import io.osop.temporal.worker.config.Durations;
import io.osop.temporal.worker.config.WorkerConfig.Backend;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the production backends' configuration sections into the settings records of the
 * Kubernetes, KServe, Istio and Prometheus backends; a record's own checks report what is missing.
 */
final class KubernetesSettings {
  private static final Path POD_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  private KubernetesSettings() {}

  static KubernetesTrainingSettings training(Backend backend) {
    return new KubernetesTrainingSettings(
        namespace(backend),
        backend.string("image", null),
        backend.string("service_account", null),
        backend.string("working_dir", null),
        strings(backend.settings().get("node_selector")),
        tolerations(backend.settings().get("tolerations")),
        Long.parseLong(backend.string("active_deadline_seconds", "0")),
        Integer.parseInt(backend.string("ttl_seconds_after_finished", "0")),
        duration(backend, "poll_interval"));
  }

  static KServeSettings kserve(Backend serving) {
    Map<String, String> health = strings(serving.settings().get("health"));
    KServeSettings.CanaryQueries queries =
        health.isEmpty()
            ? null
            : new KServeSettings.CanaryQueries(
                URI.create(health.get("prometheus_url")),
                health.getOrDefault("window", "5m"),
                health.get("requests"),
                health.get("errors"),
                health.get("p99_ms"));
    return new KServeSettings(
        namespace(serving),
        serving.string("model_format", null),
        serving.string("runtime", null),
        serving.string("service_account", null),
        duration(serving, "readiness_timeout"),
        duration(serving, "poll_interval"),
        queries,
        strings(serving.settings().get("services")));
  }

  static IstioSettings istio(Backend traffic, Backend serving) {
    if (!serving.type().equals("kserve")) {
      throw new IllegalArgumentException(
          "traffic: istio deploys shadows as InferenceServices and needs serving: kserve");
    }
    return new IstioSettings(
        namespace(traffic),
        traffic.string("virtual_service", null),
        traffic.string("mirror_host", null),
        Integer.parseInt(traffic.string("mirror_port", "0")),
        kserve(serving));
  }

  static PrometheusSettings prometheus(Backend metrics) {
    return new PrometheusSettings(
        URI.create(metrics.string("url", "")),
        metrics.string("namespace", null),
        duration(metrics, "timeout"),
        strings(metrics.settings().get("queries")));
  }

  /** The configured namespace, else the pod's own, else {@code default}. */
  private static String namespace(Backend backend) {
    String configured = backend.string("namespace", null);
    if (configured != null) {
      return configured;
    }
    try {
      return Files.isReadable(POD_NAMESPACE) ? Files.readString(POD_NAMESPACE).trim() : "default";
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the pod namespace from " + POD_NAMESPACE, e);
    }
  }

  private static Duration duration(Backend backend, String key) {
    String text = backend.string(key, null);
    if (text == null) {
      return null;
    }
    Duration parsed = Durations.parse(text);
    if (parsed == null) {
      throw new IllegalArgumentException(key + " must be a duration such as 30s, got " + text);
    }
    return parsed;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> map = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> map.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    }
    return map;
  }

  private static List<TolerationSetting> tolerations(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(KubernetesSettings::strings)
        .map(
            t ->
                new TolerationSetting(
                    t.get("key"),
                    t.getOrDefault("operator", "Exists"),
                    t.get("value"),
                    t.get("effect")))
        .toList();
  }
}
