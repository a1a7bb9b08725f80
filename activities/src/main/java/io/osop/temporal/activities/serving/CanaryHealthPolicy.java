package io.osop.temporal.activities.serving;

/**
 * When a canary counts as healthy enough to promote, from worker configuration.
 *
 * @param maxErrorRate the largest share of failed probe requests allowed
 * @param maxP99Millis the largest p99 probe latency allowed, in milliseconds
 */
public record CanaryHealthPolicy(double maxErrorRate, double maxP99Millis) {

  /** Checks both limits are usable. */
  public CanaryHealthPolicy {
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1) || !(maxP99Millis > 0)) {
      throw new IllegalArgumentException(
          "maxErrorRate must be in [0, 1] and maxP99Millis above 0: maxErrorRate="
              + maxErrorRate
              + " maxP99Millis="
              + maxP99Millis);
    }
  }

  /** At most 1% failed requests and a p99 of at most 250 ms. */
  public static CanaryHealthPolicy defaults() {
    return new CanaryHealthPolicy(0.01, 250);
  }
}
