package io.osop.temporal.pipeline;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A time-skipping Temporal test environment with the interpreter and the fake activities
 * registered.
 *
 * <p>Run the tests with {@code -Dosop.recordHistories=true} to rewrite the recorded histories under
 * {@code src/test/resources/histories/} that {@link RecordedHistoriesReplayTest} replays.
 */
final class PipelineTestEnvironment implements AutoCloseable {

  static final String TASK_QUEUE = "pipelines-test";

  /** Built-in defaults with 1 s retry delays so that retries cost no wall time. */
  static final ActivityDefaults TEST_DEFAULTS = fastRetries(ActivityDefaults.builtIn());

  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  final TestWorkflowEnvironment env;
  final FakeActivities fakes;
  final Worker worker;

  PipelineTestEnvironment(FakeActivities fakes) {
    this(fakes, TEST_DEFAULTS);
  }

  /** An environment whose interpreter uses the given defaults, as a worker would pass them. */
  PipelineTestEnvironment(FakeActivities fakes, ActivityDefaults defaults) {
    this.fakes = fakes;
    this.env = TestWorkflowEnvironment.newInstance();
    this.worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationFactory(
        PipelineWorkflow.class, () -> new PipelineWorkflowImpl(defaults));
    worker.registerActivitiesImplementations(fakes);
  }

  /** Starts the workers; call after registering anything extra. */
  PipelineTestEnvironment start() {
    env.start();
    return this;
  }

  PipelineWorkflow stub(String workflowId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowExecutionTimeout(Duration.ofDays(30))
                .build());
  }

  /** Starts a run and returns its stub for signals and queries. */
  PipelineWorkflow startRun(String workflowId, PipelineDefinition definition) {
    PipelineWorkflow stub = stub(workflowId);
    WorkflowClient.start(stub::run, new PipelineInput(definition, Map.of("owner", "tests")));
    return stub;
  }

  /** Runs a pipeline to a result; fails the test if the run fails. */
  PipelineResult run(String workflowId, PipelineDefinition definition) {
    startRun(workflowId, definition);
    return result(workflowId);
  }

  PipelineResult result(String workflowId) {
    return WorkflowStub.fromTyped(existing(workflowId)).getResult(PipelineResult.class);
  }

  /** Runs a pipeline that must fail and returns the failure; its first detail is the result. */
  ApplicationFailure runFailing(String workflowId, PipelineDefinition definition) {
    startRun(workflowId, definition);
    return failure(workflowId);
  }

  ApplicationFailure failure(String workflowId) {
    try {
      result(workflowId);
    } catch (WorkflowFailedException e) {
      if (e.getCause() instanceof ApplicationFailure application) {
        return application;
      }
      throw new AssertionError("The run failed without an application failure", e);
    }
    throw new AssertionError("The run " + workflowId + " was expected to fail but completed");
  }

  PipelineWorkflow existing(String workflowId) {
    return env.getWorkflowClient().newWorkflowStub(PipelineWorkflow.class, workflowId);
  }

  /** Polls the run's status query (which skips no time) until the condition holds. */
  PipelineResult awaitStatus(String workflowId, Predicate<PipelineResult> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    PipelineResult status = existing(workflowId).status();
    while (!condition.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The run never reached the expected state; last: " + status);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for the run", e);
      }
      status = existing(workflowId).status();
    }
    return status;
  }

  WorkflowExecutionHistory history(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId);
  }

  long events(String workflowId) {
    return history(workflowId).getEvents().size();
  }

  long events(String workflowId, EventType type) {
    return history(workflowId).getEvents().stream()
        .filter(event -> event.getEventType() == type)
        .count();
  }

  /** Writes the run's history as a replay fixture when recording is switched on. */
  void recordHistory(String name, String workflowId) {
    if (!Boolean.getBoolean("osop.recordHistories")) {
      return;
    }
    try {
      Files.createDirectories(HISTORIES);
      Files.writeString(HISTORIES.resolve(name + ".json"), history(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the history " + name, e);
    }
  }

  @Override
  public void close() {
    env.close();
  }

  private static ActivityDefaults fastRetries(ActivityDefaults defaults) {
    ActivityDefaults fast = defaults;
    for (Handler handler : Handler.values()) {
      ActivityDefaults.Settings settings = defaults.forHandler(handler);
      fast =
          fast.with(
              handler,
              new ActivityDefaults.Settings(
                  settings.startToClose(),
                  settings.heartbeat(),
                  settings.maximumAttempts(),
                  Duration.ofSeconds(1),
                  1.0,
                  Duration.ofSeconds(1)));
    }
    return fast;
  }
}
