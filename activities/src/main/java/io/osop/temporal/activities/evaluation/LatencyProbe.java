package io.osop.temporal.activities.evaluation;

import java.util.Arrays;

/**
 * Measures single-request latency: scores rows one at a time, after a few unmeasured warm-up
 * requests, and reports percentiles of the wall time each call took.
 */
public final class LatencyProbe {

  private final int warmupRequests;
  private final int sampleSize;

  /**
   * @param warmupRequests single-row calls made before measuring (class loading, allocations)
   * @param sampleSize rows measured, at most; the rows are spread evenly over the input
   */
  public LatencyProbe(int warmupRequests, int sampleSize) {
    if (warmupRequests < 0 || sampleSize < 1) {
      throw new IllegalArgumentException(
          "warmupRequests must be >= 0 and sampleSize >= 1: warmupRequests="
              + warmupRequests
              + " sampleSize="
              + sampleSize);
    }
    this.warmupRequests = warmupRequests;
    this.sampleSize = sampleSize;
  }

  /** Milliseconds each measured single-row request took; empty without rows. */
  public double[] measureMillis(Predictor predictor, float[][] rows) {
    if (rows.length == 0) {
      return new double[0];
    }
    for (int i = 0; i < warmupRequests; i++) {
      predictor.probabilities(new float[][] {rows[i % rows.length]});
    }
    int samples = Math.min(sampleSize, rows.length);
    double[] millis = new double[samples];
    for (int i = 0; i < samples; i++) {
      float[][] request = {rows[(int) ((long) i * rows.length / samples)]};
      long start = System.nanoTime();
      predictor.probabilities(request);
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
    }
    return millis;
  }

  /**
   * Milliseconds of single-row requests to {@code first} and {@code second}, measured alternately
   * on the same rows after both are warmed up; index 0 holds the first's, 1 the second's.
   */
  public double[][] measureAlternatelyMillis(Predictor first, Predictor second, float[][] rows) {
    if (rows.length == 0) {
      return new double[][] {new double[0], new double[0]};
    }
    for (int i = 0; i < warmupRequests; i++) {
      float[][] request = {rows[i % rows.length]};
      first.probabilities(request);
      second.probabilities(request);
    }
    int samples = Math.min(sampleSize, rows.length);
    double[][] millis = {new double[samples], new double[samples]};
    for (int i = 0; i < samples; i++) {
      float[][] request = {rows[(int) ((long) i * rows.length / samples)]};
      boolean firstGoesFirst = i % 2 == 0;
      millis[firstGoesFirst ? 0 : 1][i] = timeMillis(firstGoesFirst ? first : second, request);
      millis[firstGoesFirst ? 1 : 0][i] = timeMillis(firstGoesFirst ? second : first, request);
    }
    return millis;
  }

  private static double timeMillis(Predictor predictor, float[][] request) {
    long start = System.nanoTime();
    predictor.probabilities(request);
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  /**
   * The nearest-rank percentile (the smallest value with at least {@code percent}% of the values at
   * or below it); NaN without values.
   */
  public static double percentile(double[] values, double percent) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
