package io.osop.temporal.activities.examples;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The example's table and configs: prod learns the table well, weak clearly loses to it. */
class ExampleConfigsTest {

  @TempDir Path root;
  private final TestActivityEnvironment environment = TestActivityEnvironment.newInstance();

  @AfterEach
  void tearDown() {
    environment.close();
  }

  @Test
  void prodConfigLearnsTheTableAndWeakConfigLosesToIt() throws IOException {
    Path example = SharedData.repositoryRoot().resolve("examples/argo-ml-training");
    Path featureStore = root.resolve("example/feature-store");
    Files.createDirectories(featureStore.resolve("user-embeddings/v3"));
    Files.copy(example.resolve("generate.py"), root.resolve("example/generate.py"));
    Files.copy(
        example.resolve("feature-store/user-embeddings/v3/schema.yaml"),
        featureStore.resolve("user-embeddings/v3/schema.yaml"));
    ExampleTables.ensureGenerated(featureStore);
    LocalObjectStore store = new LocalObjectStore(root.resolve("store"));
    environment.registerActivitiesImplementations(
        new DataActivitiesImpl(
            new ObjectStoreFeatureStore(new LocalObjectStore(featureStore), ""),
            store,
            root.resolve("tmp")),
        new TrainingActivitiesImpl(new LocalProcessExecutor(), store, root.resolve("scratch")));
    ActivityOptions options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    RunRef run = new RunRef("example-configs", "argo-ml-training", example.toString());
    PreparedData data =
        environment
            .newActivityStub(DataActivities.class, options)
            .prepareData(
                new PrepareDataRequest(
                    run,
                    "prepare_data",
                    "feature-store://user-embeddings/v3",
                    Map.of("train", 0.8, "val", 0.1, "test", 0.1),
                    Map.of()));
    TrainingActivities training = environment.newActivityStub(TrainingActivities.class, options);

    double prod = valAccuracy(training, run, data, "prod");
    double weak = valAccuracy(training, run, data, "weak");

    assertThat(prod).isBetween(0.8, 0.9);
    assertThat(weak).isLessThan(prod - 0.1);
  }

  private static double valAccuracy(
      TrainingActivities training, RunRef run, PreparedData data, String config) {
    return ((Number)
            training
                .runCommand(
                    new RunCommandRequest(
                        run,
                        "train_" + config,
                        "python3 train.py --config config/" + config + ".yaml",
                        Map.of(),
                        data.datasetUri(),
                        Map.of()))
                .metrics()
                .get("val_accuracy"))
        .doubleValue();
  }
}
