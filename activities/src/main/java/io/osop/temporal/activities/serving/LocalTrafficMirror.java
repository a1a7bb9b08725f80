package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.ModelSource;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a replayed traffic log instead of live traffic: the held-out rows of the run's dataset,
 * spread over the session's window, scored by the production model (the registry's production
 * pointer at start, or the majority class when none) and, for the mirrored share, by the candidate.
 */
public final class LocalTrafficMirror implements TrafficMirror {

  private static final Logger log = LoggerFactory.getLogger(LocalTrafficMirror.class);

  private final ReplaySessions sessions;
  private final String productionPointer;

  /** Creates a mirror comparing against the model {@code models/production/latest} names. */
  public LocalTrafficMirror(ReplaySessions sessions) {
    this(sessions, ModelSource.PRODUCTION_POINTER);
  }

  /** Creates a mirror comparing against the model a registry pointer names. */
  public LocalTrafficMirror(ReplaySessions sessions, String productionPointer) {
    this.sessions = sessions;
    this.productionPointer = productionPointer;
  }

  /**
   * Refused: a local replay needs the dataset its traffic log comes from.
   *
   * @throws IllegalArgumentException always, naming the session
   */
  @Override
  public void start(String sessionId, String endpoint, String candidateModelUri, double fraction) {
    throw new IllegalArgumentException(
        "the local traffic mirror replays a dataset's held-out rows and needs the dataset URI and"
            + " window: sessionId="
            + sessionId);
  }

  @Override
  public void start(
      String sessionId,
      String endpoint,
      String candidateModelUri,
      double fraction,
      String datasetUri,
      double windowHours)
      throws IOException {
    if (!(fraction > 0 && fraction <= 1) || !(windowHours > 0)) {
      throw new IllegalArgumentException(
          "mirroring needs a fraction in (0, 1] and a window of more than 0 hours: sessionId="
              + sessionId
              + " fraction="
              + fraction
              + " windowHours="
              + windowHours);
    }
    Optional<String> production = sessions.models().resolve(productionPointer);
    ReplaySession session =
        new ReplaySession(
            sessionId,
            endpoint,
            candidateModelUri,
            production.orElse(null),
            fraction,
            datasetUri,
            windowHours,
            true);
    if (sessions.create(session)) {
      log.info(
          "Started replaying held-out traffic to the candidate. sessionId={} fraction={}"
              + " windowHours={} production={} candidate={} dataset={}",
          sessionId,
          fraction,
          windowHours,
          production.orElse("majority-class"),
          candidateModelUri,
          datasetUri);
    } else {
      log.info("Mirroring session already exists; nothing to start. sessionId={}", sessionId);
    }
  }

  @Override
  public void stop(String sessionId) throws IOException {
    sessions.stop(sessionId);
    log.info("Stopped replaying traffic. sessionId={}", sessionId);
  }
}
