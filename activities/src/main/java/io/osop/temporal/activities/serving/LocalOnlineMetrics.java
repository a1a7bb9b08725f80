package io.osop.temporal.activities.serving;

import java.io.IOException;

/**
 * Online metrics computed from a local replay: per window, the mirrored requests that arrived in it
 * and the labels that arrived in it, scored by both models in-process.
 */
public final class LocalOnlineMetrics implements OnlineMetrics {

  private final ReplaySessions sessions;

  /** Creates the metrics of the sessions a {@link LocalTrafficMirror} starts. */
  public LocalOnlineMetrics(ReplaySessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public WindowSample measure(String sessionId, int checkIndex, double fromHour, double toHour)
      throws IOException {
    if (!(fromHour <= toHour)) {
      throw new IllegalArgumentException(
          "a window must not end before it starts: sessionId="
              + sessionId
              + " fromHour="
              + fromHour
              + " toHour="
              + toHour);
    }
    return sessions.replay(sessionId).measure(fromHour, toHour);
  }
}
