package io.osop.temporal.pipeline;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a node takes from upstream: the artifact (dataset, model) of the nearest finished
 * predecessor that produced one. Nearest means fewest edges back; ties go to the edge that comes
 * first in the file.
 */
final class UpstreamArtifacts {

  private final RunState state;

  UpstreamArtifacts(RunState state) {
    this.state = state;
  }

  /** The output of the nearest upstream node that produced it, or null when none did. */
  Object find(String nodeId, String outputKey) {
    for (String upstream : upstreamByDistance(nodeId)) {
      NodeRun run = state.node(upstream);
      Object value = run.outputs.get(outputKey);
      if (value != null && run.status != NodeStatus.PENDING) {
        return value;
      }
    }
    return null;
  }

  /** Like {@link #find} for a string artifact, failing the node when there is none. */
  String require(String nodeId, String outputKey) {
    Object value = find(nodeId, outputKey);
    if (value == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node " + nodeId + " needs `" + outputKey + "`, which no upstream node produced",
          PipelineFailureTypes.MISSING_ARTIFACT);
    }
    return value.toString();
  }

  /** The nearest upstream node of the handler, or null. */
  PipelineNode nearest(String nodeId, Handler handler) {
    for (String upstream : upstreamByDistance(nodeId)) {
      PipelineNode node = state.graph.node(upstream);
      if (node.handler() == handler) {
        return node;
      }
    }
    return null;
  }

  private List<String> upstreamByDistance(String nodeId) {
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(nodeId);
    List<String> frontier = List.of(nodeId);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String current : frontier) {
        for (int edge : state.graph.incoming(current)) {
          String from = state.graph.edge(edge).from();
          if (seen.add(from)) {
            order.add(from);
            next.add(from);
          }
        }
      }
      frontier = next;
    }
    return order;
  }
}
