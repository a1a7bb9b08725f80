package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.starter.RunStart;
import io.osop.temporal.starter.output.RunFollower;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starter run FILE}: validates a pipeline, starts it on the cluster, prints its workflow id
 * and Web UI link, and optionally waits for its result or follows its progress.
 */
@Command(name = "run", description = "Validate a pipeline and start it on a Temporal cluster.")
public final class RunCommand extends ClusterCommand {
  private static final long FOLLOW_INTERVAL_MILLIS = 1000;

  @Parameters(paramLabel = "FILE", description = "The OSOP pipeline file.")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "NODE.KEY=VALUE",
      description = "Override a node's config value; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--id", description = "Workflow id of the run (default: pipeline id and time).")
  String workflowId;

  @ArgGroup(exclusive = true)
  Waiting waiting = new Waiting();

  /** How long the command stays: not at all, until the result, or following progress. */
  static final class Waiting {
    @Option(names = "--wait", description = "Wait for the run to end and print its result.")
    boolean await;

    @Option(names = "--follow", description = "Show live progress until the run ends.")
    boolean follow;
  }

  private PipelineDefinition definition;

  @Override
  void prepare() throws CommandFailure {
    definition = PipelineFiles.compile(file, overrides, err());
  }

  @Override
  int execute(ClusterClient client) throws CommandFailure, InterruptedException {
    String id = workflowId != null ? workflowId : RunStart.newWorkflowId(definition.pipelineId());
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setTaskQueue(cluster.taskQueue)
            .setWorkflowId(id)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setMemo(RunStart.memo(definition))
            .build();
    PipelineWorkflow workflow = client.client().newWorkflowStub(PipelineWorkflow.class, options);
    try {
      WorkflowClient.start(workflow::run, new PipelineInput(definition, Map.of()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new CommandFailure(
          "a run with id "
              + id
              + " already exists in namespace "
              + cluster.namespace
              + "; run ids are never reused, pick another --id");
    }
    out().printf("started   %s%n", id);
    out().printf("web ui    %s%n", cluster.uiLink(id));
    out().flush();

    if (!waiting.await && !waiting.follow) {
      return 0;
    }
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    if (waiting.follow) {
      follow(stub);
    }
    PipelineResult result;
    try {
      result = stub.getResult(PipelineResult.class);
    } catch (WorkflowFailedException e) {
      throw new CommandFailure("run " + id + " ended without a result: " + RunWaiter.describe(e));
    }
    RunReport.print(out(), result);
    return RunReport.exitStatus(result);
  }

  private void follow(WorkflowStub stub) throws InterruptedException {
    RunFollower follower = new RunFollower(out());
    while (true) {
      WorkflowExecutionStatus status = stub.describe().getStatus();
      try {
        follower.show(stub.query("status", PipelineResult.class));
      } catch (WorkflowQueryException e) {
        // No worker has picked the run up yet, or it just ended; the next round tells.
      }
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return;
      }
      Thread.sleep(FOLLOW_INTERVAL_MILLIS);
    }
  }
}
