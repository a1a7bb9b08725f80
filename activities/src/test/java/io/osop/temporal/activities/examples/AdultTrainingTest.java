package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.data.DataActivitiesImpl;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.training.LocalProcessExecutor;
import io.osop.temporal.activities.training.TrainingActivitiesImpl;
import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.DataActivities.PrepareDataRequest;
import io.osop.temporal.pipeline.activity.DataActivities.PreparedData;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities.CommandResult;
import io.osop.temporal.pipeline.activity.TrainingActivities.RunCommandRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    Path adult = SharedData.require("data/adult.csv");
    Path example = SharedData.repositoryRoot().resolve("examples/argo-ml-training");
    Path table = Files.createDirectories(root.resolve("feature-store/adult/v1"));
    Files.copy(
        SharedData.repositoryRoot().resolve("examples/adult/feature-store/adult/v1/schema.yaml"),
        table.resolve("schema.yaml"));
    Files.copy(adult, table.resolve("adult.csv"));
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    environment.registerActivitiesImplementations(
        new DataActivitiesImpl(
            new ObjectStoreFeatureStore(new LocalObjectStore(root.resolve("feature-store")), ""),
            store,
            root.resolve("tmp")),
        new TrainingActivitiesImpl(new LocalProcessExecutor(), store, root.resolve("scratch")));
    ActivityOptions options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    RunRef run = new RunRef("adult-test", "argo-ml-training", example.toString());

    PreparedData data =
        environment
            .newActivityStub(DataActivities.class, options)
            .prepareData(
                new PrepareDataRequest(
                    run,
                    "prepare_data",
                    "feature-store://adult/v1",
                    Map.of("train", 0.8, "val", 0.1, "test", 0.1),
                    Map.of()));
    CommandResult result =
        environment
            .newActivityStub(TrainingActivities.class, options)
            .runCommand(
                new RunCommandRequest(
                    run,
                    "train_model",
                    "python3 train.py --config config/prod.yaml",
                    Map.of(),
                    data.datasetUri(),
                    Map.of()));

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
