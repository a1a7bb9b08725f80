package io.osop.temporal.starter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The seed pipeline across separate processes: {@code starter server}, one worker and {@code
 * starter run --wait}; the A/B window is shortened with {@code --set} since the server runs in real
 * time.
 */
class SeedPipelineOnAClusterTest {
  @Test
  void runsTheSeedPipelineToItsOutcomeAndExportsSdkAndPipelineMetrics() throws Exception {
    try (LocalCluster cluster = LocalCluster.start("seed-e2e")) {
      LocalCluster.Worker worker = cluster.worker(cluster.workerConfig("worker", ""));
      assertThat(cluster.get(worker.httpPort(), "/readyz")).startsWith("200");

      JavaProcess run =
          cluster.starter(
              "run",
              cluster.pipeline.toString(),
              "--id",
              "seed-e2e",
              "--wait",
              "--set",
              "ab_test.duration_hours=0.004",
              "--set",
              "ab_test.check_interval_hours=0.001");

      assertThat(run.exitValue()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("started   seed-e2e")
          .contains("/namespaces/default/workflows/seed-e2e")
          .contains("outcome   PROMOTED");
      // The SDK's metrics reach the registry on a one-second reporting interval.
      String[] metrics = new String[1];
      Awaitility.await("SDK metrics reported")
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  (metrics[0] = cluster.get(worker.httpPort(), "/metrics"))
                      .contains("temporal_workflow_completed_total"));
      assertThat(metrics[0])
          .contains("temporal_workflow_completed_total")
          .contains("temporal_activity_execution_latency_seconds")
          .contains("pipeline_runs_total{outcome=\"promoted\"} 1.0")
          .contains(
              "pipeline_node_duration_seconds_count{handler=\"run-command\","
                  + "outcome=\"succeeded\"} 1")
          .contains("pipeline_ab_decisions_total{result=\"winner\"} 1.0");

      JavaProcess again = cluster.starter("run", cluster.pipeline.toString(), "--id", "seed-e2e");
      assertThat(again.exitValue()).isEqualTo(1);
      assertThat(again.output())
          .contains("a run with id seed-e2e already exists in namespace default");
    }
  }
}
