package io.dex.streams.input;

import java.util.Objects;

/**
 * A record value as read from an input topic: its original bytes and, when they could be read, the
 * event they encode. Keeping both lets the topology dead-letter any record, readable or not, with the
 * exact bytes it received (SPEC "dead letters").
 *
 * <p>It also carries the record's own timestamp (on {@code exchange.trades} the broker's append
 * time), which the event time from the payload replaces as the record timestamp in the topology: the
 * end-to-end latency starts there. The {@link OccurredAtExtractor} stamps it when the record arrives.
 *
 * @param <T> the event type
 */
public final class Received<T> {

    /** Record timestamp of a value not stamped yet. */
    public static final long UNSTAMPED = -1L;

    private final byte[] bytes;
    private final T event;
    private final String problem;
    private long recordTimestamp = UNSTAMPED;

    private Received(byte[] bytes, T event, String problem) {
        this.bytes = bytes;
        this.event = event;
        this.problem = problem;
    }

    /** A readable value. */
    public static <T> Received<T> readable(byte[] bytes, T event) {
        return new Received<>(bytes, Objects.requireNonNull(event, "event"), null);
    }

    /** A value that could not be read, and why. */
    public static <T> Received<T> unreadable(byte[] bytes, String problem) {
        return new Received<>(bytes, null, Objects.requireNonNull(problem, "problem"));
    }

    /** The value bytes as read, null for a record without value. */
    public byte[] bytes() {
        return bytes;
    }

    /** The event, null when the bytes could not be read. */
    public T event() {
        return event;
    }

    /** Why the bytes could not be read, null when they could. */
    public String problem() {
        return problem;
    }

    /** Whether the bytes could be read. */
    public boolean isReadable() {
        return event != null;
    }

    /** The timestamp the record has in its topic, or {@link #UNSTAMPED}. */
    public long recordTimestamp() {
        return recordTimestamp;
    }

    /** Notes the timestamp the record has in its topic. */
    void stamp(long timestamp) {
        this.recordTimestamp = timestamp;
    }
}
