package io.osop.temporal.activities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.activities.data.DataActivitiesImpl;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.serving.LocalOnlineMetrics;
import io.osop.temporal.activities.serving.LocalServingSettings;
import io.osop.temporal.activities.serving.LocalTrafficMirror;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.serving.ReplaySessions;
import io.osop.temporal.activities.serving.ShadowTrafficActivitiesImpl;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.LogisticOnnxModel;
import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.DataActivities.PrepareDataRequest;
import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities.EvaluateRequest;
import io.osop.temporal.pipeline.activity.EvaluationActivities.Evaluation;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AbAnalysis;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AnalyzeShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.CheckShadowRequest;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowSession;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.StartShadowRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores a dataset written by the real prepare-data activity, so both sides of its layout meet. */
class PreparedDatasetScoringTest {

  private static final RunRef RUN = new RunRef("argo-ml-training/7", "argo-ml-training", "/tmp");
  private static final Map<String, Object> AB_CONFIG =
      Map.of("traffic_split", 0.5, "duration_hours", 24, "min_labelled", 50);

  @TempDir Path root;
  private LocalObjectStore store;
  private ReplaySessions sessions;
  private TestActivityEnvironment environment;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root.resolve("store"));
    ObjectStoreModelRegistry registry = new ObjectStoreModelRegistry(store);
    for (String file : List.of("schema.yaml", "data.csv")) {
      try (InputStream in = getClass().getResourceAsStream("/tables/clicks-eval/v1/" + file)) {
        store.write("tables/clicks-eval/v1/" + file, in.readAllBytes());
      }
    }
    sessions = new ReplaySessions(store, registry, LocalServingSettings.defaults());
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new DataActivitiesImpl(
            new ObjectStoreFeatureStore(store, "tables"), store, root.resolve("tmp")),
        new EvaluationActivitiesImpl(store, registry, EvaluationSettings.defaults()),
        new ShadowTrafficActivitiesImpl(
            new LocalTrafficMirror(sessions), new LocalOnlineMetrics(sessions), registry));
  }

  @AfterEach
  void tearDown() {
    environment.close();
    sessions.close();
  }

  private <T> T stub(Class<T> type) {
    return environment.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  @Test
  void aModelOfTheLabelRuleScoresThePreparedSplitsAndWinsTheReplay() throws Exception {
    PreparedData data =
        stub(DataActivities.class)
            .prepareData(
                new PrepareDataRequest(
                    RUN,
                    "prepare_data",
                    "feature-store://clicks-eval/v1",
                    Map.of("train", 0.6, "val", 0.2, "test", 0.2),
                    Map.of()));
    // The table's label is "yes" exactly when score + age / 100 > 0.9.
    float[] weights = new float[data.features().size()];
    weights[data.features().indexOf("age")] = 0.01f;
    weights[data.features().indexOf("score")] = 1f;
    store.write("runs/model.onnx", LogisticOnnxModel.of(weights, -0.9f));
    String modelUri = store.uri("runs/model.onnx");

    Evaluation evaluation =
        stub(EvaluationActivities.class)
            .evaluate(
                new EvaluateRequest(
                    RUN,
                    "evaluate",
                    modelUri,
                    data.datasetUri(),
                    "models/production/latest",
                    List.of("accuracy", "f1", "p99_latency", "demographic_parity")));

    assertThat(evaluation.testRows()).isEqualTo(data.rows().get("test"));
    assertThat(evaluation.metrics().get("accuracy")).isGreaterThan(0.97);
    assertThat(evaluation.baselineKind()).isEqualTo("majority-class");
    assertThat(evaluation.metrics().get("accuracy"))
        .isGreaterThan(evaluation.baseline().get("accuracy"));
    assertThat(evaluation.reportUri())
        .isEqualTo(store.uri("runs/argo-ml-training-7/evaluate/evaluation.json"));

    ShadowTrafficActivities shadow = stub(ShadowTrafficActivities.class);
    ShadowSession session =
        shadow.startShadow(
            new StartShadowRequest(RUN, "ab_test", modelUri, data.datasetUri(), 0.5, AB_CONFIG));
    ShadowCheck check = shadow.checkShadow(new CheckShadowRequest(session, 1, 0, 24, AB_CONFIG));
    AbAnalysis analysis =
        shadow.analyze(new AnalyzeShadowRequest(session, List.of(check), null, null, AB_CONFIG));

    assertThat(check.requests()).isPositive();
    assertThat(analysis.result()).isEqualTo("winner");
  }
}
