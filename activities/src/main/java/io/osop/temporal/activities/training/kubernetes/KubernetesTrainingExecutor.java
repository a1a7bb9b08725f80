package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.osop.temporal.activities.training.TrainingExecutor;
import io.osop.temporal.activities.training.TrainingProgress;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each attempt of a node's command as a Kubernetes Job with {@code backoffLimit: 0} (Temporal
 * owns retries). The Job's name comes from the attempt's deterministic name, so a retried create
 * finds the Job already there and adopts it. Completion is decided by re-listing the Job and its
 * pods whenever a watch wakes the executor or the poll interval passes; a cancelled activity
 * deletes the Job and its pods.
 */
public final class KubernetesTrainingExecutor implements TrainingExecutor {

  private static final Logger log = LoggerFactory.getLogger(KubernetesTrainingExecutor.class);
  private static final int CONFLICT = 409;

  private final KubernetesTrainingSettings settings;
  private final KubernetesClient client;

  /** An executor running Jobs as the settings say, through the client. */
  public KubernetesTrainingExecutor(KubernetesTrainingSettings settings, KubernetesClient client) {
    this.settings = settings;
    this.client = client;
  }

  @Override
  public TrainingOutcome run(TrainingJob job, TrainingProgress progress)
      throws InterruptedException {
    JobResources resources = JobResources.parse(job.resources());
    Job manifest = TrainingJobManifest.build(job, resources, settings);
    String name = manifest.getMetadata().getName();
    long startedNanos = System.nanoTime();
    createOrAdopt(job, manifest, resources);

    try (JobEvents events = new JobEvents(client, settings.namespace(), name);
        PodLogFollower logs =
            new PodLogFollower(client, settings.namespace(), () -> events.wake("log"))) {
      while (true) {
        events.ensureWatching();
        JobState state;
        try {
          state = list(name);
        } catch (KubernetesClientException e) {
          // The API server may be briefly unavailable; the Job runs on regardless, and the
          // activity's heartbeat timeout bounds how long this can go on.
          log.warn("Could not list the training Job; trying again. job={}", name, e);
          heartbeatOrStop(name, "Kubernetes API unavailable: " + e.getMessage(), progress);
          events.await(settings.pollInterval());
          continue;
        }
        state.startedPod().ifPresent(logs::follow);
        logs.drainTo(progress);

        if (state.exitCode().isPresent()) {
          return finish(name, state, logs, progress, startedNanos);
        }
        if (state.job() == null) {
          throw new IllegalStateException(
              "Job was deleted before it finished: namespace="
                  + settings.namespace()
                  + " job="
                  + name);
        }
        heartbeatOrStop(name, state.describe() + ", " + logs.lines() + " log lines", progress);
        events.await(settings.pollInterval());
      }
    }
  }

  private void createOrAdopt(TrainingJob job, Job manifest, JobResources resources) {
    String name = manifest.getMetadata().getName();
    try {
      client.batch().v1().jobs().inNamespace(settings.namespace()).resource(manifest).create();
      log.info(
          "Training Job created. namespace={} job={} attempt={}",
          settings.namespace(),
          name,
          job.name());
      return;
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw new KubernetesClientException(
            "Could not create training Job: namespace=" + settings.namespace() + " job=" + name, e);
      }
    }
    Job existing =
        client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
    if (existing == null) {
      throw new IllegalStateException(
          "Training Job was reported to exist but is gone; the next attempt creates it again: job="
              + name);
    }
    checkSameAttempt(job, existing, resources);
    log.info(
        "Training Job already exists; adopting it. namespace={} job={}",
        settings.namespace(),
        name);
  }

  private static void checkSameAttempt(TrainingJob job, Job existing, JobResources resources) {
    String attempt =
        existing.getMetadata().getAnnotations() == null
            ? null
            : existing.getMetadata().getAnnotations().get(TrainingJobManifest.NAME_ANNOTATION);
    Container container = existing.getSpec().getTemplate().getSpec().getContainers().get(0);
    JobResources theirs =
        container.getResources() == null
            ? new JobResources(0, null, null)
            : JobResources.fromContainer(
                container.getResources().getLimits(), container.getResources().getRequests());
    if (!job.name().equals(attempt) || !resources.equals(theirs)) {
      throw new IllegalStateException(
          "A different Job already has this attempt's name: job="
              + existing.getMetadata().getName()
              + " expectedAttempt="
              + job.name()
              + " foundAttempt="
              + attempt
              + " expectedResources="
              + resources
              + " foundResources="
              + theirs);
    }
  }

  private JobState list(String name) {
    Job job = client.batch().v1().jobs().inNamespace(settings.namespace()).withName(name).get();
    List<Pod> pods =
        client
            .pods()
            .inNamespace(settings.namespace())
            .withLabels(TrainingJobManifest.selector(name))
            .list()
            .getItems();
    return JobState.of(job, pods);
  }

  private TrainingOutcome finish(
      String name,
      JobState state,
      PodLogFollower logs,
      TrainingProgress progress,
      long startedNanos) {
    String pod = state.pod() == null ? null : state.pod().getMetadata().getName();
    String log = logs.finish(pod, progress);
    int exitCode = state.exitCode().orElseThrow();
    if (exitCode == -1) {
      String reason = state.failureReason().orElse("the pod failed without an exit code");
      progress.log("Job failed: " + reason);
      log = log.isEmpty() ? "Job failed: " + reason : log + "\nJob failed: " + reason;
    }
    Duration ran = state.ranFor().orElse(Duration.ofNanos(System.nanoTime() - startedNanos));
    KubernetesTrainingExecutor.log.info(
        "Training Job finished. namespace={} job={} exitCode={} durationMs={}",
        settings.namespace(),
        name,
        exitCode,
        ran.toMillis());
    return new TrainingOutcome(exitCode, log, ran.toMillis());
  }

  private void heartbeatOrStop(String name, String detail, TrainingProgress progress) {
    try {
      progress.heartbeat(detail);
    } catch (RuntimeException cancelled) {
      try {
        stop(name);
      } catch (RuntimeException e) {
        cancelled.addSuppressed(e);
      }
      throw cancelled;
    }
  }

  /** Deletes the Job and its pods (the mock and some clusters do not cascade on their own). */
  private void stop(String name) {
    log.info(
        "Activity cancelled; deleting the training Job. namespace={} job={}",
        settings.namespace(),
        name);
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(settings.namespace())
        .withName(name)
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();
    List<Pod> pods =
        client
            .pods()
            .inNamespace(settings.namespace())
            .withLabels(TrainingJobManifest.selector(name))
            .list()
            .getItems();
    for (Pod pod : pods) {
      client
          .pods()
          .inNamespace(settings.namespace())
          .withName(pod.getMetadata().getName())
          .delete();
    }
  }
}
