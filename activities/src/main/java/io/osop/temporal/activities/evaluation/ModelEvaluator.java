package io.osop.temporal.activities.evaluation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores one predictor on a split and computes the requested metrics. */
public final class ModelEvaluator {

  private final EvaluationSettings settings;

  /** Creates an evaluator with these settings. */
  public ModelEvaluator(EvaluationSettings settings) {
    this.settings = settings;
  }

  /**
   * What one predictor scored.
   *
   * @param model the predictor's name
   * @param metrics the requested metrics by name, in request order
   * @param positiveRateByGroup positive-prediction rate of each group counted for parity
   * @param latencySamples single-row requests measured for latency
   */
  public record Score(
      String model,
      Map<String, Double> metrics,
      Map<String, Double> positiveRateByGroup,
      int latencySamples) {}

  /**
   * Scores of a candidate and its baseline.
   *
   * @param candidate the candidate's score
   * @param baseline the baseline's score
   */
  public record Pair(Score candidate, Score baseline) {}

  /** Scores every row in batches, then measures latency when it is asked for. */
  public Score evaluate(Predictor predictor, LabelledRows rows, List<MetricName> metrics) {
    double[] latencies = new double[0];
    if (metrics.contains(MetricName.P99_LATENCY)) {
      latencies = probe().measureMillis(predictor, rows.features());
    }
    return score(predictor, rows, metrics, latencies);
  }

  /**
   * Scores candidate and baseline on the same rows. Their single-request latencies are measured
   * alternately, request by request, so that warm-up and the machine's load weigh on both alike.
   */
  public Pair evaluatePair(
      Predictor candidate, Predictor baseline, LabelledRows rows, List<MetricName> metrics) {
    double[][] latencies = {new double[0], new double[0]};
    if (metrics.contains(MetricName.P99_LATENCY)) {
      latencies = probe().measureAlternatelyMillis(candidate, baseline, rows.features());
    }
    return new Pair(
        score(candidate, rows, metrics, latencies[0]),
        score(baseline, rows, metrics, latencies[1]));
  }

  private LatencyProbe probe() {
    return new LatencyProbe(settings.latencyWarmupRequests(), settings.latencySampleSize());
  }

  private Score score(
      Predictor predictor, LabelledRows rows, List<MetricName> metrics, double[] latencies) {
    int[] predicted = predictInBatches(predictor, rows.features());
    Map<String, Double> positiveRates =
        ClassificationMetrics.positiveRateByGroup(
            predicted, rows.groups(), settings.minGroupCount());
    Map<String, Double> values = new LinkedHashMap<>();
    for (MetricName metric : metrics) {
      values.put(metric.key(), value(metric, rows, predicted, latencies));
    }
    return new Score(predictor.name(), values, positiveRates, latencies.length);
  }

  private double value(MetricName metric, LabelledRows rows, int[] predicted, double[] latencies) {
    return switch (metric) {
      case ACCURACY -> ClassificationMetrics.accuracy(rows.labels(), predicted);
      case F1 -> ClassificationMetrics.f1(rows.labels(), predicted);
      case P99_LATENCY -> LatencyProbe.percentile(latencies, 99);
      case DEMOGRAPHIC_PARITY ->
          ClassificationMetrics.demographicParityDifference(
              predicted, rows.groups(), settings.minGroupCount());
    };
  }

  private int[] predictInBatches(Predictor predictor, float[][] features) {
    int[] predicted = new int[features.length];
    for (int start = 0; start < features.length; start += settings.batchSize()) {
      int end = Math.min(features.length, start + settings.batchSize());
      int[] batch = predictor.predict(Arrays.copyOfRange(features, start, end));
      System.arraycopy(batch, 0, predicted, start, batch.length);
    }
    return predicted;
  }
}
