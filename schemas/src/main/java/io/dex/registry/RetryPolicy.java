package io.dex.registry;

import java.time.Duration;

/**
 * How {@link RestSchemaRegistryClient} retries requests that failed for a passing reason (no
 * connection, a timeout, HTTP 5xx or 429): exponential backoff from {@code initialBackoff}, doubled
 * per attempt up to {@code maxBackoff}, at most {@code maxAttempts} attempts and never beyond
 * {@code totalTimeout} after the first one.
 *
 * @param maxAttempts    attempts in total, at least 1
 * @param initialBackoff wait after the first failure
 * @param maxBackoff     longest wait between two attempts
 * @param totalTimeout   time after which no further attempt starts; also bounds each request
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalTimeout) {

    /** Rides out a registry restart of a few seconds: 8 attempts, 100 ms doubling to 2 s, 30 s in total. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));

    /** Validates the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("Need 0 <= initialBackoff <= maxBackoff and totalTimeout > 0, got "
                    + initialBackoff + ", " + maxBackoff + ", " + totalTimeout);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 30));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
