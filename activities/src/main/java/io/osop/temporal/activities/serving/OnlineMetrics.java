package io.osop.temporal.activities.serving;

import java.io.IOException;

/**
 * Measures production and candidate on mirrored traffic over a window: computed from the replay
 * locally, Prometheus queries in production. No data is reported as zero requests, never as a pass.
 */
public interface OnlineMetrics {

  /** Measures the window {@code [fromHour, toHour)} of a session. */
  WindowSample measure(String sessionId, int checkIndex, double fromHour, double toHour)
      throws IOException;

  /**
   * @param requests requests mirrored
   * @param labelled requests with labels
   * @param candidateCorrect labelled requests the candidate got right
   * @param productionCorrect labelled requests production got right
   * @param agreements requests where both predicted the same
   * @param candidateErrors candidate errors
   * @param candidateP99Millis candidate p99 latency
   * @param productionP99Millis production p99 latency
   */
  record WindowSample(
      long requests,
      long labelled,
      long candidateCorrect,
      long productionCorrect,
      long agreements,
      long candidateErrors,
      double candidateP99Millis,
      double productionP99Millis) {}
}
