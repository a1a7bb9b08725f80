package io.osop.temporal.activities.examples;

import io.osop.temporal.activities.data.DataActivitiesImpl;
import io.osop.temporal.activities.data.ObjectStoreFeatureStore;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.RepositoryLayout;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed pipeline's first two steps, prepare-data and the example's train.py, run through the
 * real activities on a test activity environment, with the store under a test folder.
 */
final class ExampleSteps {

  static final Path EXAMPLE = RepositoryLayout.root().resolve("examples/argo-ml-training");

  private final TestActivityEnvironment environment;
  private final Path root;
  private final Path featureStore;
  private final LocalObjectStore store;
  private final RunRef run;
  private final ActivityOptions options =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  ExampleSteps(TestActivityEnvironment environment, Path root, Path featureStore, String runId)
      throws IOException {
    this.environment = environment;
    this.root = root;
    this.featureStore = featureStore;
    this.store = new LocalObjectStore(root.resolve("store"));
    this.run = new RunRef(runId, "argo-ml-training", EXAMPLE.toString());
  }

  /** Lays out the UCI Adult file as found, with the committed schema, as {@code adult/v1}. */
  static Path adultFeatureStore(Path root) throws IOException {
    Path adult = RepositoryLayout.shared("data/adult.csv");
    Path featureStore = root.resolve("feature-store");
    Path table = Files.createDirectories(featureStore.resolve("adult/v1"));
    Files.copy(
        RepositoryLayout.root().resolve("examples/adult/feature-store/adult/v1/schema.yaml"),
        table.resolve("schema.yaml"));
    Files.copy(adult, table.resolve("adult.csv"));
    return featureStore;
  }

  /** Registers the data and training activities, plus any others the test drives. */
  void register(Object... others) throws IOException {
    List<Object> activities = new ArrayList<>();
    activities.add(
        new DataActivitiesImpl(
            new ObjectStoreFeatureStore(new LocalObjectStore(featureStore), ""),
            store,
            root.resolve("tmp")));
    activities.add(
        new TrainingActivitiesImpl(new LocalProcessExecutor(), store, root.resolve("scratch")));
    activities.addAll(List.of(others));
    environment.registerActivitiesImplementations(activities.toArray());
  }

  LocalObjectStore store() {
    return store;
  }

  RunRef run() {
    return run;
  }

  ActivityOptions options() {
    return options;
  }

  /** Splits a feature-store table 80/10/10 as the seed's data node does. */
  PreparedData prepare(String source) {
    return environment
        .newActivityStub(DataActivities.class, options)
        .prepareData(
            new PrepareDataRequest(
                run,
                "prepare_data",
                source,
                Map.of("train", 0.8, "val", 0.1, "test", 0.1),
                Map.of()));
  }

  /** Runs train.py with one of the example's configs on the prepared data. */
  CommandResult train(String nodeId, String config, PreparedData data) {
    return environment
        .newActivityStub(TrainingActivities.class, options)
        .runCommand(
            new RunCommandRequest(
                run,
                nodeId,
                "python3 train.py --config " + config,
                Map.of(),
                data.datasetUri(),
                Map.of()));
  }
}
