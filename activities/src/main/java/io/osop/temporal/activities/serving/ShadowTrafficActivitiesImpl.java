package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.ScoringFailures;
import io.osop.temporal.activities.serving.OnlineMetrics.WindowSample;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow A/B testing through a {@link TrafficMirror} and {@link OnlineMetrics}: starts mirroring,
 * measures each window and judges guardrails on all evidence so far, then decides winner or loser.
 */
public final class ShadowTrafficActivitiesImpl implements ShadowTrafficActivities {

  private static final Logger log = LoggerFactory.getLogger(ShadowTrafficActivitiesImpl.class);

  private final TrafficMirror mirror;
  private final OnlineMetrics metrics;
  private final ModelRegistry registry;

  /** Creates the activities over a mirror, its metrics and the registry of production models. */
  public ShadowTrafficActivitiesImpl(
      TrafficMirror mirror, OnlineMetrics metrics, ModelRegistry registry) {
    this.mirror = mirror;
    this.metrics = metrics;
    this.registry = registry;
  }

  /**
   * The session id of a run's A/B node: readable, safe as a key or resource name, and the same on
   * every attempt.
   */
  public static String sessionId(RunRef run, String nodeId) {
    String exact = run.workflowId() + "\u0000" + nodeId;
    CRC32C crc = new CRC32C();
    crc.update(exact.getBytes(StandardCharsets.UTF_8));
    String readable = (run.workflowId() + "-" + nodeId).replaceAll("[^A-Za-z0-9._-]", "_");
    return "shadow-"
        + readable.substring(0, Math.min(readable.length(), 80))
        + "-"
        + HexFormat.of().toHexDigits((int) crc.getValue());
  }

  @Override
  public ShadowSession startShadow(StartShadowRequest request) {
    ShadowSettings settings =
        ShadowSettings.from(request.config(), "node '" + request.nodeId() + "'");
    if (!(request.trafficSplit() > 0 && request.trafficSplit() <= 1)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "node '"
              + request.nodeId()
              + "' config.traffic_split must be in (0, 1], got "
              + request.trafficSplit(),
          ScoringFailures.INVALID_CONFIG);
    }
    String sessionId = sessionId(request.run(), request.nodeId());
    try {
      Optional<String> production = registry.resolve(settings.productionPointer());
      mirror.start(
          sessionId,
          settings.endpoint(),
          request.candidateModelUri(),
          request.trafficSplit(),
          request.datasetUri(),
          settings.durationHours());
      String description =
          String.format(
              Locale.ROOT,
              "mirroring %.1f%% of %s traffic to %s against %s for %.1f h",
              request.trafficSplit() * 100,
              settings.endpoint(),
              request.candidateModelUri(),
              production.map(version -> "production " + version).orElse("the majority class"),
              settings.durationHours());
      return new ShadowSession(
          sessionId, production.orElse(null), request.candidateModelUri(), description);
    } catch (IOException e) {
      throw ScoringFailures.fromIo(e, "node '" + request.nodeId() + "': starting mirroring");
    } catch (RuntimeException e) {
      throw ScoringFailures.nonRetryable(e, "node '" + request.nodeId() + "'");
    }
  }

  @Override
  public ShadowCheck checkShadow(CheckShadowRequest request) {
    String sessionId = request.session().sessionId();
    ShadowSettings settings = ShadowSettings.from(request.config(), "session " + sessionId);
    WindowSample window;
    WindowSample soFar;
    try {
      window =
          metrics.measure(sessionId, request.checkIndex(), request.fromHour(), request.toHour());
      soFar = metrics.measure(sessionId, request.checkIndex(), 0, request.toHour());
    } catch (IOException e) {
      throw ScoringFailures.fromIo(e, "measuring mirroring session " + sessionId);
    } catch (RuntimeException e) {
      throw ScoringFailures.nonRetryable(e, "session " + sessionId);
    }
    ShadowEvidence inWindow = ShadowEvidence.of(window);
    String breach = new ShadowJudge(settings).breach(ShadowEvidence.of(soFar));
    ShadowCheck check =
        new ShadowCheck(
            request.checkIndex(),
            inWindow.requests(),
            inWindow.labelled(),
            inWindow.candidateAccuracy(),
            inWindow.productionAccuracy(),
            inWindow.agreement(),
            inWindow.candidateP99Millis(),
            inWindow.productionP99Millis(),
            inWindow.candidateErrors(),
            breach);
    log.info(
        "Checked shadow traffic. sessionId={} check={} fromHour={} toHour={} requests={}"
            + " labelled={} candidateAccuracy={} productionAccuracy={} breach={}",
        sessionId,
        request.checkIndex(),
        request.fromHour(),
        request.toHour(),
        check.requests(),
        check.labelled(),
        check.candidateAccuracy(),
        check.productionAccuracy(),
        breach);
    return check;
  }

  @Override
  public AbAnalysis analyze(AnalyzeShadowRequest request) {
    ShadowSettings settings =
        ShadowSettings.from(request.config(), "session " + request.session().sessionId());
    List<ShadowCheck> checks = request.checks() == null ? List.of() : request.checks();
    String firstBreach =
        checks.stream()
            .map(ShadowCheck::guardrailBreach)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    AbAnalysis analysis =
        new ShadowJudge(settings)
            .analyze(
                ShadowEvidence.of(checks),
                firstBreach,
                request.decision(),
                request.decisionReason());
    analysis.evidence().put("checks", checks.size());
    log.info(
        "Decided the shadow A/B test. sessionId={} result={} reason={}",
        request.session().sessionId(),
        analysis.result(),
        analysis.reason());
    return analysis;
  }

  @Override
  public void stopShadow(StopShadowRequest request) {
    String sessionId = sessionId(request.run(), request.nodeId());
    try {
      mirror.stop(sessionId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop mirroring session " + sessionId, e);
    }
  }
}
