package io.osop.temporal.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs one pinned OSOP pipeline; queried for live status and steered at its A/B gate. */
@WorkflowInterface
public interface PipelineWorkflow {

  /**
   * Interprets the pipeline graph to its end and reports every node's fate. A failed run fails with
   * an {@code ApplicationFailure} of a {@link PipelineFailureTypes} type whose first detail is this
   * result (outcome FAILED); a cancelled run ends cancelled and {@link #status} then returns its
   * result (outcome CANCELLED).
   */
  @WorkflowMethod
  PipelineResult run(PipelineInput input);

  /** The run's live state, in the shape of the final result. */
  @QueryMethod
  PipelineResult status();

  /** Ends the running A/B window now with the candidate as winner. */
  @SignalMethod
  void approve(String reason);

  /** Ends the running A/B window now with the candidate as loser. */
  @SignalMethod
  void reject(String reason);

  /** Lengthens the running A/B window by the given hours. */
  @SignalMethod
  void extend(double hours);
}
