package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.AbWindowStatus;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.NodeStatus;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/** A stand-in pipeline with one A/B gate that waits for an approve, reject or extend signal. */
public final class GatedPipelineWorkflow implements PipelineWorkflow {
  private String decision;
  private double hours = 24;
  private Outcome outcome = Outcome.RUNNING;

  @Override
  public PipelineResult run(PipelineInput input) {
    Workflow.await(() -> decision != null);
    outcome = decision.startsWith("approve") ? Outcome.PROMOTED : Outcome.ROLLED_BACK;
    return status();
  }

  @Override
  public PipelineResult status() {
    NodeStatus gate = decision == null ? NodeStatus.RUNNING : NodeStatus.SUCCEEDED;
    return new PipelineResult(
        Workflow.getInfo().getWorkflowId(),
        "gated",
        "hash",
        outcome,
        decision,
        List.of(
            new NodeState("ab_test", Handler.SHADOW_AB_TEST.id(), gate, Map.of(), 1, 1, 0, null)),
        List.of(),
        new AbWindowStatus("ab_test", 0.5, hours, 1, "ok", decision),
        1,
        0,
        List.of());
  }

  @Override
  public void approve(String reason) {
    decision = "approve: " + reason;
  }

  @Override
  public void reject(String reason) {
    decision = "reject: " + reason;
  }

  @Override
  public void extend(double hours) {
    this.hours += hours;
  }
}
