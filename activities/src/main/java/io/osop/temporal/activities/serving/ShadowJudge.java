package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.ScoringFailures;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.AbAnalysis;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Judges shadow evidence: guardrails while the window runs, winner or loser at the end. A guardrail
 * is judged only once there is enough evidence for it; a winner needs enough labelled requests. An
 * explicit approval is a person's decision and wins whatever the numbers, with the evidence
 * recorded beside it.
 */
final class ShadowJudge {

  private final ShadowSettings settings;

  ShadowJudge(ShadowSettings settings) {
    this.settings = settings;
  }

  /** The first guardrail the evidence breaches, in words, or null when none is breached. */
  String breach(ShadowEvidence evidence) {
    if (evidence.requests() >= settings.minRequests() && evidence.requests() > 0) {
      if (evidence.errorRate() > settings.maxErrorRate()) {
        return format(
            "candidate error rate %.4f above max_error_rate %.4f over %d requests",
            evidence.errorRate(), settings.maxErrorRate(), evidence.requests());
      }
      if (evidence.candidateP99Millis() > settings.maxP99LatencyMs()) {
        return format(
            "candidate p99 latency %.1f ms above max_p99_latency_ms %.1f",
            evidence.candidateP99Millis(), settings.maxP99LatencyMs());
      }
    }
    if (evidence.labelled() >= settings.minLabelled() && evidence.labelled() > 0) {
      double drop = evidence.productionAccuracy() - evidence.candidateAccuracy();
      if (drop > settings.maxAccuracyDrop()) {
        return format(
            "candidate accuracy %.4f is %.4f below production's %.4f on %d labelled requests"
                + " (max_accuracy_drop %.4f)",
            evidence.candidateAccuracy(),
            drop,
            evidence.productionAccuracy(),
            evidence.labelled(),
            settings.maxAccuracyDrop());
      }
    }
    return null;
  }

  /**
   * Decides the test.
   *
   * @param evidence every check together
   * @param firstBreach the first breach any check reported, or null
   * @param decision {@code approve}, {@code reject}, {@code guardrail} or null (window ran out)
   * @param decisionReason why, or null
   */
  AbAnalysis analyze(
      ShadowEvidence evidence, String firstBreach, String decision, String decisionReason) {
    Map<String, Object> numbers = new LinkedHashMap<>(evidence.toMap());
    numbers.put("min_labelled", settings.minLabelled());
    numbers.put("enough_evidence", enoughEvidence(evidence));
    numbers.put("decision", decision == null ? "window" : decision);
    if (firstBreach != null) {
      numbers.put("guardrail_breach", firstBreach);
    }
    String because =
        decisionReason == null || decisionReason.isBlank() ? "" : ": " + decisionReason;
    if (decision == null) {
      return windowEnded(evidence, firstBreach, numbers);
    }
    return switch (decision) {
      case "approve" ->
          new AbAnalysis(
              "winner",
              "approved by a person"
                  + because
                  + " (evidence: "
                  + summary(evidence)
                  + (enoughEvidence(evidence) ? "" : "; less than min_labelled")
                  + ")",
              numbers);
      case "reject" ->
          new AbAnalysis(
              "loser", "rejected by a person" + because + " (" + summary(evidence) + ")", numbers);
      case "guardrail" ->
          new AbAnalysis(
              "loser",
              "guardrail breached"
                  + (firstBreach != null ? ": " + firstBreach : because)
                  + " ("
                  + summary(evidence)
                  + ")",
              numbers);
      default ->
          throw ApplicationFailure.newNonRetryableFailure(
              "unknown A/B decision '"
                  + decision
                  + "'; expected approve, reject, guardrail or none",
              ScoringFailures.INVALID_CONFIG);
    };
  }

  private AbAnalysis windowEnded(
      ShadowEvidence evidence, String firstBreach, Map<String, Object> numbers) {
    if (firstBreach != null) {
      return new AbAnalysis("loser", "guardrail breached: " + firstBreach, numbers);
    }
    if (!enoughEvidence(evidence)) {
      return new AbAnalysis(
          "loser",
          format(
              "too little evidence: %d labelled requests, min_labelled is %d (%s)",
              evidence.labelled(), settings.minLabelled(), summary(evidence)),
          numbers);
    }
    String late = breach(evidence);
    if (late != null) {
      return new AbAnalysis("loser", "guardrail breached: " + late, numbers);
    }
    double floor = evidence.productionAccuracy() - settings.accuracyTolerance();
    if (evidence.candidateAccuracy() < floor) {
      return new AbAnalysis(
          "loser",
          format(
              "candidate accuracy %.4f below production's %.4f minus accuracy_tolerance %.4f (%s)",
              evidence.candidateAccuracy(),
              evidence.productionAccuracy(),
              settings.accuracyTolerance(),
              summary(evidence)),
          numbers);
    }
    return new AbAnalysis(
        "winner",
        format(
            "candidate accuracy %.4f within accuracy_tolerance %.4f of production's %.4f or"
                + " better, no guardrail breached (%s)",
            evidence.candidateAccuracy(),
            settings.accuracyTolerance(),
            evidence.productionAccuracy(),
            summary(evidence)),
        numbers);
  }

  private boolean enoughEvidence(ShadowEvidence evidence) {
    return evidence.labelled() >= settings.minLabelled() && evidence.labelled() > 0;
  }

  private static String summary(ShadowEvidence evidence) {
    return format(
        "%d requests, %d labelled, candidate accuracy %.4f, production accuracy %.4f,"
            + " agreement %.4f, %d candidate errors",
        evidence.requests(),
        evidence.labelled(),
        evidence.candidateAccuracy(),
        evidence.productionAccuracy(),
        evidence.agreement(),
        evidence.candidateErrors());
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
