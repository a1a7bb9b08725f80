package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;

/** Plays the Job controller and the kubelet against the mock API: makes pods and sets states. */
final class FakeJobController {

  private final KubernetesClient client;
  private final String namespace;

  FakeJobController(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  Job awaitJob(String name) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get() != null);
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  /** Creates the Job's pod in a phase; a terminated container when an exit code is given. */
  Pod pod(String jobName, String podName, String phase, Integer exitCode) {
    ContainerStatusBuilder container =
        new ContainerStatusBuilder().withName(TrainingJobManifest.CONTAINER);
    if (exitCode != null) {
      container
          .withNewState()
          .withNewTerminated()
          .withExitCode(exitCode)
          .withStartedAt(Instant.parse("2026-12-04T10:00:00Z").toString())
          .withFinishedAt(Instant.parse("2026-12-04T10:00:00.400Z").toString())
          .endTerminated()
          .endState();
    } else {
      container.withNewState().withNewRunning().endRunning().endState();
    }
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(podName)
            .withNamespace(namespace)
            .addToLabels(TrainingJobManifest.JOB_LABEL, jobName)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(TrainingJobManifest.CONTAINER)
            .withImage("trainer")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .withContainerStatuses(container.build())
            .endStatus()
            .build();
    return client.pods().inNamespace(namespace).resource(pod).create();
  }

  /** Writes a condition (Complete or Failed) on the Job's status. */
  void condition(String jobName, String type) {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName(jobName)
        .editStatus(
            job ->
                new JobBuilder(job)
                    .editOrNewStatus()
                    .addToConditions(
                        new JobConditionBuilder()
                            .withType(type)
                            .withStatus("True")
                            .withReason(type.equals("Failed") ? "BackoffLimitExceeded" : null)
                            .withMessage(
                                type.equals("Failed")
                                    ? "Job has reached the specified backoff limit"
                                    : null)
                            .build())
                    .endStatus()
                    .build());
  }
}
