package io.osop.temporal.pipeline;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import java.util.EnumMap;
import java.util.Map;

/** Runs a node with its handler's step and normalises the outputs for conditions. */
final class NodeExecutor {

  private final Map<Handler, NodeStep> steps = new EnumMap<>(Handler.class);
  private final ActivityStubs stubs;

  NodeExecutor(NodeStep.Services services) {
    this.stubs = services.stubs();
    steps.put(Handler.PREPARE_DATA, new PrepareDataStep(services));
    steps.put(Handler.RUN_COMMAND, new RunCommandStep(services));
    steps.put(Handler.EVALUATE, new EvaluateStep(services));
    steps.put(Handler.SHADOW_AB_TEST, new ShadowAbTestStep(services));
    steps.put(Handler.DEPLOY_SERVING, new DeployServingStep(services));
    steps.put(Handler.ROLLBACK, new RollbackStep(services));
  }

  /**
   * The attempts a failed node made, as far as the workflow can tell: every attempt its retry
   * policy allows when the failure says they ran out, else what the node recorded, at least 1.
   */
  int attemptsAfter(NodeRun node, TemporalFailure failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ActivityFailure activity
          && activity.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
        return Math.max(node.attempts, stubs.maximumAttempts(node.node));
      }
    }
    return Math.max(1, node.attempts);
  }

  /** Runs the node; called in the node's own workflow thread. */
  Map<String, Object> execute(NodeRun node) {
    return CelValues.normalizeMap(steps.get(node.node.handler()).run(node));
  }
}
