package io.dex.producer.simulation;

import java.util.function.LongSupplier;

/**
 * Paces events at a target rate: tokens accrue continuously at {@code rate} per second up to a small
 * burst, and each event takes one. Unlike sleeping after every event, the bucket catches up after a
 * slow moment (within the burst) and its long-run rate is exact whatever the scheduler's granularity.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    /** A bucket filling at {@code rate} tokens per second, holding at most {@code burst} tokens (at least 1). */
    TokenBucket(double rate, double burst, LongSupplier nanoTime) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + rate);
        }
        this.ratePerNano = rate / NANOS_PER_SECOND;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    /**
     * Takes a token when one is there.
     *
     * @return 0 when a token was taken, else the nanoseconds until the next token
     */
    long tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
    }
}
