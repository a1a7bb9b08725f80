package io.osop.temporal.activities.training.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the Kubernetes training executor runs a node's command.
 *
 * @param namespace the namespace Jobs run in
 * @param image the container image that runs every command (it must read and write {@code gs://}
 *     URIs from the {@code OSOP_*} environment variables itself)
 * @param serviceAccountName the pods' service account (Workload Identity to reach GCS), or null
 * @param workingDir the container's working directory, or null for the image's own
 * @param nodeSelector node labels every training pod must match, may be empty
 * @param tolerations taints the pods tolerate (GPU node pools are usually tainted), may be empty
 * @param activeDeadlineSeconds the longest a Job may run before Kubernetes stops it, 0 for no limit
 * @param ttlSecondsAfterFinished how long a finished Job and its pods (and logs) stay, 0 for ever
 * @param pollInterval how often the executor re-lists and heartbeats when no event arrives
 */
public record KubernetesTrainingSettings(
    String namespace,
    String image,
    String serviceAccountName,
    String workingDir,
    Map<String, String> nodeSelector,
    List<TolerationSetting> tolerations,
    long activeDeadlineSeconds,
    int ttlSecondsAfterFinished,
    Duration pollInterval) {

  /** Checks the fields and fills defaults. */
  public KubernetesTrainingSettings {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("backends.training.namespace is required");
    }
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("backends.training.image is required");
    }
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    pollInterval =
        pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
            ? Duration.ofSeconds(10)
            : pollInterval;
  }

  /**
   * A taint toleration as in a pod spec.
   *
   * @param key the taint key ({@code nvidia.com/gpu})
   * @param operator {@code Exists} or {@code Equal}
   * @param value the taint value for {@code Equal}, else null
   * @param effect {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute} or null for all
   */
  public record TolerationSetting(String key, String operator, String value, String effect) {}
}
