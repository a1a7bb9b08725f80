package io.osop.temporal.pipeline;

/**
 * Names the outcome of a run that walked its whole graph (failure and cancellation are decided
 * where they happen):
 *
 * <ul>
 *   <li>a rollback node ran: ROLLED_BACK if the candidate had reached traffic (an A/B or deploy
 *       node had started), else REJECTED;
 *   <li>otherwise a deploy node succeeded: PROMOTED;
 *   <li>otherwise, in a graph with no deploy and no rollback node: COMPLETED;
 *   <li>otherwise nothing was deployed: ROLLED_BACK if the candidate had reached traffic (the A/B
 *       node withdrew it), else REJECTED.
 * </ul>
 */
final class OutcomeRule {

  private OutcomeRule() {}

  /** Sets the outcome and its reason on the state. */
  static void decide(RunState state) {
    NodeRun rollback = firstSucceeded(state, Handler.ROLLBACK);
    NodeRun deploy = firstSucceeded(state, Handler.DEPLOY_SERVING);
    if (rollback != null) {
      state.outcome = state.trafficReached ? Outcome.ROLLED_BACK : Outcome.REJECTED;
      state.reason =
          rollback.node.id()
              + " ran: "
              + rollback.outputs.getOrDefault(NodeOutputKeys.ROLLBACK_REASON, "rollback");
    } else if (deploy != null) {
      state.outcome = Outcome.PROMOTED;
      state.reason =
          deploy.node.id()
              + " promoted "
              + deploy.outputs.get(NodeOutputKeys.MODEL_VERSION)
              + " on "
              + deploy.outputs.get(NodeOutputKeys.ENDPOINT);
    } else if (!state.graph.has(Handler.DEPLOY_SERVING) && !state.graph.has(Handler.ROLLBACK)) {
      state.outcome = Outcome.COMPLETED;
      state.reason = "every node finished or was skipped";
    } else {
      state.outcome = state.trafficReached ? Outcome.ROLLED_BACK : Outcome.REJECTED;
      state.reason = "no deploy node ran";
    }
  }

  /** The first node of the handler, in file order, that succeeded (or was later compensated). */
  private static NodeRun firstSucceeded(RunState state, Handler handler) {
    for (NodeRun node : state.nodes()) {
      boolean ran = node.status == NodeStatus.SUCCEEDED || node.status == NodeStatus.COMPENSATED;
      if (node.node.handler() == handler && ran) {
        return node;
      }
    }
    return null;
  }
}
