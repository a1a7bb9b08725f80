package io.osop.temporal.activities.serving;

/**
 * A local mirroring session as kept in the object store, so that any worker can measure it.
 *
 * @param sessionId the session
 * @param endpoint the endpoint whose traffic is mirrored
 * @param candidateModelUri the candidate model
 * @param productionVersion the production version compared against, fixed at start; null means the
 *     majority-class predictor of the training labels
 * @param fraction share of requests mirrored to the candidate
 * @param datasetUri the dataset whose held-out rows (test, then val) form the traffic log
 * @param windowHours hours the traffic log is spread over
 * @param running false once stopped
 */
public record ReplaySession(
    String sessionId,
    String endpoint,
    String candidateModelUri,
    String productionVersion,
    double fraction,
    String datasetUri,
    double windowHours,
    boolean running) {

  /** The same session, stopped. */
  public ReplaySession stopped() {
    return new ReplaySession(
        sessionId,
        endpoint,
        candidateModelUri,
        productionVersion,
        fraction,
        datasetUri,
        windowHours,
        false);
  }
}
