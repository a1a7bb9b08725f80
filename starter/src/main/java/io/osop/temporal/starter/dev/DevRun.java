package io.osop.temporal.starter.dev;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.starter.RunStart;
import io.osop.temporal.starter.output.RunFollower;
import io.osop.temporal.starter.output.RunSummary;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pipeline run on the embedded default: starts Temporal's test server and a worker in this JVM,
 * starts the run, follows it live, prints the summary. Ctrl-C cancels the run and waits for its
 * compensations before the process ends.
 */
final class DevRun {

  private static final String TASK_QUEUE = "osop-dev";
  private static final long CANCEL_WAIT_SECONDS = 120;

  /** Long enough for a local command to get SIGTERM and, after its grace period, SIGKILL. */
  private static final Duration WORKER_STOP_GRACE = Duration.ofSeconds(20);

  private final DevSetup setup;
  private final PrintWriter out;
  private final boolean realTime;

  DevRun(DevSetup setup, PrintWriter out, boolean realTime) {
    this.setup = setup;
    this.out = out;
    this.realTime = realTime;
  }

  /** Runs the pipeline to its end and returns its result. */
  PipelineResult run(PipelineDefinition definition) throws InterruptedException {
    String workflowId = RunStart.newWorkflowId(definition.pipelineId());
    out.printf(
        "Running %s (%s, sha256 %s) as workflow %s%n",
        definition.pipelineId(),
        definition.sourceFile(),
        definition.contentHash().substring(0, 12),
        workflowId);
    out.printf("Workspace: %s%nFeature store: %s%n", setup.workdir(), setup.featureStore());
    out.println(
        realTime
            ? "Timers keep wall time (--real-time): the A/B window lasts as long as configured."
            : "Timers skip: the A/B window passes in seconds (--real-time keeps wall time).");
    out.flush();

    try (EmbeddedTemporal temporal =
        EmbeddedTemporal.start(TASK_QUEUE, !realTime, this::register)) {
      WorkflowClient client = temporal.client();
      PipelineWorkflow workflow =
          client.newWorkflowStub(
              PipelineWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(TASK_QUEUE)
                  .setWorkflowId(workflowId)
                  .setMemo(RunStart.memo(definition))
                  .build());
      WorkflowClient.start(workflow::run, new PipelineInput(definition, Map.of()));
      WorkflowStub stub = WorkflowStub.fromTyped(workflow);
      CompletableFuture<PipelineResult> result = awaitEnd(stub, workflow);

      AtomicBoolean finished = new AtomicBoolean();
      AtomicBoolean interrupted = new AtomicBoolean();
      Thread cancelOnInterrupt =
          new Thread(() -> cancelAndWait(temporal, stub, result, finished, interrupted));
      Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
      try {
        PipelineResult done =
            new RunFollower(out).follow(() -> queryStatus(workflow), () -> resultIfDone(result));
        if (interrupted.get()) {
          // The shutdown hook owns the output and the exit from here on.
          Thread.sleep(Long.MAX_VALUE);
        }
        finished.set(true);
        new RunSummary(out).print(done);
        return done;
      } finally {
        finished.set(true);
        removeHook(cancelOnInterrupt);
      }
    }
  }

  private void register(io.temporal.worker.Worker worker) {
    setup.components().registerWorkflow(worker);
    List<Object> activities = new ArrayList<>();
    for (Map.Entry<Handler, List<Object>> entry : setup.components().activities().entrySet()) {
      activities.addAll(entry.getValue());
    }
    worker.registerActivitiesImplementations(activities.toArray());
  }

  private static PipelineResult queryStatus(PipelineWorkflow workflow) {
    try {
      return workflow.status();
    } catch (RuntimeException e) {
      // The run may not have taken its first workflow task yet, or has just closed.
      return null;
    }
  }

  /**
   * Waits for the run's end on a thread of its own: the test server skips time only while a client
   * blocks on the result. A failed or cancelled run throws instead of returning; its final state is
   * then read with the status query, which a closed run still answers.
   */
  private static CompletableFuture<PipelineResult> awaitEnd(
      WorkflowStub stub, PipelineWorkflow workflow) {
    CompletableFuture<PipelineResult> ended = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                ended.complete(stub.getResult(PipelineResult.class));
              } catch (WorkflowFailedException e) {
                PipelineResult last = queryStatus(workflow);
                if (last != null) {
                  ended.complete(last);
                } else {
                  ended.completeExceptionally(e);
                }
              } catch (RuntimeException e) {
                ended.completeExceptionally(e);
              }
            },
            "dev-run-waiter");
    waiter.setDaemon(true);
    waiter.start();
    return ended;
  }

  private static PipelineResult resultIfDone(CompletableFuture<PipelineResult> result) {
    if (!result.isDone()) {
      return null;
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the run's result", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the run ended without a result: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Runs on Ctrl-C: cancels the run, waits for its compensations, then stops the worker so that a
   * running command is interrupted and its whole process tree is stopped, prints the summary and
   * exits 1 like any other cancelled run.
   */
  private void cancelAndWait(
      EmbeddedTemporal temporal,
      WorkflowStub stub,
      CompletableFuture<PipelineResult> result,
      AtomicBoolean finished,
      AtomicBoolean interrupted) {
    if (finished.get()) {
      return;
    }
    interrupted.set(true);
    out.println();
    out.println("Interrupted: cancelling the run and undoing its side effects...");
    out.flush();
    PipelineResult done = null;
    try {
      stub.cancel();
      done = result.get(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      out.printf("The run did not end within %d s of the cancel.%n", CANCEL_WAIT_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      out.println("The cancelled run ended with: " + e.getMessage());
    }
    out.println("Stopping running commands...");
    out.flush();
    temporal.stopWorkers(WORKER_STOP_GRACE);
    if (done != null) {
      new RunSummary(out).print(done);
    }
    out.flush();
    Runtime.getRuntime().halt(1);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and must finish its work.
    }
  }
}
