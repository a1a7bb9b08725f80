package io.osop.temporal.starter.cluster;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starter list [--running]}: the pipeline runs in the namespace, newest first. */
@Command(name = "list", description = "List pipeline runs in the namespace, newest first.")
public final class ListCommand extends ClusterCommand {
  private static final String WORKFLOW_TYPE = "PipelineWorkflow";

  @Option(names = "--running", description = "Only runs that have not ended.")
  boolean running;

  @Option(names = "--limit", defaultValue = "50", description = "At most this many runs.")
  int limit;

  /** One row of the listing. */
  record Row(String workflowId, String status, Instant started, Instant closed) {}

  @Override
  int execute(ClusterClient client) {
    List<Row> rows;
    try {
      rows = byQuery(client);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      rows = byOpenAndClosedLists(client);
    }
    out().printf("%-48s %-15s %-24s %s%n", "WORKFLOW ID", "STATUS", "STARTED", "CLOSED");
    rows.stream()
        .sorted(Comparator.comparing(Row::started).reversed())
        .limit(limit)
        .forEach(
            row ->
                out()
                    .printf(
                        "%-48s %-15s %-24s %s%n",
                        row.workflowId(),
                        row.status(),
                        row.started(),
                        row.closed() == null ? "" : row.closed()));
    out().flush();
    return 0;
  }

  private List<Row> byQuery(ClusterClient client) {
    String query = "WorkflowType = '" + WORKFLOW_TYPE + "'";
    if (running) {
      query += " AND ExecutionStatus = 'Running'";
    }
    return client.client().listExecutions(query).limit(limit).map(ListCommand::row).toList();
  }

  /** For servers without visibility queries, such as the Temporal test server. */
  private List<Row> byOpenAndClosedLists(ClusterClient client) {
    String namespace = cluster.namespace;
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE).build();
    List<Row> rows = new ArrayList<>();
    client
        .stubs()
        .blockingStub()
        .listOpenWorkflowExecutions(
            ListOpenWorkflowExecutionsRequest.newBuilder()
                .setNamespace(namespace)
                .setMaximumPageSize(limit)
                .setTypeFilter(type)
                .build())
        .getExecutionsList()
        .forEach(info -> rows.add(row(info)));
    if (!running) {
      client
          .stubs()
          .blockingStub()
          .listClosedWorkflowExecutions(
              ListClosedWorkflowExecutionsRequest.newBuilder()
                  .setNamespace(namespace)
                  .setMaximumPageSize(limit)
                  .setTypeFilter(type)
                  .build())
          .getExecutionsList()
          .forEach(info -> rows.add(row(info)));
    }
    return rows;
  }

  private static Row row(WorkflowExecutionMetadata metadata) {
    return row(metadata.getWorkflowExecutionInfo());
  }

  private static Row row(WorkflowExecutionInfo info) {
    return new Row(
        info.getExecution().getWorkflowId(),
        info.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", ""),
        Instant.ofEpochSecond(info.getStartTime().getSeconds(), info.getStartTime().getNanos()),
        info.hasCloseTime()
            ? Instant.ofEpochSecond(
                info.getCloseTime().getSeconds(), info.getCloseTime().getNanos())
            : null);
  }
}
