package io.osop.temporal.starter.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.starter.StarterCli;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterCommandsTest {
  private static final String QUEUE = "cluster-commands-test";

  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs stubs;
  private WorkerFactory workers;
  private int port;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startClusterWithAWorker() throws IOException {
    port = freePort();
    server = TestServer.createPortBoundServer(port);
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(GatedPipelineWorkflow.class);
    workers.start();
  }

  @AfterEach
  void stop() {
    workers.shutdownNow();
    stubs.shutdownNow();
    server.close();
  }

  @Test
  void statusListSignalsResultAndHistoryWorkOnARun() throws Exception {
    start("gated-run");

    assertThat(starter("status", "gated-run")).isZero();
    assertThat(out.toString())
        .contains("execution RUNNING")
        .contains("ab_test")
        .contains("/namespaces/default/workflows/gated-run");
    assertThat(starter("list", "--running")).isZero();
    assertThat(out.toString()).contains("gated-run").contains("RUNNING");
    assertThat(starter("extend", "gated-run", "--hours", "6")).isZero();
    assertThat(starter("approve", "gated-run", "--reason", "looks good")).isZero();

    assertThat(starter("result", "gated-run")).isZero();
    assertThat(out.toString()).contains("outcome   PROMOTED: approve: looks good");
    assertThat(starter("status", "gated-run", "--json")).isZero();
    assertThat(out.toString()).contains("\"totalHours\" : 30.0");

    assertThat(starter("history", "gated-run")).isZero();
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(out.toString()), GatedPipelineWorkflow.class);
  }

  @Test
  void cancelEndsARunAsCancelled() {
    start("cancelled-run");

    assertThat(starter("cancel", "cancelled-run")).isZero();

    assertThat(starter("result", "cancelled-run")).isEqualTo(1);
    assertThat(err.toString()).contains("run cancelled-run ended without a result: Canceled");
  }

  @Test
  void anUnknownRunIsNamed() {
    assertThat(starter("status", "no-such-run")).isEqualTo(1);

    assertThat(err.toString()).contains("no run with id no-such-run in namespace default");
  }

  @Test
  void anUnreachableAddressFailsFastAndIsNamed() throws IOException {
    int closed = freePort();
    long started = System.nanoTime();

    int exit = starter("list", "--address", "127.0.0.1:" + closed);

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach Temporal at 127.0.0.1:" + closed);
    assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(20).toNanos());
  }

  private void start(String workflowId) {
    PipelineWorkflow workflow =
        WorkflowClient.newInstance(stubs)
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    WorkflowClient.start(workflow::run, new PipelineInput(null, Map.of()));
  }

  /** Runs one cluster command against the test server; output goes to {@link #out}. */
  private int starter(String command, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> line = new ArrayList<>(List.of(command));
    if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--address"))) {
      line.add("--address=127.0.0.1:" + port);
    }
    line.addAll(List.of(args));
    return StarterCli.execute(
        new PrintWriter(out, true), new PrintWriter(err, true), line.toArray(String[]::new));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
