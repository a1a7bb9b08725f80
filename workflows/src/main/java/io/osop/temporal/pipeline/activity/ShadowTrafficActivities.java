package io.osop.temporal.pipeline.activity;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/**
 * Side effects of the shadow-ab-test handler. A session is named from run and node, so starting or
 * stopping it again is harmless.
 */
@ActivityInterface
public interface ShadowTrafficActivities {

  /** Starts mirroring a share of production traffic to the candidate. */
  @ActivityMethod(name = "StartShadowTraffic")
  ShadowSession startShadow(StartShadowRequest request);

  /** Measures the window since the last check and reports a guardrail breach, if any. */
  @ActivityMethod(name = "CheckShadowMetrics")
  ShadowCheck checkShadow(CheckShadowRequest request);

  /** Decides winner or loser from all checks; too little evidence is never a winner. */
  @ActivityMethod(name = "AnalyzeShadowTest")
  AbAnalysis analyze(AnalyzeShadowRequest request);

  /** Stops mirroring; does nothing when the session is not running. */
  @ActivityMethod(name = "StopShadowTraffic")
  void stopShadow(StopShadowRequest request);

  /**
   * @param run the run
   * @param nodeId the A/B node
   * @param candidateModelUri the candidate model
   * @param datasetUri the dataset folder (local replay draws its traffic from it)
   * @param trafficSplit the share of traffic mirrored to the candidate, in (0,1]
   * @param config the node's whole config (guardrails, thresholds, endpoint)
   */
  record StartShadowRequest(
      RunRef run,
      String nodeId,
      String candidateModelUri,
      String datasetUri,
      double trafficSplit,
      Map<String, Object> config) {}

  /**
   * @param sessionId deterministic id of the mirroring session
   * @param productionModel the production model version compared against, or null
   * @param candidateModelUri the candidate model
   * @param description one line for logs and status
   */
  record ShadowSession(
      String sessionId, String productionModel, String candidateModelUri, String description) {}

  /**
   * @param session the running session
   * @param checkIndex 1-based check number
   * @param fromHour start of the measured window, in hours since the session started
   * @param toHour end of the measured window
   * @param config the node's config (guardrail thresholds)
   */
  record CheckShadowRequest(
      ShadowSession session,
      int checkIndex,
      double fromHour,
      double toHour,
      Map<String, Object> config) {}

  /**
   * @param checkIndex 1-based check number
   * @param requests requests mirrored in the window
   * @param labelled of those, requests whose label has arrived
   * @param candidateAccuracy candidate accuracy on labelled requests (NaN without any)
   * @param productionAccuracy production accuracy on the same requests
   * @param agreement share of requests where both predict the same class
   * @param candidateP99Millis candidate p99 latency
   * @param productionP99Millis production p99 latency
   * @param candidateErrors candidate scoring errors
   * @param guardrailBreach the breached guardrail in words, or null
   */
  record ShadowCheck(
      int checkIndex,
      long requests,
      long labelled,
      double candidateAccuracy,
      double productionAccuracy,
      double agreement,
      double candidateP99Millis,
      double productionP99Millis,
      long candidateErrors,
      String guardrailBreach) {}

  /**
   * @param session the session
   * @param checks every check made, in order
   * @param decision {@code approve}, {@code reject}, {@code guardrail} or null when the window ran
   *     out
   * @param decisionReason why the decision was made, or null
   * @param config the node's config (thresholds)
   */
  record AnalyzeShadowRequest(
      ShadowSession session,
      List<ShadowCheck> checks,
      String decision,
      String decisionReason,
      Map<String, Object> config) {}

  /**
   * @param result {@code winner} or {@code loser}
   * @param reason one sentence on why
   * @param evidence the numbers behind it
   */
  record AbAnalysis(String result, String reason, Map<String, Object> evidence) {}

  /**
   * @param run the run
   * @param nodeId the A/B node
   */
  record StopShadowRequest(RunRef run, String nodeId) {}
}
