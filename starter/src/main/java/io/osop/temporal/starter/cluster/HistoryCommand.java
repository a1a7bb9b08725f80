package io.osop.temporal.starter.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code starter history ID}: the run's event history as JSON, the format {@code WorkflowReplayer}
 * and the Temporal CLI replay.
 */
@Command(name = "history", description = "Print a run's event history as replayable JSON.")
public final class HistoryCommand extends ClusterCommand {
  @Parameters(paramLabel = "ID", description = "The run's workflow id.")
  String workflowId;

  @Override
  int execute(ClusterClient client) {
    out().println(client.client().fetchHistory(workflowId).toJson(true));
    out().flush();
    return 0;
  }
}
