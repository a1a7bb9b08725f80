package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** The run-command handler: one heartbeating call that runs the node's command to the end. */
final class RunCommandStep implements NodeStep {

  private final Services services;

  RunCommandStep(Services services) {
    this.services = services;
  }

  @Override
  public Map<String, Object> run(NodeRun node) {
    PipelineNode definition = node.node;
    NodeConfig config = new NodeConfig(definition);
    String command = config.requiredString("command");
    Object dataset = services.artifacts().find(definition.id(), NodeOutputKeys.DATASET_URI);

    node.detail = "running `" + firstLine(command) + "`";
    TrainingActivities training =
        services
            .stubs()
            .forNode(
                TrainingActivities.class,
                definition,
                definition.id() + ": run `" + firstLine(command) + "`");
    TrainingActivities.CommandResult result =
        training.runCommand(
            new TrainingActivities.RunCommandRequest(
                services.state().run,
                definition.id(),
                command,
                config.map("resources"),
                dataset == null ? null : dataset.toString(),
                config.stringMap("env")));
    node.attempts = Math.max(1, result.attempt());
    if (result.exitCode() != 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Node "
              + definition.id()
              + ": the command exited with code "
              + result.exitCode()
              + "; log at "
              + result.logUri(),
          PipelineFailureTypes.COMMAND_FAILED);
    }

    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(NodeOutputKeys.EXIT_CODE, (long) result.exitCode());
    if (result.modelUri() != null) {
      outputs.put(NodeOutputKeys.MODEL_URI, result.modelUri());
    }
    outputs.put(NodeOutputKeys.LOG_URI, result.logUri());
    outputs.put(NodeOutputKeys.DURATION_MS, result.durationMillis());
    outputs.put(NodeOutputKeys.ATTEMPT, (long) result.attempt());
    outputs.put(
        NodeOutputKeys.TRAINING_METRICS,
        result.metrics() == null ? Map.of() : CelValues.normalizeMap(result.metrics()));
    return outputs;
  }

  private static String firstLine(String command) {
    String line = command.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }
}
