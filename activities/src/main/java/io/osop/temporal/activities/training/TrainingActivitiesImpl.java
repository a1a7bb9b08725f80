package io.osop.temporal.activities.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectWrites;
import io.osop.temporal.activities.storage.RunKeys;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingJob;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingOutcome;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-command handler's side effects: runs the node's command on a {@link TrainingExecutor}
 * with the dataset and model locations in environment variables, keeps its log at {@code
 * runs/<wf>/<node>/attempt-<n>/log.txt} and publishes the model (and metrics) it wrote beside it.
 * When an upstream dataset exists the command is a training step and must write a model.
 */
public final class TrainingActivitiesImpl implements TrainingActivities {

  /** Failure type of a command that exited with a non-zero code (retried per the node policy). */
  public static final String COMMAND_FAILED = "CommandFailed";

  /** Failure type of a training command that exited 0 without writing a model (not retried). */
  public static final String MODEL_MISSING = "ModelMissing";

  /** Failure type of a command that could not be started or wrote unreadable metrics. */
  public static final String COMMAND_INVALID = "CommandInvalid";

  private static final Logger log = LoggerFactory.getLogger(TrainingActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FAILURE_TAIL_LINES = 20;

  private final TrainingExecutor executor;
  private final ObjectStore store;
  private final Path scratchRoot;

  /**
   * @param executor where commands run
   * @param store where logs, models and metrics are kept
   * @param scratchRoot a local folder for per-attempt scratch space
   */
  public TrainingActivitiesImpl(TrainingExecutor executor, ObjectStore store, Path scratchRoot) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.store = Objects.requireNonNull(store, "store");
    this.scratchRoot =
        Objects.requireNonNull(scratchRoot, "scratchRoot").toAbsolutePath().normalize();
  }

  /**
   * A name for one attempt of a node's command, the same every time it is computed, usable as a
   * Kubernetes object name: lower case, at most 63 characters.
   */
  public static String jobName(String workflowId, String nodeId, int attempt) {
    String readable =
        (workflowId + "-" + nodeId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    readable = readable.replaceAll("^-+", "");
    if (readable.length() > 40) {
      readable = readable.substring(0, 40);
    }
    readable = readable.replaceAll("-+$", "");
    return "osop-" + readable + "-" + shortHash(workflowId + "/" + nodeId) + "-" + attempt;
  }

  @Override
  public CommandResult runCommand(RunCommandRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    int attempt = context.getInfo().getAttempt();
    RunRef run = request.run();
    String name = jobName(run.workflowId(), request.nodeId(), attempt);
    String attemptPrefix = RunKeys.attemptPrefix(run.workflowId(), request.nodeId(), attempt);
    Path scratch = scratchRoot.resolve(name);
    try {
      deleteTree(scratch);
      Files.createDirectories(scratch);
      Path dataDir =
          request.datasetUri() == null
              ? null
              : TrainingEnvironment.localDataset(store, request.datasetUri(), scratch);
      Path modelPath = scratch.resolve("model.onnx");
      Path metricsPath = scratch.resolve("metrics.json");
      Map<String, String> env =
          TrainingEnvironment.variables(
              request.env(),
              dataDir,
              request.datasetUri(),
              modelPath,
              metricsPath,
              store.uri(attemptPrefix + "model.onnx"),
              run.workflowId(),
              request.nodeId(),
              attempt);
      TrainingJob job =
          new TrainingJob(
              name,
              request.command(),
              run.baseDirectory(),
              env,
              request.resources() == null ? Map.of() : request.resources(),
              Map.of("osop/workflow-id", run.workflowId(), "osop/node-id", request.nodeId()));

      TrainingOutcome outcome = executor.run(job, progress(context, name));
      String logKey = attemptPrefix + "log.txt";
      store.write(logKey, outcome.log().getBytes(StandardCharsets.UTF_8));
      return finish(request, outcome, attempt, attemptPrefix, modelPath, metricsPath, logKey);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Node " + request.nodeId() + ": " + e.getMessage(), COMMAND_INVALID, e);
    } catch (IOException e) {
      throw Activity.wrap(
          new IOException("Node " + request.nodeId() + ": running the command failed", e));
    } finally {
      deleteTree(scratch);
    }
  }

  private CommandResult finish(
      RunCommandRequest request,
      TrainingOutcome outcome,
      int attempt,
      String attemptPrefix,
      Path modelPath,
      Path metricsPath,
      String logKey)
      throws IOException {
    if (outcome.exitCode() != 0) {
      throw ApplicationFailure.newFailure(
          "Node "
              + request.nodeId()
              + ": '"
              + request.command()
              + "' exited with code "
              + outcome.exitCode()
              + "; log: "
              + store.uri(logKey)
              + "; last lines:\n"
              + lastLines(outcome.log()),
          COMMAND_FAILED,
          outcome.exitCode());
    }
    String modelKey = attemptPrefix + "model.onnx";
    boolean modelWritten = Files.isRegularFile(modelPath) && Files.size(modelPath) > 0;
    // A remote executor (a Kubernetes Job) cannot reach this machine's scratch folder; its command
    // writes the model to OSOP_MODEL_URI in the object store instead.
    boolean modelStored =
        !modelWritten && store.stat(modelKey).filter(info -> info.size() > 0).isPresent();
    if (!modelWritten && !modelStored && request.datasetUri() != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node "
              + request.nodeId()
              + ": '"
              + request.command()
              + "' exited 0 but wrote no model to OSOP_MODEL_PATH ("
              + modelPath.getFileName()
              + ") or OSOP_MODEL_URI ("
              + store.uri(modelKey)
              + "); log: "
              + store.uri(logKey),
          MODEL_MISSING);
    }
    String modelUri = modelStored ? store.uri(modelKey) : null;
    if (modelWritten) {
      try (InputStream in = Files.newInputStream(modelPath)) {
        ObjectWrites.create(store, modelKey, in::transferTo);
      }
      modelUri = store.uri(modelKey);
    }
    Map<String, Object> metrics = readMetrics(request, metricsPath, attemptPrefix);
    log.info(
        "Command succeeded. node={} attempt={} durationMs={} model={}",
        request.nodeId(),
        attempt,
        outcome.durationMillis(),
        modelUri);
    return new CommandResult(
        0, modelUri, store.uri(logKey), outcome.durationMillis(), attempt, metrics);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readMetrics(
      RunCommandRequest request, Path metricsPath, String attemptPrefix) throws IOException {
    if (!Files.isRegularFile(metricsPath)) {
      return Map.of();
    }
    byte[] bytes = Files.readAllBytes(metricsPath);
    Object parsed;
    try {
      parsed = JSON.readValue(bytes, Object.class);
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Node " + request.nodeId() + ": OSOP_METRICS_PATH does not hold valid JSON",
          COMMAND_INVALID,
          e);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node " + request.nodeId() + ": OSOP_METRICS_PATH must hold a JSON object",
          COMMAND_INVALID);
    }
    ObjectWrites.create(store, attemptPrefix + "metrics.json", out -> out.write(bytes));
    return new LinkedHashMap<>((Map<String, Object>) map);
  }

  private static TrainingProgress progress(ActivityExecutionContext context, String name) {
    return new TrainingProgress() {
      @Override
      public void log(String line) {
        log.debug("Command output. job={} line={}", name, line);
      }

      @Override
      public void heartbeat(String detail) {
        context.heartbeat(detail);
      }
    };
  }

  private static String lastLines(String log) {
    String[] lines = log.split("\n");
    int from = Math.max(0, lines.length - FAILURE_TAIL_LINES);
    return String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      log.warn("Could not delete scratch space. folder={}", folder, e);
    }
  }
}
