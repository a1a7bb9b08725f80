package io.osop.temporal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.Outcome;
import io.osop.temporal.pipeline.PipelineInput;
import io.osop.temporal.pipeline.PipelineResult;
import io.osop.temporal.pipeline.PipelineWorkflow;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkerServiceTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeTrainingActivities training = new FakeTrainingActivities();
  private TestServer.PortBoundTestServer server;
  private int temporalPort;
  private WorkerService service;
  private CompletableFuture<Void> running;

  @BeforeEach
  void startServerAndWorker() throws Exception {
    temporalPort = freePort();
    server = TestServer.createPortBoundServer(temporalPort);
    WorkerConfig config =
        WorkerConfigLoader.load(
            null,
            Map.of(
                "TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort,
                "TEMPORAL_TASK_QUEUE", "service-test",
                "OSOP_WORKER__HTTP__HOST", "127.0.0.1",
                "OSOP_WORKER__HTTP__PORT", "0",
                "OSOP_WORKER__LIMITS__RUN_COMMAND", "1",
                "OSOP_WORKER__SHUTDOWN__GRACE_PERIOD", "5s"));
    service = WorkerService.create(config, components());
    running =
        CompletableFuture.runAsync(
            () -> {
              try {
                service.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    running.get();
  }

  @AfterEach
  void stop() throws Exception {
    service.requestStop();
    service.stop();
    server.close();
  }

  @Test
  void runsAtMostTheConfiguredTrainingActivitiesAtOnce() {
    PipelineResult result = runPipeline("limit-run");

    assertThat(result.outcome()).isEqualTo(Outcome.PROMOTED);
    assertThat(training.calls).hasValue(3);
    assertThat(training.mostAtOnce).hasValue(1);
  }

  @Test
  void servesSdkAndPipelineMetricsAfterARun() throws Exception {
    runPipeline("metrics-run");

    String metrics = get("/metrics").body();

    assertThat(metrics)
        .contains("temporal_request_total")
        .contains("pipeline_runs_total{outcome=\"promoted\"} 1.0")
        .contains(
            "pipeline_node_duration_seconds_count{handler=\"run-command\",outcome=\"succeeded\"} 3")
        .contains("pipeline_ab_decisions_total{result=\"winner\"} 1.0")
        .contains(
            "pipeline_activity_duration_seconds_count{activity=\"RunCommand\","
                + "handler=\"run-command\",outcome=\"succeeded\"} 3");
  }

  @Test
  void isHealthyAndReadyWhilePollingAndUnreadyOnceStopping() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);

    service.requestStop();

    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  private PipelineResult runPipeline(String workflowId) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    try {
      WorkflowClient client =
          WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().build());
      PipelineWorkflow workflow =
          client.newWorkflowStub(
              PipelineWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue("service-test")
                  .setWorkflowId(workflowId)
                  .build());
      return workflow.run(new PipelineInput(null, Map.of()));
    } finally {
      stubs.shutdownNow();
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private WorkerComponents components() {
    return new WorkerComponents() {
      @Override
      public void registerWorkflow(Worker worker) {
        worker.registerWorkflowImplementationTypes(ParallelTrainingWorkflow.class);
      }

      @Override
      public Map<Handler, List<Object>> activities() {
        return Map.of(Handler.RUN_COMMAND, List.of(training));
      }

      @Override
      public String describe() {
        return "training:fake";
      }
    };
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
