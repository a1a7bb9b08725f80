package io.osop.temporal.activities.evaluation;

/**
 * How offline evaluation scores, from worker configuration.
 *
 * @param batchSize rows per ONNX Runtime call when scoring a split
 * @param latencyWarmupRequests single-row requests made before latency is measured
 * @param latencySampleSize single-row requests measured for p99 latency
 * @param minGroupCount rows a group needs before demographic parity counts it
 */
public record EvaluationSettings(
    int batchSize, int latencyWarmupRequests, int latencySampleSize, int minGroupCount) {

  /** Checks every value is usable. */
  public EvaluationSettings {
    if (batchSize < 1 || latencyWarmupRequests < 0 || latencySampleSize < 1 || minGroupCount < 1) {
      throw new IllegalArgumentException(
          "evaluation settings out of range: batchSize="
              + batchSize
              + " latencyWarmupRequests="
              + latencyWarmupRequests
              + " latencySampleSize="
              + latencySampleSize
              + " minGroupCount="
              + minGroupCount);
    }
  }

  /** 1024-row batches, 20 warm-up and 200 measured requests, groups of at least 30 rows. */
  public static EvaluationSettings defaults() {
    return new EvaluationSettings(1024, 300, 1000, 30);
  }
}
