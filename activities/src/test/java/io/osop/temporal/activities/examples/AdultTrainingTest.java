package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.osop.temporal.pipeline.activity.TrainingActivities.CommandResult;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits the UCI Adult file as found and trains the example's train.py on it. */
class AdultTrainingTest {

  @TempDir Path root;
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void trainPyReachesTheExpectedValidationAccuracyOnAdult() throws IOException {
    ExampleSteps steps =
        new ExampleSteps(environment, root, ExampleSteps.adultFeatureStore(root), "adult-test");
    steps.register();
    LocalObjectStore store = steps.store();

    PreparedData data = steps.prepare("feature-store://adult/v1");
    CommandResult result = steps.train("train_model", "config/prod.yaml", data);

    assertThat(data.rows().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(32_561);
    assertThat(result.exitCode()).isZero();
    assertThat(store.read(store.key(result.modelUri()))).hasSizeGreaterThan(100);
    assertThat(((Number) result.metrics().get("val_accuracy")).doubleValue()).isBetween(0.82, 0.86);
    assertThat(((Number) result.metrics().get("features")).intValue())
        .isEqualTo(data.features().size());
    double onnxAccuracy =
        OnnxAccuracy.of(
            store.read(store.key(result.modelUri())),
            store.localPath(store.key(data.datasetUri()) + "val.csv").orElseThrow());
    assertThat(onnxAccuracy)
        .as("ONNX Runtime agrees with train.py's own val accuracy")
        .isCloseTo(((Number) result.metrics().get("val_accuracy")).doubleValue(), within(0.002));
  }
}
