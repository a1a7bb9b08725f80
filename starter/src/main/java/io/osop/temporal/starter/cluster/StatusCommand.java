package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.PipelineResult;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code starter status ID}: a run's live state, from the workflow's status query. */
@Command(name = "status", description = "Show a run's live state: outcome so far and every node.")
public final class StatusCommand extends ClusterCommand {
  @Parameters(paramLabel = "ID", description = "The run's workflow id.")
  String workflowId;

  @Option(names = "--json", description = "Print the status as JSON.")
  boolean json;

  @Override
  int execute(ClusterClient client) throws CommandFailure {
    WorkflowStub stub = stub(client, workflowId);
    WorkflowExecutionStatus execution = stub.describe().getStatus();
    PipelineResult status;
    try {
      status = stub.query("status", PipelineResult.class);
    } catch (WorkflowQueryException e) {
      throw new CommandFailure(
          "run "
              + workflowId
              + " is "
              + execution.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
              + " but no worker answered the status query: "
              + e.getMessage());
    }
    if (json) {
      out().println(RunReport.json(status));
    } else {
      out().printf("execution %s%n", execution.name().replace("WORKFLOW_EXECUTION_STATUS_", ""));
      RunReport.print(out(), status);
      out().printf("web ui    %s%n", cluster.uiLink(workflowId));
    }
    out().flush();
    return 0;
  }
}
