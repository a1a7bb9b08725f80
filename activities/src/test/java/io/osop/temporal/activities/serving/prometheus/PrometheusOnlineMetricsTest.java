package io.osop.temporal.activities.serving.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.serving.OnlineMetrics.WindowSample;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusOnlineMetricsTest {

  private FakePrometheus prometheus;
  private PrometheusOnlineMetrics metrics;
  private final Map<String, String> templates = new LinkedHashMap<>();

  @BeforeEach
  void start() throws Exception {
    prometheus = new FakePrometheus();
    templates.put(
        "requests", "sum(increase(mirror_requests_total{shadow=\"{shadow}\"}[{window}]))");
    templates.put("labelled", "sum(increase(labelled_total{session=\"{session}\"}[{window}]))");
    templates.put("error_rate", "errors{shadow=\"{shadow}\",ns=\"{namespace}\"}");
    templates.put("candidate_p99_ms", "p99{shadow=\"{shadow}\"}");
    templates.put("production_p99_ms", "p99{service=\"production\"}");
    templates.put("candidate_accuracy", "accuracy{shadow=\"{shadow}\"}");
    templates.put("production_accuracy", "accuracy{service=\"production\"}");
    metrics =
        new PrometheusOnlineMetrics(
            new PrometheusSettings(prometheus.url(), "serving", Duration.ofSeconds(5), templates),
            HttpClient.newHttpClient());
  }

  @AfterEach
  void stop() {
    prometheus.close();
  }

  private void answerAll(String session) {
    String shadow = io.osop.temporal.activities.serving.istio.ShadowNames.shadowService(session);
    prometheus.value(
        "sum(increase(mirror_requests_total{shadow=\"" + shadow + "\"}[3600s]))", 1000);
    prometheus.value("sum(increase(labelled_total{session=\"" + session + "\"}[3600s]))", 400);
    prometheus.value("errors{shadow=\"" + shadow + "\",ns=\"serving\"}", 0.002);
    prometheus.value("p99{shadow=\"" + shadow + "\"}", 41.5);
    prometheus.value("p99{service=\"production\"}", 38.0);
    prometheus.value("accuracy{shadow=\"" + shadow + "\"}", 0.86);
    prometheus.value("accuracy{service=\"production\"}", 0.84);
  }

  @Test
  void aWindowIsMeasuredWithTheTemplatesFilledIn() {
    answerAll("wf-1.ab_test");

    WindowSample sample = metrics.measure("wf-1.ab_test", 1, 0, 1);

    assertThat(sample.requests()).isEqualTo(1000);
    assertThat(sample.labelled()).isEqualTo(400);
    assertThat(sample.candidateCorrect()).isEqualTo(344);
    assertThat(sample.productionCorrect()).isEqualTo(336);
    assertThat(sample.candidateErrors()).isEqualTo(2);
    assertThat(sample.candidateP99Millis()).isEqualTo(41.5);
    assertThat(sample.productionP99Millis()).isEqualTo(38.0);
  }

  @Test
  void aFailedQueryMakesTheWholeWindowNoEvidence() {
    answerAll("wf-2.ab_test");
    prometheus.error(
        "accuracy{shadow=\""
            + io.osop.temporal.activities.serving.istio.ShadowNames.shadowService("wf-2.ab_test")
            + "\"}");

    WindowSample sample = metrics.measure("wf-2.ab_test", 1, 0, 1);

    assertThat(sample.requests()).isZero();
    assertThat(sample.labelled()).isZero();
    assertThat(sample.candidateCorrect()).isZero();
  }

  @Test
  void aQueryWithoutDataMakesTheWholeWindowNoEvidence() {
    WindowSample sample = metrics.measure("wf-3.ab_test", 1, 0, 1);

    assertThat(sample.requests()).isZero();
    assertThat(sample.labelled()).isZero();
    assertThat(prometheus.queries).hasSize(1);
  }

  @Test
  void anUnreachablePrometheusIsNoEvidenceRatherThanAPass() {
    prometheus.close();

    WindowSample sample = metrics.measure("wf-4.ab_test", 1, 0, 1);

    assertThat(sample.requests()).isZero();
    assertThat(sample.labelled()).isZero();
  }
}
