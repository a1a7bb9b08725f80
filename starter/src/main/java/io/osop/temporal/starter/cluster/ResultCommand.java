package io.osop.temporal.starter.cluster;

import io.osop.temporal.pipeline.PipelineResult;
import io.temporal.client.WorkflowFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code starter result ID}: waits for a run to end and prints its result. */
@Command(name = "result", description = "Wait for a run to end and print its result.")
public final class ResultCommand extends ClusterCommand {
  @Parameters(paramLabel = "ID", description = "The run's workflow id.")
  String workflowId;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  int execute(ClusterClient client) throws CommandFailure {
    PipelineResult result;
    try {
      result = stub(client, workflowId).getResult(PipelineResult.class);
    } catch (WorkflowFailedException e) {
      throw new CommandFailure(
          "run " + workflowId + " ended without a result: " + RunWaiter.describe(e));
    }
    if (json) {
      out().println(RunReport.json(result));
      out().flush();
    } else {
      RunReport.print(out(), result);
    }
    return RunReport.exitStatus(result);
  }
}
