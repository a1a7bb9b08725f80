package io.osop.temporal.activities.training;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities.CommandResult;
import io.osop.temporal.pipeline.activity.TrainingActivities.RunCommandRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingActivitiesImplTest {

  private static final String DATA = "runs/wf-1/prepare_data/";

  @TempDir Path root;
  private LocalObjectStore local;
  private TestActivityEnvironment environment;
  private RunRef run;

  @BeforeEach
  void setUp() throws IOException {
    local = new LocalObjectStore(root.resolve("store"));
    for (String name : List.of("train.csv", "val.csv", "test.csv")) {
      local.write(DATA + name, ("x,label,group\n1," + name.length() + ",a\n").getBytes(UTF_8));
    }
    local.write(DATA + "manifest.json", "{}".getBytes(UTF_8));
    Files.createDirectories(root.resolve("pipeline"));
    run = new RunRef("wf-1", "argo-ml-training", root.resolve("pipeline").toString());
    environment = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    environment.close();
  }

  private TrainingActivities activities(ObjectStore store) {
    environment.registerActivitiesImplementations(
        new TrainingActivitiesImpl(
            new LocalProcessExecutor(Duration.ofMillis(200), Duration.ofSeconds(1)),
            store,
            root.resolve("scratch")));
    return environment.newActivityStub(
        TrainingActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  private RunCommandRequest request(String command) {
    return new RunCommandRequest(
        run, "train_model", command, Map.of(), local.uri(DATA), Map.of("EXTRA", "from node"));
  }

  private static final String WRITE_MODEL =
      "printf onnx > \"$OSOP_MODEL_PATH\"; echo '{\"val_accuracy\": 0.9}' > \"$OSOP_METRICS_PATH\"";

  @Test
  void commandSeesTheDataInPlaceAndItsModelLogAndMetricsAreKept() throws IOException {
    CommandResult result =
        activities(local)
            .runCommand(
                request(
                    "env | grep -E '^(OSOP_|EXTRA)' | sort; head -1 \"$OSOP_TRAIN\"; pwd; "
                        + WRITE_MODEL));

    assertThat(result.exitCode()).isZero();
    assertThat(result.metrics()).containsEntry("val_accuracy", 0.9);
    assertThat(local.read(local.key(result.modelUri()))).isEqualTo("onnx".getBytes(UTF_8));
    assertThat(result.modelUri())
        .endsWith("runs/wf-1/train_model/attempt-" + result.attempt() + "/model.onnx");
    String log = new String(local.read(local.key(result.logUri())), UTF_8);
    Path dataDir = local.localPath(DATA + "train.csv").orElseThrow().getParent();
    assertThat(log)
        .contains("EXTRA=from node")
        .contains("OSOP_DATA_DIR=" + dataDir)
        .contains("OSOP_TRAIN=" + dataDir.resolve("train.csv"))
        .contains("OSOP_VAL=" + dataDir.resolve("val.csv"))
        .contains("OSOP_TEST=" + dataDir.resolve("test.csv"))
        .contains("OSOP_MANIFEST=" + dataDir.resolve("manifest.json"))
        .contains("OSOP_DATA_URI=" + local.uri(DATA))
        .contains("OSOP_MODEL_URI=" + result.modelUri())
        .contains("OSOP_RUN_ID=wf-1")
        .contains("OSOP_NODE_ID=train_model")
        .contains("OSOP_ATTEMPT=" + result.attempt())
        .contains("x,label,group")
        .contains(root.resolve("pipeline").toRealPath().toString());
    assertThat(local.stat(local.key(result.logUri()).replace("log.txt", "metrics.json")))
        .isPresent();
  }

  @Test
  void storesWithoutLocalFilesGetTheirDataStagedAndTheModelUploaded() throws IOException {
    ObjectStore remote = new RemoteLike(local);

    CommandResult result =
        activities(remote)
            .runCommand(request("cat \"$OSOP_VAL\"; echo dir=$OSOP_DATA_DIR; " + WRITE_MODEL));

    String log = new String(local.read(local.key(result.logUri())), UTF_8);
    assertThat(log).contains("1,7,a").contains("dir=" + root.resolve("scratch"));
    assertThat(local.read(local.key(result.modelUri()))).isEqualTo("onnx".getBytes(UTF_8));
    try (var left = Files.list(root.resolve("scratch"))) {
      assertThat(left).as("scratch space is cleaned up").isEmpty();
    }
  }

  @Test
  void aNonZeroExitFailsWithTheLastLinesAndKeepsTheLog() throws IOException {
    TrainingActivities activities = activities(local);

    assertThatThrownBy(
            () ->
                activities.runCommand(
                    request("echo loading; echo 'CUDA out of memory' >&2; exit 2")))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrainingActivitiesImpl.COMMAND_FAILED);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getOriginalMessage())
                  .contains("train_model")
                  .contains("exited with code 2")
                  .contains("CUDA out of memory")
                  .contains("log.txt");
            });
    assertThat(local.list("runs/wf-1/train_model/"))
        .extracting(i -> i.key())
        .anyMatch(k -> k.endsWith("/log.txt"));
  }

  @Test
  void aTrainingCommandThatWritesNoModelFailsWithoutRetry() {
    TrainingActivities activities = activities(local);

    assertThatThrownBy(() -> activities.runCommand(request("echo trained nothing")))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(TrainingActivitiesImpl.MODEL_MISSING);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("OSOP_MODEL_PATH");
            });
  }

  @Test
  void cancellingTheActivityStopsTheCommandAndItsChildren() throws Exception {
    TrainingActivities activities = activities(local);
    Path pidFile = root.resolve("child.pid");
    CompletableFuture<CommandResult> running =
        CompletableFuture.supplyAsync(
            () -> activities.runCommand(request("sleep 60 & echo $! > '" + pidFile + "'; wait")));
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(pidFile) > 0);
    long child = Long.parseLong(Files.readString(pidFile).trim());

    environment.requestCancelActivity();

    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
  }

  @Test
  void jobNamesAreDeterministicAndValidKubernetesNames() {
    String name =
        TrainingActivitiesImpl.jobName("Argo ML/Training_Run:2026-12-04T15:50", "train_model", 3);

    assertThat(name)
        .isEqualTo(
            TrainingActivitiesImpl.jobName(
                "Argo ML/Training_Run:2026-12-04T15:50", "train_model", 3));
    assertThat(name)
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-3");
    assertThat(
            TrainingActivitiesImpl.jobName(
                "Argo ML/Training_Run:2026-12-04T15:50", "train_model", 4))
        .isNotEqualTo(name);
    assertThat(TrainingActivitiesImpl.jobName("x".repeat(300), "n", 1))
        .hasSizeLessThanOrEqualTo(63);
  }

  /** A store that keeps its objects elsewhere: no local paths, everything else delegated. */
  private record RemoteLike(ObjectStore delegate) implements ObjectStore {
    @Override
    public String uri(String key) {
      return delegate.uri(key);
    }

    @Override
    public String key(String uri) {
      return delegate.key(uri);
    }

    @Override
    public OutputStream create(String key) throws IOException {
      return delegate.create(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
      return delegate.open(key);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
      return delegate.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
      return delegate.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
      delegate.delete(key);
    }

    @Override
    public boolean replace(String key, byte[] bytes, long expectedGeneration) throws IOException {
      return delegate.replace(key, bytes, expectedGeneration);
    }
  }
}
