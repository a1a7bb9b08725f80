package io.osop.temporal.activities.training.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingJob;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingOutcome;
import io.osop.temporal.activities.training.kubernetes.KubernetesTrainingSettings.TolerationSetting;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesTrainingExecutorTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String NS = "training";

  private final FakeJobController controller = new FakeJobController(client, NS);
  private final RecordingProgress progress = new RecordingProgress();

  private static KubernetesTrainingSettings settings(Duration pollInterval) {
    return new KubernetesTrainingSettings(
        NS,
        "europe-docker.pkg.dev/ml/trainer:1",
        "trainer",
        null,
        Map.of("cloud.google.com/gke-accelerator", "nvidia-l4"),
        List.of(new TolerationSetting("nvidia.com/gpu", "Exists", null, "NoSchedule")),
        0,
        3600,
        pollInterval);
  }

  private KubernetesTrainingExecutor executor(Duration pollInterval) {
    return new KubernetesTrainingExecutor(settings(pollInterval), client);
  }

  private static TrainingJob job(String name, Map<String, Object> resources) {
    return new TrainingJob(
        name,
        "python train.py --epochs 3",
        "/pipelines",
        Map.of(
            "OSOP_DATA_URI", "gs://bucket/runs/r1/data/",
            "OSOP_MODEL_PATH", "/tmp/osop-scratch/model.onnx"),
        resources,
        Map.of("osop.io/workflow-id", "wf-1", "osop.io/node-id", "train"));
  }

  private CompletableFuture<TrainingOutcome> start(
      KubernetesTrainingExecutor executor, TrainingJob job) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return executor.run(job, progress);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void aRetriedRunAdoptsTheJobInsteadOfCreatingASecondOne() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(200));
    TrainingJob job = job("wf-1-train-1", Map.of("gpu", 1, "memory", "16Gi"));

    CompletableFuture<TrainingOutcome> first = start(executor, job);
    controller.awaitJob("wf-1-train-1");
    CompletableFuture<TrainingOutcome> retried = start(executor, job);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> progress.heartbeats.size() >= 4);
    controller.pod("wf-1-train-1", "wf-1-train-1-abcde", "Succeeded", 0);
    controller.condition("wf-1-train-1", "Complete");

    assertThat(first.get(10, TimeUnit.SECONDS).exitCode()).isZero();
    assertThat(retried.get(10, TimeUnit.SECONDS).exitCode()).isZero();
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems())
        .extracting(j -> j.getMetadata().getName())
        .filteredOn(name -> name.startsWith("wf-1-"))
        .containsExactly("wf-1-train-1");
  }

  @Test
  void anExistingJobAskingForTheSameMemoryInOtherUnitsIsAdopted() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(100));
    TrainingJob earlier = job("wf-8-train-1", Map.of("memory", "65536Mi"));
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(NS)
        .resource(
            TrainingJobManifest.build(
                earlier, JobResources.parse(earlier.resources()), settings(Duration.ofMillis(100))))
        .create();
    controller.pod("wf-8-train-1", "wf-8-train-1-p", "Succeeded", 0);

    TrainingOutcome outcome = executor.run(job("wf-8-train-1", Map.of("memory", "64Gi")), progress);

    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void aFractionalGpuIsRefusedBeforeAnyJobIsCreated() {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(100));

    assertThatThrownBy(() -> executor.run(job("wf-9-train-1", Map.of("gpu", 0.5)), progress))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resources.gpu");
    assertThat(client.batch().v1().jobs().inNamespace(NS).withName("wf-9-train-1").get()).isNull();
  }

  @Test
  void theJobRunsTheCommandWithGpuLimitsAndNoRetriesOfItsOwn() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(200));
    CompletableFuture<TrainingOutcome> run =
        start(executor, job("wf-2-train-1", Map.of("gpu", 2, "memory", "64Gi", "cpu", "8")));

    Job created = controller.awaitJob("wf-2-train-1");
    controller.pod("wf-2-train-1", "wf-2-train-1-x", "Succeeded", 0);
    run.get(10, TimeUnit.SECONDS);

    assertThat(created.getSpec().getBackoffLimit()).isZero();
    var pod = created.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    var container = pod.getContainers().get(0);
    assertThat(container.getCommand())
        .containsExactly("/bin/sh", "-c", "python train.py --epochs 3");
    assertThat(container.getImage()).isEqualTo("europe-docker.pkg.dev/ml/trainer:1");
    assertThat(container.getResources().getLimits().get("nvidia.com/gpu").toString())
        .isEqualTo("2");
    assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo("64Gi");
    assertThat(container.getEnv())
        .extracting(e -> e.getName())
        .contains("OSOP_DATA_URI")
        .as("paths on the worker's disk mean nothing in the pod")
        .doesNotContain("OSOP_MODEL_PATH");
    assertThat(pod.getNodeSelector())
        .containsEntry("cloud.google.com/gke-accelerator", "nvidia-l4");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("nvidia.com/gpu"))
        .satisfies(t -> assertThat(t.getEffect()).isEqualTo("NoSchedule"));
    assertThat(created.getMetadata().getLabels())
        .containsEntry("osop.io/workflow-id", "wf-1")
        .containsEntry("osop.io/job", "wf-2-train-1");
  }

  @Test
  void aFailedPodIsReportedAtOnceBeforeTheJobHasAnyCondition() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofHours(1));
    CompletableFuture<TrainingOutcome> run = start(executor, job("wf-3-train-1", Map.of()));
    controller.awaitJob("wf-3-train-1");
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !progress.heartbeats.isEmpty());

    controller.pod("wf-3-train-1", "wf-3-train-1-p", "Failed", 3);

    TrainingOutcome outcome = run.get(5, TimeUnit.SECONDS);
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.durationMillis()).isEqualTo(400);
  }

  @Test
  void aJobThatFailsWithoutAnExitCodeIsAFailedAttemptWithItsReason() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(100));
    CompletableFuture<TrainingOutcome> run = start(executor, job("wf-4-train-1", Map.of()));
    controller.awaitJob("wf-4-train-1");

    controller.condition("wf-4-train-1", "Failed");

    TrainingOutcome outcome = run.get(5, TimeUnit.SECONDS);
    assertThat(outcome.exitCode()).isEqualTo(-1);
    assertThat(outcome.log()).contains("BackoffLimitExceeded");
  }

  @Test
  void cancellationDeletesTheJobAndItsPods() throws Exception {
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(100));
    CompletableFuture<TrainingOutcome> run = start(executor, job("wf-5-train-1", Map.of("gpu", 1)));
    controller.awaitJob("wf-5-train-1");
    controller.pod("wf-5-train-1", "wf-5-train-1-p", "Running", null);

    progress.cancelled = true;

    assertThatThrownBy(() -> run.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("activity cancelled");
    assertThat(client.batch().v1().jobs().inNamespace(NS).withName("wf-5-train-1").get()).isNull();
    assertThat(client.pods().inNamespace(NS).list().getItems())
        .noneMatch(p -> p.getMetadata().getName().startsWith("wf-5-"));
  }

  @Test
  void theLogOfAPodThatFinishesInUnderASecondIsKept() throws Exception {
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/"
                + NS
                + "/pods/wf-6-train-1-p/log?pretty=false&container=train&follow=true")
        .andReturn(200, "loading data\n")
        .always();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/" + NS + "/pods/wf-6-train-1-p/log?pretty=false&container=train")
        .andReturn(200, "loading data\nepoch 1 loss=0.41\nwrote model.onnx\n")
        .always();
    KubernetesTrainingExecutor executor = executor(Duration.ofMillis(100));
    CompletableFuture<TrainingOutcome> run = start(executor, job("wf-6-train-1", Map.of()));
    controller.awaitJob("wf-6-train-1");

    controller.pod("wf-6-train-1", "wf-6-train-1-p", "Succeeded", 0);

    TrainingOutcome outcome = run.get(5, TimeUnit.SECONDS);
    assertThat(outcome.log()).contains("epoch 1 loss=0.41").contains("wrote model.onnx");
    assertThat(progress.lines)
        .containsSubsequence("loading data", "epoch 1 loss=0.41", "wrote model.onnx");
  }

  @Test
  void completionIsSeenAfterTheWatchIsClosedWithGone() throws Exception {
    String job = "wf-7-train-1";
    server
        .expect()
        .get()
        .withPath(
            "/apis/batch/v1/namespaces/"
                + NS
                + "/jobs?allowWatchBookmarks=true&fieldSelector=metadata.name%3D"
                + job
                + "&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(1500)
        .andEmit(
            new WatchEvent(
                new StatusBuilder()
                    .withCode(410)
                    .withReason("Expired")
                    .withMessage("too old resource version")
                    .build(),
                "ERROR"))
        .done()
        .once();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/"
                + NS
                + "/pods?allowWatchBookmarks=true&labelSelector=osop.io%2Fjob%3D"
                + job
                + "&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .done()
        .always();
    KubernetesTrainingExecutor executor = executor(Duration.ofHours(1));
    CompletableFuture<TrainingOutcome> run = start(executor, job(job, Map.of()));
    controller.awaitJob(job);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !progress.heartbeats.isEmpty());

    controller.pod(job, job + "-p", "Succeeded", 0);
    controller.condition(job, "Complete");

    assertThat(run.get(8, TimeUnit.SECONDS).exitCode()).isZero();
    assertThat(watchRequests("jobs?", job))
        .as("the job watch was opened again after 410")
        .isGreaterThanOrEqualTo(2);
  }

  private static long watchRequests(String collection, String name) throws InterruptedException {
    long count = 0;
    for (var request = server.takeRequest(0, TimeUnit.SECONDS);
        request != null;
        request = server.takeRequest(0, TimeUnit.SECONDS)) {
      String path = request.getPath();
      if (path.contains(collection) && path.contains(name) && path.contains("watch=true")) {
        count++;
      }
    }
    return count;
  }
}
