package io.osop.temporal.activities.serving.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where Prometheus is and the PromQL templates that measure a shadow test, as an Argo Rollouts
 * analysis template would. In a template, {@code {session}} is the mirroring session's label value,
 * {@code {shadow}} the candidate's shadow InferenceService, {@code {namespace}} the serving
 * namespace and {@code {window}} the measured window as a PromQL duration ({@code 3600s}).
 *
 * @param url the Prometheus base URL ({@code http://prometheus.monitoring:9090/})
 * @param namespace the serving namespace the templates refer to
 * @param timeout the longest one query may take
 * @param queries templates by name; {@link #REQUIRED} must all be present, {@code agreement} (share
 *     of requests where both models agree) may be
 */
public record PrometheusSettings(
    URI url, String namespace, Duration timeout, Map<String, String> queries) {

  /**
   * The templates every measurement needs: mirrored requests, labelled requests, the candidate's
   * error rate (0..1), both models' p99 latency in milliseconds and both models' accuracy on
   * labelled requests (the quality metric).
   */
  public static final List<String> REQUIRED =
      List.of(
          "requests",
          "labelled",
          "error_rate",
          "candidate_p99_ms",
          "production_p99_ms",
          "candidate_accuracy",
          "production_accuracy");

  /** Checks that the URL is absolute and every required template is given. */
  public PrometheusSettings {
    if (url == null || !url.isAbsolute()) {
      throw new IllegalArgumentException("backends.metrics.url must be an absolute URL: " + url);
    }
    if (!url.getPath().endsWith("/")) {
      url = URI.create(url + "/");
    }
    queries = queries == null ? Map.of() : Map.copyOf(queries);
    for (String name : REQUIRED) {
      if (queries.get(name) == null || queries.get(name).isBlank()) {
        throw new IllegalArgumentException(
            "backends.metrics.queries." + name + " is required (a PromQL template)");
      }
    }
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }
}
