package io.osop.temporal.activities.serving;

import java.io.IOException;

/**
 * Mirrors a share of an endpoint's live traffic to a candidate: a replayed traffic log locally, an
 * Istio VirtualService mirror in production. Sessions are named, so start and stop are idempotent.
 */
public interface TrafficMirror {

  /** Starts (or finds running) a mirroring session. */
  void start(String sessionId, String endpoint, String candidateModelUri, double fraction)
      throws IOException;

  /**
   * Starts (or finds running) a session expected to last {@code windowHours}. A local replay draws
   * its traffic from the held-out rows of the dataset at {@code datasetUri} and spreads them over
   * the window; a mirror of live traffic ignores both and keeps the default behaviour.
   */
  default void start(
      String sessionId,
      String endpoint,
      String candidateModelUri,
      double fraction,
      String datasetUri,
      double windowHours)
      throws IOException {
    start(sessionId, endpoint, candidateModelUri, fraction);
  }

  /** Stops a session; does nothing when it is not running. */
  void stop(String sessionId) throws IOException;
}
