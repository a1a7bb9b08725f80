package io.osop.temporal.activities.serving.prometheus;

import io.osop.temporal.activities.serving.OnlineMetrics;
import io.osop.temporal.activities.serving.istio.ShadowNames;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a shadow test's window with the PromQL templates of the worker's configuration. Any
 * failed query or any query without data turns the whole window into no evidence (zero requests),
 * so an outage of the metrics pipeline can make a candidate lose but never win.
 */
public final class PrometheusOnlineMetrics implements OnlineMetrics {

  private static final Logger log = LoggerFactory.getLogger(PrometheusOnlineMetrics.class);

  private final PrometheusSettings settings;
  private final PrometheusClient prometheus;

  /** Metrics from the Prometheus server of the settings, through the HTTP client. */
  public PrometheusOnlineMetrics(PrometheusSettings settings, HttpClient http) {
    this.settings = settings;
    this.prometheus = new PrometheusClient(settings.url(), settings.timeout(), http);
  }

  @Override
  public WindowSample measure(String sessionId, int checkIndex, double fromHour, double toHour) {
    long windowSeconds = Math.max(60, Math.round((toHour - fromHour) * 3600));
    Map<String, String> variables =
        Map.of(
            "session", ShadowNames.sessionLabel(sessionId),
            "shadow", ShadowNames.shadowService(sessionId),
            "namespace", settings.namespace(),
            "window", windowSeconds + "s");
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : PrometheusSettings.REQUIRED) {
      OptionalDouble value = run(name, variables, sessionId, checkIndex);
      if (value.isEmpty()) {
        return noEvidence();
      }
      values.put(name, value.getAsDouble());
    }
    long requests = Math.round(values.get("requests"));
    long labelled = Math.round(values.get("labelled"));
    double agreement =
        settings.queries().containsKey("agreement")
            ? run("agreement", variables, sessionId, checkIndex).orElse(0)
            : 0;
    return new WindowSample(
        requests,
        labelled,
        Math.round(values.get("candidate_accuracy") * labelled),
        Math.round(values.get("production_accuracy") * labelled),
        Math.round(agreement * requests),
        Math.round(values.get("error_rate") * requests),
        values.get("candidate_p99_ms"),
        values.get("production_p99_ms"));
  }

  private OptionalDouble run(
      String name, Map<String, String> variables, String sessionId, int checkIndex) {
    String query = settings.queries().get(name);
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      query = query.replace("{" + variable.getKey() + "}", variable.getValue());
    }
    try {
      OptionalDouble value = prometheus.query(query);
      if (value.isEmpty()) {
        log.warn(
            "Prometheus has no data; the window counts as no evidence. session={} check={} metric={}"
                + " query={}",
            sessionId,
            checkIndex,
            name,
            query);
      }
      return value;
    } catch (IOException e) {
      log.warn(
          "Prometheus query failed; the window counts as no evidence. session={} check={} metric={}",
          sessionId,
          checkIndex,
          name,
          e);
      return OptionalDouble.empty();
    }
  }

  private static WindowSample noEvidence() {
    return new WindowSample(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);
  }
}
