package io.dex.streams.input;

import java.util.Objects;

/**
 * A record value as read from an input topic: its original bytes and, when they could be read, the
 * event they encode. Keeping both lets the topology dead-letter any record, readable or not, with the
 * exact bytes it received (SPEC "dead letters").
 *
 * @param bytes   the value bytes as read, null for a record without value
 * @param event   the event, null when the bytes could not be read
 * @param problem why the bytes could not be read, null when they could
 * @param <T>     the event type
 */
public record Received<T>(byte[] bytes, T event, String problem) {

    /** Validates that exactly one of event and problem is there. */
    public Received {
        if ((event == null) == (problem == null)) {
            throw new IllegalArgumentException("a received value has either an event or a problem");
        }
    }

    /** A readable value. */
    public static <T> Received<T> readable(byte[] bytes, T event) {
        return new Received<>(bytes, Objects.requireNonNull(event, "event"), null);
    }

    /** A value that could not be read, and why. */
    public static <T> Received<T> unreadable(byte[] bytes, String problem) {
        return new Received<>(bytes, null, Objects.requireNonNull(problem, "problem"));
    }

    /** Whether the bytes could be read. */
    public boolean isReadable() {
        return event != null;
    }
}
