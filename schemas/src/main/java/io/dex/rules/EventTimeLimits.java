package io.dex.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far ahead an event time may be (SPEC "events": trades may carry event times "up to the broker's
 * future-timestamp limit"). The limit is the broker's default {@code log.message.timestamp.after.max.ms},
 * one hour. A broker enforces it only on topics that keep the producer's timestamp; {@code exchange.trades}
 * is stamped on append, so the exchange checks it itself: producers against their clock, the topology
 * against the time the trade reached the exchange (deterministic when records are processed again).
 * Without it, one trade dated far ahead would move event time on and close every window early.
 */
public final class EventTimeLimits {

    /** How far an event time may be ahead of the reference time. */
    public static final Duration FUTURE_LIMIT = Duration.ofHours(1);

    private EventTimeLimits() {
    }

    /**
     * The violation of {@code field} when {@code eventTime} is more than {@link #FUTURE_LIMIT} after
     * {@code reference}, described as {@code referenceName}; empty otherwise (and for a missing time).
     */
    public static Optional<FieldViolation> aheadOf(String field, Instant eventTime, Instant reference, String referenceName) {
        if (eventTime == null || !eventTime.isAfter(reference.plus(FUTURE_LIMIT))) {
            return Optional.empty();
        }
        return Optional.of(new FieldViolation(field, "is " + eventTime + ", more than " + FUTURE_LIMIT.toHours()
                + " h after " + referenceName + " (" + reference + ")"));
    }
}
