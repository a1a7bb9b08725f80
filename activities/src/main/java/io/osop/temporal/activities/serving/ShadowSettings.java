package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.ModelSource;
import io.osop.temporal.activities.evaluation.ScoringFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;

/**
 * The shadow A/B node's thresholds, read from its config with defaults for every key left out.
 *
 * @param maxErrorRate guardrail: the largest share of failed candidate requests ({@code
 *     max_error_rate}, default 0.05)
 * @param maxAccuracyDrop guardrail: how far candidate accuracy may fall below production's on the
 *     same labelled requests ({@code max_accuracy_drop}, default 0.05)
 * @param maxP99LatencyMs guardrail: the largest candidate p99 latency in ms ({@code
 *     max_p99_latency_ms}, default 250)
 * @param minLabelled labelled requests needed before accuracy is judged, and for a winner ({@code
 *     min_labelled}, default 200)
 * @param minRequests mirrored requests needed before error rate and latency are judged ({@code
 *     min_requests}, default 100)
 * @param accuracyTolerance a winner's accuracy may be this far below production's ({@code
 *     accuracy_tolerance}, default 0.01)
 * @param endpoint the endpoint whose traffic is mirrored ({@code endpoint}, default {@code
 *     default})
 * @param productionPointer the registry pointer of the production model ({@code baseline}, default
 *     {@code models/production/latest})
 * @param durationHours the window ({@code duration_hours}, default 24)
 */
public record ShadowSettings(
    double maxErrorRate,
    double maxAccuracyDrop,
    double maxP99LatencyMs,
    long minLabelled,
    long minRequests,
    double accuracyTolerance,
    String endpoint,
    String productionPointer,
    double durationHours) {

  /**
   * Reads a node's config; a value of the wrong type or out of range fails without retry.
   *
   * @param where what messages call the config's owner, e.g. {@code node 'ab_test'}
   */
  public static ShadowSettings from(Map<String, Object> config, String where) {
    Map<String, Object> c = config == null ? Map.of() : config;
    return new ShadowSettings(
        share(c, "max_error_rate", 0.05, where),
        share(c, "max_accuracy_drop", 0.05, where),
        positive(c, "max_p99_latency_ms", 250, where),
        (long) atLeastZero(c, "min_labelled", 200, where),
        (long) atLeastZero(c, "min_requests", 100, where),
        share(c, "accuracy_tolerance", 0.01, where),
        text(c, "endpoint", "default", where),
        text(c, "baseline", ModelSource.PRODUCTION_POINTER, where),
        positive(c, "duration_hours", 24, where));
  }

  private static double share(Map<String, Object> c, String key, double fallback, String where) {
    double value = number(c, key, fallback, where);
    if (!(value >= 0 && value <= 1)) {
      throw invalid(where, key, c.get(key), "a number in [0, 1]");
    }
    return value;
  }

  private static double positive(Map<String, Object> c, String key, double fallback, String id) {
    double value = number(c, key, fallback, id);
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(id, key, c.get(key), "a number above 0");
    }
    return value;
  }

  private static double atLeastZero(Map<String, Object> c, String key, double fallback, String id) {
    double value = number(c, key, fallback, id);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(id, key, c.get(key), "a number of at least 0");
    }
    return value;
  }

  private static double number(Map<String, Object> c, String key, double fallback, String id) {
    Object value = c.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw invalid(id, key, value, "a number");
  }

  private static String text(Map<String, Object> c, String key, String fallback, String where) {
    Object value = c.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String string && !string.isBlank()) {
      return string;
    }
    throw invalid(where, key, value, "a non-empty string");
  }

  private static ApplicationFailure invalid(String where, String key, Object value, String want) {
    return ApplicationFailure.newNonRetryableFailure(
        where + " config." + key + " must be " + want + ", got " + value,
        ScoringFailures.INVALID_CONFIG);
  }
}
