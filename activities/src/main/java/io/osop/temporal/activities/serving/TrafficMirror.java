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

  /** Stops a session; does nothing when it is not running. */
  void stop(String sessionId) throws IOException;
}
