package io.osop.temporal.activities.evaluation;

import java.util.Map;
import java.util.TreeMap;

/** Offline metrics of binary predictions against labels, as the evaluate handler defines them. */
public final class ClassificationMetrics {

  private ClassificationMetrics() {}

  /** Share of rows predicted correctly; NaN without rows. */
  public static double accuracy(int[] labels, int[] predicted) {
    requireSameLength(labels, predicted);
    if (labels.length == 0) {
      return Double.NaN;
    }
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }

  /**
   * F1 of the positive class: 2·TP / (2·TP + FP + FN); 0 when there is neither a positive label nor
   * a positive prediction (precision and recall are both undefined, and nothing was found).
   */
  public static double f1(int[] labels, int[] predicted) {
    requireSameLength(labels, predicted);
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (int i = 0; i < labels.length; i++) {
      if (predicted[i] == 1 && labels[i] == 1) {
        truePositives++;
      } else if (predicted[i] == 1) {
        falsePositives++;
      } else if (labels[i] == 1) {
        falseNegatives++;
      }
    }
    long denominator = 2 * truePositives + falsePositives + falseNegatives;
    return denominator == 0 ? 0.0 : 2.0 * truePositives / denominator;
  }

  /**
   * The positive-prediction rate of every group value with at least {@code minCount} rows; the
   * empty value (no sensitive attribute) is never a group.
   */
  public static Map<String, Double> positiveRateByGroup(
      int[] predicted, String[] groups, int minCount) {
    Map<String, long[]> counts = new TreeMap<>();
    for (int i = 0; i < predicted.length; i++) {
      if (!groups[i].isEmpty()) {
        long[] count = counts.computeIfAbsent(groups[i], group -> new long[2]);
        count[0]++;
        count[1] += predicted[i];
      }
    }
    Map<String, Double> rates = new TreeMap<>();
    counts.forEach(
        (group, count) -> {
          if (count[0] >= minCount) {
            rates.put(group, (double) count[1] / count[0]);
          }
        });
    return rates;
  }

  /**
   * Demographic parity difference: the largest minus the smallest positive-prediction rate across
   * the groups of {@link #positiveRateByGroup}; 0 with fewer than two such groups. Lower is fairer.
   */
  public static double demographicParityDifference(int[] predicted, String[] groups, int minCount) {
    Map<String, Double> rates = positiveRateByGroup(predicted, groups, minCount);
    if (rates.size() < 2) {
      return 0.0;
    }
    double max = rates.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double min = rates.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return max - min;
  }

  private static void requireSameLength(int[] labels, int[] predicted) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + predicted.length + " predictions");
    }
  }
}
