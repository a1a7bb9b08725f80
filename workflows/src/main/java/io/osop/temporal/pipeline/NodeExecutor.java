package io.osop.temporal.pipeline;

import java.util.EnumMap;
import java.util.Map;

/** Runs a node with its handler's step and normalises the outputs for conditions. */
final class NodeExecutor {

  private final Map<Handler, NodeStep> steps = new EnumMap<>(Handler.class);

  NodeExecutor(NodeStep.Services services) {
    steps.put(Handler.PREPARE_DATA, new PrepareDataStep(services));
    steps.put(Handler.RUN_COMMAND, new RunCommandStep(services));
    steps.put(Handler.EVALUATE, new EvaluateStep(services));
    steps.put(Handler.SHADOW_AB_TEST, new ShadowAbTestStep(services));
    steps.put(Handler.DEPLOY_SERVING, new DeployServingStep(services));
    steps.put(Handler.ROLLBACK, new RollbackStep(services));
  }

  /** Runs the node; called in the node's own workflow thread. */
  Map<String, Object> execute(NodeRun node) {
    return CelValues.normalizeMap(steps.get(node.node.handler()).run(node));
  }
}
