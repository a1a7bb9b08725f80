package io.osop.temporal.starter.dev;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded default: Temporal's Java test server and one worker in this JVM. With time skipping
 * on, timers (the A/B window) pass as soon as nothing else is running; activities keep wall time.
 */
final class EmbeddedTemporal implements AutoCloseable {

  /**
   * The first workflow task of a fresh JVM loads the interpreter's classes; on a busy laptop that
   * can take longer than the SDK's one-second deadlock detector allows.
   */
  private static final long FIRST_TASK_ALLOWANCE_MILLIS = 10_000;

  private final TestWorkflowEnvironment environment;

  private EmbeddedTemporal(TestWorkflowEnvironment environment) {
    this.environment = environment;
  }

  /** Starts the server and a worker on {@code taskQueue}, registered by {@code register}. */
  static EmbeddedTemporal start(String taskQueue, boolean skipTime, Consumer<Worker> register) {
    TestWorkflowEnvironment environment =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(skipTime).build());
    try {
      register.accept(
          environment.newWorker(
              taskQueue,
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(FIRST_TASK_ALLOWANCE_MILLIS)
                  .build()));
      environment.start();
      return new EmbeddedTemporal(environment);
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  WorkflowClient client() {
    return environment.getWorkflowClient();
  }

  TestWorkflowEnvironment environment() {
    return environment;
  }

  /**
   * Stops polling and interrupts running activities (a local command's process tree is stopped on
   * interrupt), waiting up to {@code grace} for them to end.
   */
  void stopWorkers(Duration grace) {
    environment.getWorkerFactory().shutdownNow();
    environment.getWorkerFactory().awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    environment.close();
  }
}
