package io.osop.temporal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one node during a run; only the workflow's threads touch it. */
final class NodeRun {

  final PipelineNode node;
  NodeStatus status = NodeStatus.PENDING;
  Map<String, Object> outputs = Map.of();
  int attempts;
  long startedAtMillis;
  long finishedAtMillis;
  String detail;
  NodeError error;

  /** Why the node runs: one line per incoming edge that was taken, in file order. */
  final List<String> triggers = new ArrayList<>();

  NodeRun(PipelineNode node) {
    this.node = node;
  }

  boolean isSettled() {
    return status != NodeStatus.PENDING && status != NodeStatus.RUNNING;
  }

  NodeState snapshot() {
    return new NodeState(
        node.id(),
        node.handler().id(),
        status,
        new LinkedHashMap<>(outputs),
        attempts,
        startedAtMillis,
        finishedAtMillis,
        detail);
  }

  /**
   * A node's failure as conditions on error edges see it.
   *
   * @param type the failure type (the application failure's type, or the Temporal failure kind)
   * @param message the failure's message, innermost cause first
   * @param timeout whether the failure was a timeout
   */
  record NodeError(String type, String message, boolean timeout) {

    Map<String, Object> toScope(String nodeId) {
      Map<String, Object> scope = new LinkedHashMap<>();
      scope.put("node", nodeId);
      scope.put("type", type);
      scope.put("message", message);
      scope.put("timeout", timeout);
      return scope;
    }
  }
}
