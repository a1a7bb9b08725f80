package io.osop.temporal.activities.serving.kserve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.osop.temporal.activities.serving.ServingBackend.Health;
import io.osop.temporal.activities.serving.prometheus.PrometheusClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a canary revision to become ready (the InferenceService Ready and its latest created
 * predictor revision the latest ready one) and measures its traffic with the configured PromQL. No
 * data reads as zero requests, which never passes a health check.
 */
final class CanaryReadiness {

  private static final Logger log = LoggerFactory.getLogger(CanaryReadiness.class);

  private final KServeSettings settings;
  private final InferenceServices services;
  private final PrometheusClient prometheus;

  CanaryReadiness(KServeSettings settings, InferenceServices services, HttpClient http) {
    this.settings = settings;
    this.services = services;
    this.prometheus =
        settings.health() == null
            ? null
            : new PrometheusClient(settings.health().prometheusUrl(), Duration.ofSeconds(30), http);
  }

  Health check(String name, String revision) throws IOException {
    long deadline = System.nanoTime() + settings.readinessTimeout().toNanos();
    GenericKubernetesResource service = services.get(name);
    while (!ready(service, revision) && System.nanoTime() < deadline) {
      sleep(settings.pollInterval());
      service = services.get(name);
    }
    if (!ready(service, revision)) {
      log.info("Canary revision not ready in time. service={} revision={}", name, revision);
      return new Health(false, 0, 0, Double.NaN);
    }
    if (prometheus == null) {
      return new Health(true, 0, 0, Double.NaN);
    }
    String knativeRevision =
        String.valueOf(
            InferenceServices.value(
                service, "status", "components", "predictor", "latestCreatedRevision"));
    Map<String, String> variables =
        Map.of(
            "{endpoint}",
            name,
            "{namespace}",
            settings.namespace(),
            "{revision}",
            knativeRevision,
            "{window}",
            settings.health().window());
    OptionalDouble requests = query(settings.health().requests(), variables);
    OptionalDouble errors = query(settings.health().errors(), variables);
    OptionalDouble p99 = query(settings.health().p99Millis(), variables);
    if (requests.isEmpty() || errors.isEmpty() || p99.isEmpty()) {
      log.warn(
          "Canary metrics have no data; reporting no requests. service={} revision={}",
          name,
          revision);
      return new Health(true, 0, 0, Double.NaN);
    }
    return new Health(
        true,
        Math.round(requests.getAsDouble()),
        Math.round(errors.getAsDouble()),
        p99.getAsDouble());
  }

  private OptionalDouble query(String template, Map<String, String> variables) throws IOException {
    String query = template;
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      query = query.replace(variable.getKey(), variable.getValue());
    }
    return prometheus.query(query);
  }

  @SuppressWarnings("unchecked")
  static boolean ready(GenericKubernetesResource service, String revision) {
    if (service == null
        || !revision.equals(
            KServeServingBackend.annotations(service).get(KServeServingBackend.REVISION))) {
      return false;
    }
    Object conditions = InferenceServices.value(service, "status", "conditions");
    boolean readyCondition =
        conditions instanceof List<?> list
            && list.stream()
                .anyMatch(
                    c ->
                        c instanceof Map<?, ?> m
                            && "Ready".equals(m.get("type"))
                            && "True".equals(m.get("status")));
    Object created =
        InferenceServices.value(
            service, "status", "components", "predictor", "latestCreatedRevision");
    Object readyRevision =
        InferenceServices.value(
            service, "status", "components", "predictor", "latestReadyRevision");
    Object generation = service.getMetadata().getGeneration();
    Object observed = InferenceServices.value(service, "status", "observedGeneration");
    boolean current =
        observed == null
            || generation == null
            || Objects.equals(String.valueOf(generation), String.valueOf(observed));
    return readyCondition && created != null && created.equals(readyRevision) && current;
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the canary to become ready", e);
    }
  }
}
