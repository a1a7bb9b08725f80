package io.osop.temporal.activities.serving.kserve;

import io.osop.temporal.activities.kubernetes.KubernetesNames;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the KServe serving backend deploys models.
 *
 * @param namespace the namespace of the InferenceServices (one per endpoint, named after it)
 * @param modelFormat the predictor's model format ({@code onnx})
 * @param runtime the ServingRuntime to use, or null to let KServe pick one for the format
 * @param serviceAccountName the predictor's service account (to read {@code gs://} models), or null
 * @param readinessTimeout how long a health check waits for the canary revision to become ready
 * @param pollInterval how often it looks while waiting
 * @param health PromQL for the canary's traffic, or null: then a health check sees no requests and
 *     a canary is never promoted on readiness alone
 * @param services InferenceService names by endpoint ({@code models/recommendation/v3:
 *     recommendation}); an endpoint not listed gets a name derived from it
 */
public record KServeSettings(
    String namespace,
    String modelFormat,
    String runtime,
    String serviceAccountName,
    Duration readinessTimeout,
    Duration pollInterval,
    CanaryQueries health,
    Map<String, String> services) {

  /** Checks the fields and fills defaults. */
  public KServeSettings {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("backends.serving.namespace is required");
    }
    modelFormat = modelFormat == null || modelFormat.isBlank() ? "onnx" : modelFormat;
    readinessTimeout = readinessTimeout == null ? Duration.ofMinutes(2) : readinessTimeout;
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
    services = services == null ? Map.of() : Map.copyOf(services);
  }

  /**
   * The InferenceService of an endpoint: the configured name, else the endpoint made into a
   * Kubernetes name ({@code models/recommendation/v3} becomes {@code models-recommendation-v3-} and
   * a hash).
   */
  public String serviceName(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("a serving endpoint is required");
    }
    String name = services.get(endpoint);
    return name != null ? name : KubernetesNames.dnsLabel(endpoint, 45);
  }

  /**
   * PromQL templates measuring a canary revision's own traffic. In a template, {@code {endpoint}}
   * is the InferenceService, {@code {namespace}} its namespace, {@code {revision}} the Knative
   * revision of the canary and {@code {window}} the window as a PromQL duration.
   *
   * @param prometheusUrl the Prometheus base URL
   * @param window the window measured, such as {@code 5m}
   * @param requests requests the canary served
   * @param errors of those, errors
   * @param p99Millis the canary's p99 latency in milliseconds
   */
  public record CanaryQueries(
      URI prometheusUrl, String window, String requests, String errors, String p99Millis) {}
}
