package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.serving.OnlineMetrics.WindowSample;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities.ShadowCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of mirrored traffic over one or more windows, with the rates derived from them; rates are
 * NaN where their denominator is zero.
 *
 * @param requests mirrored requests
 * @param labelled requests whose label arrived
 * @param candidateCorrect labelled requests the candidate got right
 * @param productionCorrect labelled requests production got right
 * @param agreements requests where both predicted the same class
 * @param candidateErrors requests the candidate failed
 * @param candidateP99Millis candidate p99 latency (over several windows: the worst window's)
 * @param productionP99Millis production p99 latency (likewise)
 */
public record ShadowEvidence(
    long requests,
    long labelled,
    long candidateCorrect,
    long productionCorrect,
    long agreements,
    long candidateErrors,
    double candidateP99Millis,
    double productionP99Millis) {

  /** The evidence of one measured window. */
  public static ShadowEvidence of(WindowSample sample) {
    return new ShadowEvidence(
        sample.requests(),
        sample.labelled(),
        sample.candidateCorrect(),
        sample.productionCorrect(),
        sample.agreements(),
        sample.candidateErrors(),
        sample.candidateP99Millis(),
        sample.productionP99Millis());
  }

  /** The evidence of every check together. */
  public static ShadowEvidence of(List<ShadowCheck> checks) {
    long requests = 0;
    long labelled = 0;
    long candidateCorrect = 0;
    long productionCorrect = 0;
    long agreements = 0;
    long candidateErrors = 0;
    double candidateP99 = Double.NaN;
    double productionP99 = Double.NaN;
    for (ShadowCheck check : checks) {
      requests += check.requests();
      labelled += check.labelled();
      candidateErrors += check.candidateErrors();
      if (check.labelled() > 0) {
        candidateCorrect += Math.round(check.candidateAccuracy() * check.labelled());
        productionCorrect += Math.round(check.productionAccuracy() * check.labelled());
      }
      if (check.requests() > 0) {
        agreements += Math.round(check.agreement() * check.requests());
        candidateP99 = worst(candidateP99, check.candidateP99Millis());
        productionP99 = worst(productionP99, check.productionP99Millis());
      }
    }
    return new ShadowEvidence(
        requests,
        labelled,
        candidateCorrect,
        productionCorrect,
        agreements,
        candidateErrors,
        candidateP99,
        productionP99);
  }

  private static double worst(double current, double next) {
    if (Double.isNaN(next)) {
      return current;
    }
    return Double.isNaN(current) ? next : Math.max(current, next);
  }

  /** Candidate accuracy on labelled requests. */
  public double candidateAccuracy() {
    return ratio(candidateCorrect, labelled);
  }

  /** Production accuracy on the same labelled requests. */
  public double productionAccuracy() {
    return ratio(productionCorrect, labelled);
  }

  /** Share of requests where both predicted the same class. */
  public double agreement() {
    return ratio(agreements, requests);
  }

  /** Share of requests the candidate failed. */
  public double errorRate() {
    return ratio(candidateErrors, requests);
  }

  /** The numbers as a map for outputs and reports; NaN rates (no data) are left out. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("requests", requests);
    map.put("labelled", labelled);
    map.put("candidate_errors", candidateErrors);
    putFinite(map, "candidate_accuracy", candidateAccuracy());
    putFinite(map, "production_accuracy", productionAccuracy());
    putFinite(map, "agreement", agreement());
    putFinite(map, "error_rate", errorRate());
    putFinite(map, "candidate_p99_ms", candidateP99Millis);
    putFinite(map, "production_p99_ms", productionP99Millis);
    return map;
  }

  private static void putFinite(Map<String, Object> map, String key, double value) {
    if (Double.isFinite(value)) {
      map.put(key, value);
    }
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
