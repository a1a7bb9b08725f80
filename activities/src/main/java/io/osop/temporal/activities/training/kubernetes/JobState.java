package io.osop.temporal.activities.training.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one listing of a Job and its pods says: still running, or finished with an exit code. A
 * failed pod counts at once, before the Job controller has written its Failed condition, because
 * with {@code backoffLimit: 0} no other pod will follow.
 *
 * @param job the Job, or null when it is gone
 * @param pod the newest pod of the Job, or null when none exists yet
 */
record JobState(Job job, Pod pod) {

  /** Picks the newest of the Job's pods. */
  static JobState of(Job job, List<Pod> pods) {
    Pod newest =
        pods.stream()
            .max(
                Comparator.comparing(
                        (Pod p) ->
                            p.getMetadata().getCreationTimestamp() == null
                                ? ""
                                : p.getMetadata().getCreationTimestamp())
                    .thenComparing(p -> p.getMetadata().getName()))
            .orElse(null);
    return new JobState(job, newest);
  }

  /** The pod's name once it has started (its log can be read), else empty. */
  Optional<String> startedPod() {
    if (pod == null || pod.getStatus() == null) {
      return Optional.empty();
    }
    String phase = pod.getStatus().getPhase();
    return "Running".equals(phase) || "Succeeded".equals(phase) || "Failed".equals(phase)
        ? Optional.of(pod.getMetadata().getName())
        : Optional.empty();
  }

  /** The exit code when the attempt has finished, else empty. */
  Optional<Integer> exitCode() {
    Optional<ContainerStateTerminated> terminated = terminated();
    if (terminated.isPresent()) {
      Integer code = terminated.get().getExitCode();
      return Optional.of(code == null ? -1 : code);
    }
    String phase = pod == null || pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || hasCondition("Complete")) {
      return Optional.of(0);
    }
    if ("Failed".equals(phase) || hasCondition("Failed")) {
      return Optional.of(-1);
    }
    return Optional.empty();
  }

  /** How long the command ran, from the container's own timestamps when it reports them. */
  Optional<Duration> ranFor() {
    return terminated()
        .filter(t -> t.getStartedAt() != null && t.getFinishedAt() != null)
        .map(
            t ->
                Duration.between(
                    Instant.parse(t.getStartedAt()), Instant.parse(t.getFinishedAt())));
  }

  /** Why the Job failed without an exit code (deadline exceeded, pod deleted), or empty. */
  Optional<String> failureReason() {
    return conditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> c.getReason() + ": " + c.getMessage())
        .findFirst();
  }

  /** One line for heartbeats: the pod's phase and what it waits for. */
  String describe() {
    if (pod == null) {
      return "job " + (job == null ? "missing" : "created") + ", no pod yet";
    }
    String phase = pod.getStatus() == null ? "Unknown" : pod.getStatus().getPhase();
    String waiting =
        container()
            .filter(c -> c.getState() != null && c.getState().getWaiting() != null)
            .map(c -> " (" + c.getState().getWaiting().getReason() + ")")
            .orElse("");
    return "pod " + pod.getMetadata().getName() + " " + phase + waiting;
  }

  private Optional<ContainerStateTerminated> terminated() {
    return container()
        .filter(c -> c.getState() != null && c.getState().getTerminated() != null)
        .map(c -> c.getState().getTerminated());
  }

  private Optional<ContainerStatus> container() {
    if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> TrainingJobManifest.CONTAINER.equals(c.getName()))
        .findFirst();
  }

  private boolean hasCondition(String type) {
    return conditions().stream()
        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private List<JobCondition> conditions() {
    if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
      return List.of();
    }
    return job.getStatus().getConditions();
  }
}
