package io.osop.temporal.activities.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The metrics the evaluate handler computes, by the names pipeline files use. */
public enum MetricName {
  /** Share of test rows predicted correctly. */
  ACCURACY("accuracy"),
  /** F1 of the positive class. */
  F1("f1"),
  /** p99 of single-request scoring latency, in milliseconds. */
  P99_LATENCY("p99_latency"),
  /** Demographic parity difference over the sensitive attribute; lower is fairer. */
  DEMOGRAPHIC_PARITY("demographic_parity");

  private final String key;

  MetricName(String key) {
    this.key = key;
  }

  /** The name pipeline files and node outputs use. */
  public String key() {
    return key;
  }

  /** The metric of a name, or empty when it names none. */
  public static Optional<MetricName> of(String key) {
    return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst();
  }

  /** Every known name, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(MetricName::key).toList();
  }
}
