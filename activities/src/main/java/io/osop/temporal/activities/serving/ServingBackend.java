package io.osop.temporal.activities.serving;

import java.io.IOException;
import java.util.Optional;

/**
 * A serving endpoint with revisions and a traffic split: in-process ONNX locally, a KServe
 * InferenceService in production. Every change is keyed by the run that makes it.
 */
public interface ServingBackend {

  /** The revision serving all traffic now, or empty for an endpoint never deployed. */
  Optional<String> liveRevision(String endpoint) throws IOException;

  /**
   * Deploys {@code modelUri} as revision {@code revision} with {@code canaryPercent} of traffic,
   * recording the revision that served before under {@code runKey}. Repeating it is a no-op.
   */
  void deployCanary(
      String endpoint, String revision, String modelUri, double canaryPercent, String runKey)
      throws IOException;

  /**
   * Like {@link #deployCanary(String, String, String, double, String)}, naming a dataset whose
   * held-out rows a local backend probes the revision with; a remote backend, which probes with the
   * revision's own traffic, ignores it.
   */
  default void deployCanary(
      String endpoint,
      String revision,
      String modelUri,
      double canaryPercent,
      String runKey,
      String probeDatasetUri)
      throws IOException {
    deployCanary(endpoint, revision, modelUri, canaryPercent, runKey);
  }

  /** Readiness, errors and latency of a revision over a short probe. */
  Health health(String endpoint, String revision) throws IOException;

  /** Sends all traffic to the revision. */
  void promote(String endpoint, String revision) throws IOException;

  /** Restores the revision recorded under {@code runKey}; does nothing without a record. */
  void restore(String endpoint, String runKey) throws IOException;

  /**
   * @param ready whether the revision is ready
   * @param requests probe requests sent
   * @param errors of those, failures
   * @param p99Millis p99 latency of the probe
   */
  record Health(boolean ready, long requests, long errors, double p99Millis) {}
}
