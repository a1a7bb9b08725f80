package io.osop.temporal.activities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osop.temporal.activities.serving.ObjectStoreModelRegistry;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.LogisticOnnxModel;
import io.osop.temporal.activities.testing.TestDatasets;
import io.osop.temporal.activities.testing.TestModels;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities.EvaluateRequest;
import io.osop.temporal.pipeline.activity.EvaluationActivities.Evaluation;
import io.osop.temporal.pipeline.activity.RunRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineEvaluationTest {

  private static final List<String> ALL_METRICS =
      List.of("accuracy", "f1", "p99_latency", "demographic_parity");
  private static final RunRef RUN = new RunRef("wf-1", "argo-ml-training", "/tmp");

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;
  private TestActivityEnvironment environment;
  private EvaluationActivities activities;
  private String datasetUri;
  private String candidateUri;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root);
    registry = new ObjectStoreModelRegistry(store);
    environment = TestActivityEnvironment.newInstance();
    environment.registerActivitiesImplementations(
        new EvaluationActivitiesImpl(store, registry, new EvaluationSettings(4, 2, 20, 5)));
    activities =
        environment.newActivityStub(
            EvaluationActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    datasetUri = TestDatasets.copy(store, "tiny", "runs/wf-1/prepare_data/dataset");
    // Predicts 1 exactly when x1 >= x2: sigmoid(x1 - x2) >= 0.5.
    candidateUri = store.uri("runs/wf-1/train_model/model.onnx");
    store.write("runs/wf-1/train_model/model.onnx", LogisticOnnxModel.of(new float[] {1, -1}, 0));
  }

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void computesHandCheckedMetricsAgainstTheMajorityClassWhenNoProductionModelExists()
      throws Exception {
    Evaluation evaluation = activities.evaluate(request(candidateUri, ALL_METRICS));

    // Test split: TP=3, FP=1, FN=2, TN=4; group A predicts 3 of 5 positive, group B 1 of 5.
    assertThat(evaluation.metrics()).containsOnlyKeys(ALL_METRICS);
    assertThat(evaluation.metrics().get("accuracy")).isCloseTo(0.7, within(1e-9));
    assertThat(evaluation.metrics().get("f1")).isCloseTo(6.0 / 9.0, within(1e-9));
    assertThat(evaluation.metrics().get("demographic_parity")).isCloseTo(0.4, within(1e-9));
    assertThat(evaluation.metrics().get("p99_latency")).isPositive();

    // Train labels are 4 zeros and 2 ones: the baseline predicts 0, right on 5 of 10 test rows.
    assertThat(evaluation.baselineKind()).isEqualTo("majority-class");
    assertThat(evaluation.baselineModel()).isEqualTo("majority-class");
    assertThat(evaluation.baseline().get("accuracy")).isCloseTo(0.5, within(1e-9));
    assertThat(evaluation.baseline().get("f1")).isZero();
    assertThat(evaluation.baseline().get("demographic_parity")).isZero();
    assertThat(evaluation.testRows()).isEqualTo(10);

    JsonNode report = new ObjectMapper().readTree(store.read(store.key(evaluation.reportUri())));
    assertThat(evaluation.reportUri()).endsWith("runs/wf-1/evaluate/evaluation.json");
    assertThat(report.path("baselineKind").asText()).isEqualTo("majority-class");
    assertThat(report.path("candidate").path("positiveRateByGroup").path("A").asDouble())
        .isCloseTo(0.6, within(1e-9));
    assertThat(report.path("candidate").path("latencySamples").asInt()).isEqualTo(10);
  }

  @Test
  void comparesAgainstTheProductionModelTheRegistryPointerNames() throws Exception {
    // Predicts 1 exactly when x1 >= 1.5: right on 6 of the 10 test rows.
    TestModels.registerAsProduction(
        store, registry, "v-prod", LogisticOnnxModel.flat(new float[] {1, 0}, -1.5f));

    Evaluation evaluation = activities.evaluate(request(candidateUri, List.of("accuracy")));

    assertThat(evaluation.baselineKind()).isEqualTo("production");
    assertThat(evaluation.baselineModel()).isEqualTo("v-prod");
    assertThat(evaluation.baseline()).containsOnlyKeys("accuracy");
    assertThat(evaluation.baseline().get("accuracy")).isCloseTo(0.6, within(1e-9));
  }

  @Test
  void aRetriedEvaluationReplacesItsReport() {
    Evaluation first = activities.evaluate(request(candidateUri, ALL_METRICS));
    Evaluation second = activities.evaluate(request(candidateUri, ALL_METRICS));

    assertThat(second.reportUri()).isEqualTo(first.reportUri());
    assertThat(second.metrics().get("accuracy")).isEqualTo(first.metrics().get("accuracy"));
  }

  @Test
  void unknownMetricNamesFailWithoutRetryNamingTheNodeAndTheKnownNames() {
    assertThatThrownBy(() -> activities.evaluate(request(candidateUri, List.of("auc", "f1"))))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ScoringFailures.UNKNOWN_METRIC);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("node 'evaluate'", "[auc]", "accuracy, f1, p99_latency");
            });
  }

  @Test
  void aModelOfAnotherInputWidthFailsNamingBothFeatureCounts() throws Exception {
    store.write("models/wide.onnx", LogisticOnnxModel.of(new float[] {1, 1, 1}, 0));

    assertThatThrownBy(
            () -> activities.evaluate(request(store.uri("models/wide.onnx"), ALL_METRICS)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ScoringFailures.INVALID_MODEL);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("expects 3 features", "lists 2 [x1, x2]", "models/wide.onnx");
            });
  }

  @Test
  void aMissingCandidateModelFailsWithoutRetryNamingIt() {
    assertThatThrownBy(
            () -> activities.evaluate(request(store.uri("runs/wf-1/nope.onnx"), ALL_METRICS)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ScoringFailures.MISSING_OBJECT);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("node 'evaluate'", "nope.onnx");
            });
  }

  private EvaluateRequest request(String modelUri, List<String> metrics) {
    return new EvaluateRequest(
        RUN, "evaluate", modelUri, datasetUri, "models/production/latest", metrics);
  }
}
