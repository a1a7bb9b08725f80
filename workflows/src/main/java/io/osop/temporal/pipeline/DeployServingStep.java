package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.RegistryActivities;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.osop.temporal.pipeline.activity.ServingActivities.CanaryRollout;
import io.osop.temporal.pipeline.activity.ServingActivities.ServingHealth;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deploy-serving handler: register the model, deploy a canary (compensation: restore the
 * previous revision), check its health, promote it, and move the production pointer (compensation:
 * move it back).
 */
final class DeployServingStep implements NodeStep {

  private static final double DEFAULT_CANARY_PERCENT = 10;

  private final Services services;

  DeployServingStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    PipelineNode definition = node.node;
    String id = definition.id();
    NodeConfig config = new NodeConfig(definition);
    String endpoint = config.requiredString("endpoint");
    double canaryPercent = config.positive("canary_percent", DEFAULT_CANARY_PERCENT);
    String model = services.artifacts().require(id, NodeOutputKeys.MODEL_URI);
    Object dataset = services.artifacts().find(id, NodeOutputKeys.DATASET_URI);
    String pointer = productionPointer(id);
    RunState state = services.state();

    node.detail = "registering the model";
    RegistryActivities.ModelVersion version =
        services
            .stubs()
            .forNode(RegistryActivities.class, definition, id + ": register the candidate model")
            .register(
                new RegistryActivities.RegisterModelRequest(state.run, id, model, labels(id)));

    ServingActivities restorer =
        services
            .stubs()
            .forCompensation(ServingActivities.class, id + ": restore the previous revision");
    var restoreRequest = new ServingActivities.RestoreRevisionRequest(state.run, id, endpoint);
    state.saga.register(
        id, "restore the serving revision of " + endpoint, () -> restorer.restore(restoreRequest));
    node.detail = String.format(Locale.ROOT, "deploying a %.0f%% canary", canaryPercent);
    CanaryRollout rollout =
        serving(
                definition,
                String.format(
                    Locale.ROOT, "%s: canary %s at %.0f%%", id, version.version(), canaryPercent))
            .deployCanary(
                new ServingActivities.DeployCanaryRequest(
                    state.run,
                    id,
                    endpoint,
                    version.uri(),
                    version.version(),
                    canaryPercent,
                    dataset == null ? null : dataset.toString()));

    node.detail = "checking the canary's health";
    ServingHealth health = serving(definition, id + ": check canary health").checkHealth(rollout);
    if (!health.healthy()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node "
              + id
              + ": canary "
              + rollout.canaryRevision()
              + " is unhealthy: "
              + health.detail(),
          PipelineFailureTypes.CANARY_UNHEALTHY);
    }

    node.detail = "promoting the canary to 100%";
    serving(definition, id + ": promote canary to 100%").promote(rollout);

    RegistryActivities pointerRestorer =
        services
            .stubs()
            .forCompensation(RegistryActivities.class, id + ": move " + pointer + " back");
    var move = new RegistryActivities.MovePointerRequest(state.run, pointer, version.version());
    state.saga.register(
        id, "move " + pointer + " back", () -> pointerRestorer.restorePointer(move));
    node.detail = "moving " + pointer;
    services
        .stubs()
        .forNode(
            RegistryActivities.class,
            definition,
            id + ": point " + pointer + " at " + version.version())
        .movePointer(move);

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.MODEL_VERSION, version.version());
    outputs.put(NodeOutputKeys.ENDPOINT, rollout.endpoint());
    outputs.put(NodeOutputKeys.CANARY_REVISION, rollout.canaryRevision());
    outputs.put(NodeOutputKeys.PREVIOUS_REVISION, rollout.previousRevision());
    node.detail = "promoted " + version.version() + " on " + rollout.endpoint();
    return outputs;
  }

  private ServingActivities serving(PipelineNode definition, String summary) {
    return services.stubs().forNode(ServingActivities.class, definition, summary);
  }

  /** The pointer the nearest upstream evaluate node compared against. */
  private String productionPointer(String nodeId) {
    PipelineNode evaluate = services.artifacts().nearest(nodeId, Handler.EVALUATE);
    if (evaluate == null) {
      return EvaluateStep.DEFAULT_BASELINE;
    }
    return new NodeConfig(evaluate).string("baseline", EvaluateStep.DEFAULT_BASELINE);
  }

  private Map<String, String> labels(String nodeId) {
    RunState state = services.state();
    Map<String, String> labels = new TreeMap<>();
    labels.put("pipeline_id", state.definition.pipelineId());
    labels.put("content_hash", String.valueOf(state.definition.contentHash()));
    labels.put("workflow_id", state.run.workflowId());
    labels.put("node", nodeId);
    Object metrics = services.artifacts().find(nodeId, NodeOutputKeys.METRICS);
    if (metrics instanceof Map<?, ?> values) {
      for (Map.Entry<?, ?> metric : values.entrySet()) {
        labels.put("metric." + metric.getKey(), String.valueOf(metric.getValue()));
      }
    }
    return labels;
  }
}
