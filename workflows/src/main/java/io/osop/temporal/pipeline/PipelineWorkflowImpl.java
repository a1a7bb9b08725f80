package io.osop.temporal.pipeline;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The interpreter: runs a pinned OSOP graph deterministically. A run that walks its graph returns
 * its {@link PipelineResult}; a run that fails (a node failure no edge handles, a condition that
 * cannot be evaluated) runs its compensations and fails with an {@link ApplicationFailure} whose
 * type is one of {@link PipelineFailureTypes} and whose first detail is the final result; a
 * cancelled run runs its compensations and ends cancelled. The {@code status} query returns the
 * result live, and afterwards the final one.
 *
 * <p>The worker registers it with a factory: {@code () -> new PipelineWorkflowImpl(defaults)}.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {

  private static final Logger log = Workflow.getLogger(PipelineWorkflowImpl.class);

  private final ActivityDefaults defaults;
  private final AbWindows windows = new AbWindows();
  private RunState state;

  /** An interpreter with the built-in activity defaults. */
  public PipelineWorkflowImpl() {
    this(ActivityDefaults.builtIn());
  }

  /** An interpreter with the worker's activity defaults. */
  public PipelineWorkflowImpl(ActivityDefaults defaults) {
    this.defaults = defaults;
  }

  @Override
  public PipelineResult run(PipelineInput input) {
    WorkflowInfo info = Workflow.getInfo();
    try {
      state =
          new RunState(
              input,
              info.getWorkflowId(),
              info.getRunId(),
              info.getAttempt(),
              Workflow.currentTimeMillis(),
              windows);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The pipeline cannot be run: " + e.getMessage(), PipelineFailureTypes.GRAPH_INVALID);
    }
    log.info(
        "Pipeline run started. pipeline={} hash={} nodes={}",
        state.definition.pipelineId(),
        state.definition.contentHash(),
        state.definition.nodes().size());

    NodeStep.Services services =
        new NodeStep.Services(
            state, new ActivityStubs(defaults), new UpstreamArtifacts(state), windows);
    GraphScheduler scheduler = new GraphScheduler(state, new NodeExecutor(services));
    try {
      scheduler.run();
    } catch (CanceledFailure cancelled) {
      scheduler.awaitRunningNodes();
      endCancelled();
      throw cancelled;
    } catch (PipelineRunFailure failure) {
      throw endFailed(failure);
    }

    OutcomeRule.decide(state);
    finish();
    return state.snapshot();
  }

  @Override
  public PipelineResult status() {
    if (state == null) {
      return new PipelineResult(
          Workflow.getInfo().getWorkflowId(),
          null,
          null,
          Outcome.RUNNING,
          "starting",
          List.of(),
          List.of(),
          null,
          0,
          0,
          List.of());
    }
    return state.snapshot();
  }

  @Override
  public void approve(String reason) {
    windows.decide(AbWindow.APPROVE, reason);
  }

  @Override
  public void reject(String reason) {
    windows.decide(AbWindow.REJECT, reason);
  }

  @Override
  public void extend(double hours) {
    windows.extend(hours);
  }

  private void endCancelled() {
    skipPending("not run: the run was cancelled");
    Saga.Unwind unwind = state.saga.compensate("undone after cancellation");
    state.markCompensated(unwind, "cancellation");
    state.outcome = Outcome.CANCELLED;
    state.reason = "the run was cancelled";
    finish();
    if (!unwind.errors().isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The run was cancelled and "
              + unwind.errors().size()
              + " compensation(s) failed: "
              + String.join("; ", unwind.errors()),
          PipelineFailureTypes.COMPENSATION_FAILED,
          state.snapshot());
    }
  }

  private ApplicationFailure endFailed(PipelineRunFailure failure) {
    skipPending("not run: the run failed");
    if (!state.errors.contains(failure.getMessage())) {
      state.errors.add(failure.getMessage());
    }
    Saga.Unwind unwind = state.saga.compensate("undone after the failure");
    state.markCompensated(unwind, "the failure");
    state.outcome = Outcome.FAILED;
    state.reason = failure.getMessage();
    finish();
    List<String> messages = new ArrayList<>();
    messages.add(failure.getMessage());
    messages.addAll(unwind.errors());
    return ApplicationFailure.newNonRetryableFailure(
        String.join("; ", messages), failure.type(), state.snapshot());
  }

  private void skipPending(String why) {
    for (NodeRun node : state.nodes()) {
      if (node.status == NodeStatus.PENDING) {
        node.status = NodeStatus.SKIPPED;
        node.detail = why;
      }
    }
  }

  private void finish() {
    state.finishedAtMillis = Workflow.currentTimeMillis();
    log.info(
        "Pipeline run ended. pipeline={} outcome={} reason={}",
        state.definition.pipelineId(),
        state.outcome,
        state.reason);
  }
}
