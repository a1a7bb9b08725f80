package io.osop.temporal.activities.serving;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of the local serving backend, traffic replay and online metrics, from worker
 * configuration (never from the pipeline file). The defaults inject no faults; the fault settings
 * exist for demonstrations and end-to-end tests of the rollback paths.
 *
 * @param labelDelayHours hours between a replayed request and the arrival of its label (default 1)
 * @param probeRequests single-row requests a health probe sends (default 50)
 * @param candidateErrorRate share of mirrored requests the candidate fails (default 0)
 * @param candidateExtraLatencyMillis milliseconds added to each measured candidate latency (default
 *     0; added to the measurement, no sleep, so demonstrations stay fast)
 * @param candidateLabelNoise share of candidate predictions flipped, simulating an online
 *     regression that offline evaluation did not see (default 0)
 * @param canaryErrorRate share of health-probe requests a canary revision fails (default 0)
 * @param failPromote whether promoting fails half way: all traffic is moved to the new revision,
 *     then the call fails before completing (default false)
 */
public record LocalServingSettings(
    double labelDelayHours,
    int probeRequests,
    double candidateErrorRate,
    double candidateExtraLatencyMillis,
    double candidateLabelNoise,
    double canaryErrorRate,
    boolean failPromote) {

  private static final Set<String> KEYS =
      Set.of(
          "labelDelayHours",
          "probeRequests",
          "candidateErrorRate",
          "candidateExtraLatencyMillis",
          "candidateLabelNoise",
          "canaryErrorRate",
          "failPromote");

  /** Checks every value is in range. */
  public LocalServingSettings {
    requireAtLeastZero("labelDelayHours", labelDelayHours);
    requireAtLeastZero("candidateExtraLatencyMillis", candidateExtraLatencyMillis);
    requireShare("candidateErrorRate", candidateErrorRate);
    requireShare("candidateLabelNoise", candidateLabelNoise);
    requireShare("canaryErrorRate", canaryErrorRate);
    if (probeRequests < 1) {
      throw new IllegalArgumentException("probeRequests must be at least 1, got " + probeRequests);
    }
  }

  /** No faults, labels one hour after each request, 50 probe requests. */
  public static LocalServingSettings defaults() {
    return new LocalServingSettings(1.0, 50, 0, 0, 0, 0, false);
  }

  /**
   * Settings from configuration entries named like this record's components (for example {@code
   * candidateLabelNoise=0.3}); absent entries keep their defaults, unknown names are refused.
   */
  public static LocalServingSettings fromMap(Map<String, ?> entries) {
    for (String key : entries.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown local serving setting '" + key + "'; known settings: " + KEYS);
      }
    }
    LocalServingSettings d = defaults();
    return new LocalServingSettings(
        value(entries, "labelDelayHours", Double::parseDouble, d.labelDelayHours()),
        value(entries, "probeRequests", Integer::parseInt, d.probeRequests()),
        value(entries, "candidateErrorRate", Double::parseDouble, d.candidateErrorRate()),
        value(
            entries,
            "candidateExtraLatencyMillis",
            Double::parseDouble,
            d.candidateExtraLatencyMillis()),
        value(entries, "candidateLabelNoise", Double::parseDouble, d.candidateLabelNoise()),
        value(entries, "canaryErrorRate", Double::parseDouble, d.canaryErrorRate()),
        value(entries, "failPromote", LocalServingSettings::parseBoolean, d.failPromote()));
  }

  /** Whether any fault is injected, for a warning at startup. */
  public boolean injectsFaults() {
    return candidateErrorRate > 0
        || candidateExtraLatencyMillis > 0
        || candidateLabelNoise > 0
        || canaryErrorRate > 0
        || failPromote;
  }

  private static <T> T value(
      Map<String, ?> entries, String key, Function<String, T> parse, T fallback) {
    Object value = entries.get(key);
    String raw = value == null ? null : value.toString();
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return parse.apply(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "local serving setting '" + key + "' has an invalid value '" + raw + "'", e);
    }
  }

  private static boolean parseBoolean(String raw) {
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new IllegalArgumentException("expected true or false");
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
    }
  }

  private static void requireAtLeastZero(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
    }
  }
}
