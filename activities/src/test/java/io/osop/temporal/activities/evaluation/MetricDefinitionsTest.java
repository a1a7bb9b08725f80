package io.osop.temporal.activities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.testing.LogisticOnnxModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricDefinitionsTest {

  @Test
  void f1IsOfThePositiveClassAndZeroWhenNothingPositiveExists() {
    int[] labels = {1, 1, 0, 0, 1};
    int[] predicted = {1, 0, 1, 0, 1};

    // TP=2, FP=1, FN=1: 2*2 / (2*2 + 1 + 1).
    assertThat(ClassificationMetrics.f1(labels, predicted)).isCloseTo(4.0 / 6.0, within(1e-12));
    assertThat(ClassificationMetrics.f1(new int[] {0, 0}, new int[] {0, 0})).isZero();
    assertThat(ClassificationMetrics.accuracy(labels, predicted)).isCloseTo(0.6, within(1e-12));
    assertThat(ClassificationMetrics.accuracy(new int[0], new int[0])).isNaN();
  }

  @Test
  void demographicParityIgnoresGroupsBelowTheMinimumCountAndTheEmptyGroup() {
    int[] predicted = {1, 1, 0, 0, 0, 1, 1, 1, 1};
    String[] groups = {"A", "A", "A", "A", "B", "B", "C", "", ""};

    // A: 2 of 4 positive; B: 1 of 2; C has one row, below the minimum of 2; "" is no group.
    assertThat(ClassificationMetrics.positiveRateByGroup(predicted, groups, 2))
        .containsOnlyKeys("A", "B");
    assertThat(ClassificationMetrics.demographicParityDifference(predicted, groups, 2)).isZero();
    assertThat(ClassificationMetrics.demographicParityDifference(predicted, groups, 1))
        .isCloseTo(0.5, within(1e-12));
    assertThat(ClassificationMetrics.demographicParityDifference(predicted, groups, 3)).isZero();
  }

  @Test
  void p99IsTheNearestRankPercentile() {
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i;
    }

    assertThat(LatencyProbe.percentile(hundred, 99)).isEqualTo(99);
    assertThat(LatencyProbe.percentile(new double[] {3, 1, 2}, 99)).isEqualTo(3);
    assertThat(LatencyProbe.percentile(new double[0], 99)).isNaN();
  }

  @Test
  void latencyIsMeasuredOnePositiveSamplePerSingleRowRequest() {
    try (OnnxScorer scorer = OnnxScorer.load(LogisticOnnxModel.of(new float[] {1}, 0), "m")) {
      float[][] rows = new float[500][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = new float[] {i};
      }

      double[] millis = new LatencyProbe(5, 100).measureMillis(scorer, rows);

      assertThat(millis).hasSize(100);
      assertThat(Arrays.stream(millis).min().orElseThrow()).isPositive();
    }
  }
}
