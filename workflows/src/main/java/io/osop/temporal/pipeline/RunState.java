package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.RunRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Everything the run knows: each node's state, the saga, the A/B window, the outcome. The status
 * query reads it; only workflow code changes it.
 */
final class RunState {

  final PipelineDefinition definition;
  final PipelineGraph graph;
  final RunRef run;
  final Map<String, Object> parameters;
  final Map<String, Object> metadata;
  final Saga saga = new Saga();
  final List<String> errors = new ArrayList<>();
  final long startedAtMillis;

  private final Map<String, NodeRun> nodes = new LinkedHashMap<>();

  Outcome outcome = Outcome.RUNNING;
  String reason = "running";
  long finishedAtMillis;
  private final AbWindows windows;

  /** Whether the candidate reached traffic: an A/B or deploy node started. */
  boolean trafficReached;

  RunState(
      PipelineInput input,
      String workflowId,
      String runId,
      int attempt,
      long startedAtMillis,
      AbWindows windows) {
    this.windows = windows;
    this.definition = input.definition();
    this.graph = new PipelineGraph(definition);
    this.run = new RunRef(workflowId, definition.pipelineId(), definition.baseDirectory());
    this.parameters =
        CelValues.normalizeMap(input.parameters() == null ? Map.of() : input.parameters());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("workflow_id", workflowId);
    meta.put("run_id", runId);
    meta.put("attempt", (long) attempt);
    this.metadata = meta;
    this.startedAtMillis = startedAtMillis;
    for (PipelineNode node : graph.nodes()) {
      nodes.put(node.id(), new NodeRun(node));
    }
  }

  NodeRun node(String nodeId) {
    return nodes.get(nodeId);
  }

  /** Nodes in file order. */
  Iterable<NodeRun> nodes() {
    return nodes.values();
  }

  /** Outputs of every node that finished with outputs, in file order. */
  Map<String, Map<String, Object>> finishedOutputs() {
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    for (NodeRun node : nodes.values()) {
      boolean finished =
          node.status == NodeStatus.SUCCEEDED || node.status == NodeStatus.COMPENSATED;
      if (finished) {
        outputs.put(node.node.id(), node.outputs);
      }
    }
    return outputs;
  }

  /** Whether any node of the handler ended as given. */
  boolean anyNode(Handler handler, NodeStatus status) {
    for (NodeRun node : nodes.values()) {
      if (node.node.handler() == handler && node.status == status) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks the nodes whose every compensation has now run as COMPENSATED and keeps the unwinding's
   * errors.
   */
  void markCompensated(Saga.Unwind unwind, String by) {
    errors.addAll(unwind.errors());
    for (String nodeId : new LinkedHashSet<>(unwind.nodeIds())) {
      NodeRun node = nodes.get(nodeId);
      if (node.status == NodeStatus.SUCCEEDED && saga.isFullyUndone(nodeId)) {
        node.status = NodeStatus.COMPENSATED;
        node.detail = "undone by " + by;
      } else {
        node.detail = (node.detail == null ? "" : node.detail + "; ") + "compensated by " + by;
      }
    }
  }

  /** The run in the shape of its result; live while running. */
  PipelineResult snapshot() {
    List<NodeState> states = new ArrayList<>();
    for (NodeRun node : nodes.values()) {
      states.add(node.snapshot());
    }
    return new PipelineResult(
        run.workflowId(),
        definition.pipelineId(),
        definition.contentHash(),
        outcome,
        reason,
        states,
        saga.records(),
        windows.latestStatus(),
        startedAtMillis,
        finishedAtMillis,
        List.copyOf(errors));
  }
}
