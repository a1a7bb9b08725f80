package io.osop.temporal.pipeline;

import java.util.List;

/**
 * Decides, once its source has settled, whether each edge is taken. Success edges (sequential,
 * parallel, conditional) are taken when the source succeeded and their {@code when} holds; fallback
 * and error edges when the source failed after its retries and their {@code when} (which may read
 * {@code error}) holds; timeout edges likewise, but only when the failure was a timeout. An edge
 * from a skipped node is never taken.
 */
final class EdgeDecider {

  private final RunState state;
  private final Boolean[] taken;
  private final String[] notes;

  EdgeDecider(RunState state) {
    this.state = state;
    this.taken = new Boolean[state.graph.edgeCount()];
    this.notes = new String[state.graph.edgeCount()];
  }

  /** Whether the edge was taken, or null while its source has not settled. */
  Boolean taken(int edge) {
    return taken[edge];
  }

  /** Why the edge was not taken, for a skipped node's detail. */
  String note(int edge) {
    return notes[edge];
  }

  /**
   * Decides every edge out of a settled node, in file order.
   *
   * @return whether a fallback, error or timeout edge was taken (the node's failure is handled)
   * @throws PipelineRunFailure when a condition cannot be evaluated
   */
  boolean decideOutgoing(NodeRun source) {
    boolean failureHandled = false;
    for (int edge : state.graph.outgoing(source.node.id())) {
      boolean isTaken = decide(edge, source);
      taken[edge] = isTaken;
      if (isTaken) {
        state.node(state.graph.edge(edge).to()).triggers.add(trigger(edge, source));
        failureHandled |= isFailureEdge(state.graph.edge(edge).mode());
      }
    }
    return failureHandled;
  }

  private boolean decide(int index, NodeRun source) {
    PipelineEdge edge = state.graph.edge(index);
    boolean failureEdge = isFailureEdge(edge.mode());
    switch (source.status) {
      case SUCCEEDED -> {
        if (failureEdge) {
          notes[index] = edge.from() + " succeeded";
          return false;
        }
        return condition(index, null);
      }
      case FAILED -> {
        if (!failureEdge) {
          notes[index] = edge.from() + " failed";
          return false;
        }
        if (edge.mode() == EdgeMode.TIMEOUT && !source.error.timeout()) {
          notes[index] = edge.from() + " failed without timing out";
          return false;
        }
        return condition(index, source.error.toScope(source.node.id()));
      }
      default -> {
        notes[index] = edge.from() + " was skipped";
        return false;
      }
    }
  }

  private boolean condition(int index, java.util.Map<String, Object> error) {
    PipelineEdge edge = state.graph.edge(index);
    if (edge.when() == null || edge.when().isBlank()) {
      return true;
    }
    var scope =
        ConditionScope.forEdge(
            state.finishedOutputs(), edge.from(), state.parameters, state.metadata, error);
    boolean holds;
    try {
      holds = ConditionEvaluator.evaluate(edge.when(), scope);
    } catch (ConditionEvaluator.ConditionException e) {
      String message =
          "Node "
              + edge.to()
              + ": the condition of edge "
              + edge.from()
              + " -> "
              + edge.to()
              + " cannot be evaluated: "
              + e.getMessage()
              + "; expression: "
              + edge.when();
      NodeRun target = state.node(edge.to());
      target.status = NodeStatus.FAILED;
      target.detail = message;
      throw new PipelineRunFailure(PipelineFailureTypes.CONDITION_FAILED, message);
    }
    if (!holds) {
      notes[index] = "`" + edge.when() + "` is false";
    }
    return holds;
  }

  private String trigger(int index, NodeRun source) {
    PipelineEdge edge = state.graph.edge(index);
    String what;
    if (edge.label() != null && !edge.label().isBlank()) {
      what = edge.label();
    } else if (isFailureEdge(edge.mode())) {
      what = edge.from() + " failed: " + source.error.message();
    } else {
      what = "after " + edge.from();
    }
    return edge.when() == null || edge.when().isBlank() ? what : what + " (" + edge.when() + ")";
  }

  /** Why none of a node's incoming edges was taken. */
  String skipReason(List<Integer> incoming) {
    StringBuilder reason = new StringBuilder("no incoming edge was taken");
    String separator = ": ";
    for (int edge : incoming) {
      if (notes[edge] != null) {
        reason.append(separator).append(notes[edge]);
        separator = "; ";
      }
    }
    return reason.toString();
  }

  static boolean isFailureEdge(EdgeMode mode) {
    return mode == EdgeMode.FALLBACK || mode == EdgeMode.ERROR || mode == EdgeMode.TIMEOUT;
  }
}
