package io.osop.temporal.activities.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.ShadowTrafficActivitiesImpl;
import io.osop.temporal.activities.serving.TrafficMirror;
import io.osop.temporal.activities.serving.prometheus.FakePrometheus;
import io.osop.temporal.activities.serving.prometheus.PrometheusOnlineMetrics;
import io.osop.temporal.activities.serving.prometheus.PrometheusSettings;
import io.osop.temporal.activities.storage.gcs.FakeGcsBucket;
import io.osop.temporal.activities.storage.gcs.GcsObjectStore;
import io.osop.temporal.activities.storage.gcs.GcsSettings;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AnalyzeShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.CheckShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowSession;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shadow test measured by Prometheus: a broken or empty metrics pipeline never makes a winner.
 */
class PrometheusOutageVerdictTest {

  private FakePrometheus prometheus;
  private ShadowTrafficActivitiesImpl activities;
  private final ShadowSession session =
      new ShadowSession(
          ShadowTrafficActivitiesImpl.sessionId(
              new RunRef("wf-outage", "argo-ml-training", "/pipelines"), "ab_test"),
          null,
          "gs://acme-ml-artifacts/runs/wf-outage/train_model/attempt-1/model.onnx",
          "test");

  @BeforeEach
  void setUp() throws Exception {
    prometheus = new FakePrometheus();
    Map<String, String> queries = new LinkedHashMap<>();
    for (String name : PrometheusSettings.REQUIRED) {
      queries.put(name, "shadow_" + name + "{shadow=\"{shadow}\",window=\"{window}\"}");
    }
    TrafficMirror noMirror =
        new TrafficMirror() {
          @Override
          public void start(String id, String endpoint, String model, double fraction) {}

          @Override
          public void stop(String id) {}
        };
    activities =
        new ShadowTrafficActivitiesImpl(
            noMirror,
            new PrometheusOnlineMetrics(
                new PrometheusSettings(prometheus.url(), "ml", Duration.ofSeconds(5), queries),
                HttpClient.newHttpClient()),
            new ObjectStoreModelRegistry(
                new GcsObjectStore(
                    GcsSettings.of("acme-ml-artifacts", "runs"), new FakeGcsBucket())));
  }

  @AfterEach
  void tearDown() {
    prometheus.close();
  }

  private void answerHealthyNumbers() {
    prometheus.valueFor("shadow_requests", 5000);
    prometheus.valueFor("shadow_labelled", 2000);
    prometheus.valueFor("shadow_error_rate", 0.001);
    prometheus.valueFor("shadow_candidate_p99_ms", 21);
    prometheus.valueFor("shadow_production_p99_ms", 20);
    prometheus.valueFor("shadow_candidate_accuracy", 0.86);
    prometheus.valueFor("shadow_production_accuracy", 0.84);
  }

  private String verdict() {
    List<ShadowCheck> checks = new ArrayList<>();
    for (int hour = 1; hour <= 4; hour++) {
      checks.add(
          activities.checkShadow(new CheckShadowRequest(session, hour, hour - 1, hour, Map.of())));
    }
    return activities
        .analyze(new AnalyzeShadowRequest(session, checks, null, null, Map.of()))
        .result();
  }

  @Test
  void healthyNumbersForTheWholeWindowMakeAWinner() {
    answerHealthyNumbers();

    assertThat(verdict()).isEqualTo("winner");
  }

  @Test
  void theQualityQueryFailingWhileTheOthersAnswerMakesALoser() {
    answerHealthyNumbers();
    prometheus.errorFor("shadow_candidate_accuracy");

    assertThat(verdict()).isEqualTo("loser");
  }

  @Test
  void prometheusAnsweringErrorsMakesALoser() {
    for (String name : PrometheusSettings.REQUIRED) {
      prometheus.errorFor("shadow_" + name);
    }

    assertThat(verdict()).isEqualTo("loser");
  }

  @Test
  void qualityReportedAsNaNCountsAsNoDataAndMakesALoser() {
    answerHealthyNumbers();
    prometheus.valueFor("shadow_candidate_accuracy", Double.NaN);

    assertThat(verdict()).isEqualTo("loser");
  }

  @Test
  void prometheusWithoutAnyDataMakesALoser() {
    assertThat(verdict()).isEqualTo("loser");
  }
}
