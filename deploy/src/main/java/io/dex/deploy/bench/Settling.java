package io.dex.deploy.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A count watched until it has reached a target and then stayed unchanged for a quiet period: the
 * way to tell that work whose exact amount is not known in advance has finished.
 */
final class Settling {

    private final LongSupplier count;
    private final long quietNanos;
    private long last;
    private long changedAt;
    private boolean seen;

    /** Watches {@code count}, final once unchanged for {@code quiet}. */
    Settling(LongSupplier count, Duration quiet) {
        this.count = count;
        this.quietNanos = quiet.toNanos();
    }

    /** Reads the count once more: whether it is at least {@code target} and has not changed for the quiet period. */
    boolean settledAtLeast(long target) {
        long now = System.nanoTime();
        long value = count.getAsLong();
        if (!seen || value != last) {
            seen = true;
            last = value;
            changedAt = now;
            return false;
        }
        return value >= target && now - changedAt >= quietNanos;
    }
}
