package io.osop.temporal.pipeline;

/**
 * A node's retry policy from OSOP {@code retry_policy}; zero or negative fields mean "use the
 * handler's default".
 *
 * @param maximumAttempts total attempts including the first (OSOP max_retries + 1)
 * @param initialIntervalSeconds delay before the first retry (OSOP backoff_sec)
 * @param backoffCoefficient growth of the delay between retries
 */
public record RetrySettings(
    int maximumAttempts, long initialIntervalSeconds, double backoffCoefficient) {}
