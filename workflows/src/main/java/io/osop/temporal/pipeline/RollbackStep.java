package io.osop.temporal.pipeline;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollback handler: runs every pending saga compensation, newest first, and records why. It
 * fails, listing every error, when any compensation fails; the others still run.
 */
final class RollbackStep implements NodeStep {

  private final Services services;

  RollbackStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    RunState state = services.state();
    String id = node.node.id();
    String reason =
        node.triggers.isEmpty() ? "rollback requested" : String.join("; ", node.triggers);

    node.detail = "running compensations";
    Saga.Unwind unwind = state.saga.compensate("undone by " + id);
    state.markCompensated(unwind, id);
    if (!unwind.errors().isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node "
              + id
              + ": "
              + unwind.errors().size()
              + " compensation(s) failed: "
              + String.join("; ", unwind.errors()),
          PipelineFailureTypes.COMPENSATION_FAILED,
          unwind.errors());
    }

    List<String> undone = new ArrayList<>();
    List<CompensationRecord> records = state.saga.records();
    for (int i = records.size() - 1; i >= 0; i--) {
      CompensationRecord record = records.get(i);
      if (Saga.DONE.equals(record.status())) {
        undone.add(record.nodeId() + ": " + record.description());
      }
    }
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.ROLLED_BACK, undone);
    outputs.put(NodeOutputKeys.ROLLBACK_REASON, reason);
    node.detail =
        undone.isEmpty() ? "nothing to undo" : "undid " + undone.size() + " side effect(s)";
    return outputs;
  }
}
