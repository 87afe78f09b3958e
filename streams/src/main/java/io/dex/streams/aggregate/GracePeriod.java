package io.dex.streams.aggregate;

import java.time.Duration;

/**
 * When an event-time window closes: once stream time (the latest event time seen) reaches its end
 * plus the grace period, as for Kafka's windowed aggregations. A trade of a closed window is late.
 */
public final class GracePeriod {

    private final long graceMs;

    /** A grace period of {@code grace}. */
    public GracePeriod(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    /** Whether the window ending (exclusive) at {@code windowEnd} is closed at {@code streamTime}. */
    public boolean isClosed(long windowEnd, long streamTime) {
        // Written without subtracting from streamTime, which starts at Long.MIN_VALUE.
        return streamTime >= windowEnd && streamTime - windowEnd >= graceMs;
    }

    /** The grace period in milliseconds. */
    public long graceMs() {
        return graceMs;
    }
}
