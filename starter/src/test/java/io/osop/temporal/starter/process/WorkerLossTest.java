package io.osop.temporal.starter.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Losing a worker in the middle of training, across processes: a SIGKILLed worker's attempt is
 * retried by another worker once its heartbeat times out, and a SIGTERMed worker exits 0 within its
 * grace period and leaves the run to the next worker.
 */
class WorkerLossTest {
  /** Short heartbeats so a lost attempt is noticed in seconds, and a short grace period. */
  private static final String FAST_LOSS =
      """
      activity_defaults:
        run-command: { start_to_close: 5m, heartbeat: 5s, initial_interval: 1s }
      shutdown:
        grace_period: 3s
      """;

  /** The seed's training command, slowed so that the worker can be lost while it runs. */
  private static final String SLOW_TRAINING =
      "train_model.command=sleep 12 && python train.py --config config/prod.yaml";

  @Test
  void aKilledWorkersTrainingAttemptIsRunAgainByAnotherWorker() throws Exception {
    try (LocalCluster cluster = LocalCluster.start("worker-kill")) {
      Path config = cluster.workerConfig("first", FAST_LOSS);
      LocalCluster.Worker first = cluster.worker(config);
      JavaProcess run = startRun(cluster, "kill-run");
      awaitTrainingStarted(first);

      first.process().kill();
      LocalCluster.Worker second = cluster.worker(cluster.workerConfig("second", FAST_LOSS));

      assertThat(run.waitFor(300)).as(run.output()).isZero();
      assertThat(run.output())
          .contains("outcome   PROMOTED")
          .containsPattern("train_model\\s+run-command\\s+SUCCEEDED\\s+2 attempts");
      assertThat(second.process().output()).contains("node=train_model attempt=2");
    }
  }

  @Test
  void aTerminatedWorkerExitsZeroWithinItsGracePeriodAndAnotherFinishesTheRun() throws Exception {
    try (LocalCluster cluster = LocalCluster.start("worker-term")) {
      LocalCluster.Worker first = cluster.worker(cluster.workerConfig("first", FAST_LOSS));
      JavaProcess run = startRun(cluster, "term-run");
      awaitTrainingStarted(first);

      long stopping = System.nanoTime();
      first.process().terminate();
      int exit = first.process().waitFor(30);
      Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
      LocalCluster.Worker second = cluster.worker(cluster.workerConfig("second", FAST_LOSS));

      assertThat(exit).as(first.process().output()).isZero();
      assertThat(stopped).isLessThan(Duration.ofSeconds(3 + 10));
      assertThat(first.process().output()).contains("Worker stopped.");
      assertThat(run.waitFor(300)).as(run.output()).isZero();
      assertThat(run.output()).contains("outcome   PROMOTED");
      assertThat(second.process().output()).contains("node=train_model attempt=2");
    }
  }

  private static JavaProcess startRun(LocalCluster cluster, String id) {
    return cluster.starterInBackground(
        "run",
        cluster.pipeline.toString(),
        "--id",
        id,
        "--wait",
        "--set",
        SLOW_TRAINING,
        "--set",
        "ab_test.duration_hours=0.004",
        "--set",
        "ab_test.check_interval_hours=0.001");
  }

  private static void awaitTrainingStarted(LocalCluster.Worker worker) {
    Awaitility.await("training started on the first worker")
        .atMost(Duration.ofSeconds(120))
        .until(() -> worker.process().output().contains("Started command."));
  }
}
