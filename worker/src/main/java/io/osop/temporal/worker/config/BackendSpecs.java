package io.osop.temporal.worker.config;

import io.osop.temporal.worker.config.WorkerConfig.Backend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backends each interface can use and the settings each accepts; reads one {@code backends}
 * entry, written either as a bare type ({@code training: local}) or as a mapping with {@code type}.
 */
final class BackendSpecs {

  /**
   * The settings one backend type accepts.
   *
   * @param required settings that must be present
   * @param optional settings that may be present
   */
  record Spec(Set<String> required, Set<String> optional) {}

  static final Map<String, Map<String, Spec>> INTERFACES = interfaces();

  private BackendSpecs() {}

  private static Map<String, Map<String, Spec>> interfaces() {
    Map<String, Map<String, Spec>> specs = new LinkedHashMap<>();
    Spec gcs = new Spec(Set.of("bucket"), Set.of("prefix", "project"));
    specs.put("object_store", Map.of("local", new Spec(Set.of(), Set.of("root")), "gcs", gcs));
    specs.put("feature_store", Map.of("local", new Spec(Set.of(), Set.of("root")), "gcs", gcs));
    specs.put(
        "training",
        Map.of(
            "local",
            new Spec(Set.of(), Set.of("scratch")),
            "kubernetes",
            new Spec(
                Set.of("image"),
                Set.of(
                    "scratch",
                    "namespace",
                    "service_account",
                    "working_dir",
                    "node_selector",
                    "tolerations",
                    "active_deadline_seconds",
                    "ttl_seconds_after_finished",
                    "poll_interval"))));
    specs.put(
        "serving",
        Map.of(
            "local",
            new Spec(
                Set.of(),
                Set.of(
                    "labelDelayHours",
                    "probeRequests",
                    "candidateErrorRate",
                    "candidateExtraLatencyMillis",
                    "candidateLabelNoise",
                    "canaryErrorRate",
                    "failPromote")),
            "kserve",
            new Spec(
                Set.of(),
                Set.of(
                    "namespace",
                    "model_format",
                    "runtime",
                    "service_account",
                    "readiness_timeout",
                    "poll_interval",
                    "health",
                    "services"))));
    specs.put(
        "traffic",
        Map.of(
            "local",
            new Spec(Set.of(), Set.of()),
            "istio",
            new Spec(
                Set.of(), Set.of("namespace", "virtual_service", "mirror_host", "mirror_port"))));
    specs.put(
        "metrics",
        Map.of(
            "local",
            new Spec(Set.of(), Set.of()),
            "prometheus",
            new Spec(Set.of("url", "queries"), Set.of("namespace", "timeout"))));
    return specs;
  }

  /** Reads one interface's backend from the {@code backends} section; local when absent. */
  static Backend read(ConfigSection backends, String name) {
    Map<String, Spec> types = INTERFACES.get(name);
    Object raw = backends.raw(name);
    String type;
    Map<String, Object> settings = new LinkedHashMap<>();
    if (raw == null) {
      type = "local";
    } else if (raw instanceof Map<?, ?> map) {
      map.forEach((k, v) -> settings.put(String.valueOf(k), v));
      Object declared = settings.remove("type");
      type = declared == null ? "local" : declared.toString().trim();
    } else if (raw instanceof List) {
      backends.problem(name, "must be a backend name or a mapping with 'type', got a list");
      return new Backend("local", Map.of());
    } else {
      type = raw.toString().trim();
    }

    Spec spec = types.get(type);
    if (spec == null) {
      backends.problem(
          name,
          "unknown backend '"
              + type
              + "'; choose one of "
              + String.join(", ", new TreeSet<>(types.keySet())));
      return new Backend(type, Map.copyOf(settings));
    }
    for (String required : spec.required()) {
      if (settings.get(required) == null || settings.get(required).toString().isBlank()) {
        backends.problem(name + "." + required, "required by the " + type + " backend");
      }
    }
    for (String key : settings.keySet()) {
      if (!spec.required().contains(key) && !spec.optional().contains(key)) {
        backends.problem(name + "." + key, "unknown setting for the " + type + " backend");
      }
    }
    checkShapes(backends, name, settings);
    return new Backend(type, settings);
  }

  private static void checkShapes(
      ConfigSection backends, String name, Map<String, Object> settings) {
    Object selector = settings.get("node_selector");
    if (selector != null && !(selector instanceof Map)) {
      backends.problem(name + ".node_selector", "must be a mapping of label to value");
    }
    Object tolerations = settings.get("tolerations");
    if (tolerations != null) {
      if (!(tolerations instanceof List<?> list)) {
        backends.problem(name + ".tolerations", "must be a list of mappings");
      } else {
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof Map<?, ?> toleration) || toleration.get("key") == null) {
            backends.problem(
                name + ".tolerations[" + i + "]", "must be a mapping with at least 'key'");
          }
        }
      }
    }
    Object queries = settings.get("queries");
    if (queries != null && !(queries instanceof Map)) {
      backends.problem(name + ".queries", "must be a mapping of metric name to PromQL");
    }
  }
}
