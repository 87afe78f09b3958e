package io.dex.streams.aggregate;

import java.time.Duration;

/**
 * Tumbling event-time windows of one size, aligned to the epoch like Kafka's {@code TimeWindows}:
 * the window of {@code t} starts at the largest multiple of the size not after {@code t}.
 */
public final class TumblingWindows {

    private final long sizeMs;

    /** Windows of {@code size}. */
    public TumblingWindows(Duration size) {
        this.sizeMs = size.toMillis();
        if (sizeMs < 1) {
            throw new IllegalArgumentException("window size must be at least 1 ms, got " + size);
        }
    }

    /** The window size in milliseconds. */
    public long sizeMs() {
        return sizeMs;
    }

    /** Start (inclusive) of the window containing {@code epochMillis}. */
    public long start(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, sizeMs);
    }

    /** End (exclusive) of the window starting at {@code start}. */
    public long end(long start) {
        return start + sizeMs;
    }
}
