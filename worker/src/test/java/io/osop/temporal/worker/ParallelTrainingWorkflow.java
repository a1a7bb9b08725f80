package io.osop.temporal.worker;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.NodeState;
import io.osop.temporal.pipeline.NodeStatus;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities.CommandResult;
import io.osop.temporal.pipeline.activity.TrainingActivities.RunCommandRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in pipeline workflow that starts three training commands at once without naming a task
 * queue, as the interpreter does, and reports one node per command.
 */
public final class ParallelTrainingWorkflow implements PipelineWorkflow {
  private final TrainingActivities training =
      Workflow.newActivityStub(
          TrainingActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

  @Override
  public PipelineResult run(PipelineInput input) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    RunRef run = new RunRef(workflowId, "parallel", "/tmp");
    List<Promise<CommandResult>> commands = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      starts.add(Workflow.currentTimeMillis());
      RunCommandRequest request =
          new RunCommandRequest(run, "train_" + i, "true", Map.of(), null, Map.of());
      commands.add(Async.function(training::runCommand, request));
    }
    List<NodeState> nodes = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      CommandResult result = commands.get(i).get();
      nodes.add(
          new NodeState(
              "train_" + i,
              Handler.RUN_COMMAND.id(),
              NodeStatus.SUCCEEDED,
              Map.of("exit_code", result.exitCode()),
              result.attempt(),
              starts.get(i),
              Workflow.currentTimeMillis(),
              null));
    }
    nodes.add(
        new NodeState(
            "ab_test",
            Handler.SHADOW_AB_TEST.id(),
            NodeStatus.SUCCEEDED,
            Map.of("ab_result", "winner"),
            1,
            starts.get(0),
            Workflow.currentTimeMillis(),
            null));
    return new PipelineResult(
        workflowId,
        "parallel",
        "hash",
        Outcome.PROMOTED,
        "all commands ran",
        nodes,
        List.of(),
        null,
        starts.get(0),
        Workflow.currentTimeMillis(),
        List.of());
  }

  @Override
  public PipelineResult status() {
    return null;
  }

  @Override
  public void approve(String reason) {}

  @Override
  public void reject(String reason) {}

  @Override
  public void extend(double hours) {}
}
