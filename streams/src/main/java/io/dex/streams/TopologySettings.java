package io.dex.streams;

import io.dex.streams.compliance.ComplianceThresholds;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the aggregation topology is configured with (SPEC "semantics"); {@link #defaults()} gives the
 * SPEC defaults.
 *
 * @param windowSize          size of the tumbling per-category event-time windows
 * @param grace               how late a trade may be and still count in its window or trading day
 * @param windowRetention     how long closed category windows stay queryable, in event time
 * @param tradingDayRetention how long closed trading days stay queryable, in event time
 * @param dedupRetention      how long an accepted (productId, transactionId) is remembered, in event time
 * @param timeZone            the exchange time zone of trading days and compliance years
 * @param thresholds          the compliance thresholds
 * @param flushInterval       how often (wall clock) each task hands its pre-aggregated changes downstream
 * @param publishInterval     how often (wall clock) changed aggregates are published to their {@code exchange.agg.*} topic
 * @param rollupPartitions    partitions of the roll-up's input topics, the roll-up's parallelism; fixed when the
 *                            application first starts (a change needs a new application id)
 */
public record TopologySettings(
        Duration windowSize, Duration grace, Duration windowRetention, Duration tradingDayRetention,
        Duration dedupRetention, ZoneId timeZone, ComplianceThresholds thresholds, Duration flushInterval,
        Duration publishInterval, int rollupPartitions) {

    /** The SPEC default exchange time zone. */
    public static final ZoneId EXCHANGE_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    /** Validates the settings. */
    public TopologySettings {
        requirePositive("windowSize", windowSize);
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        requirePositive("windowRetention", windowRetention);
        requirePositive("tradingDayRetention", tradingDayRetention);
        requirePositive("dedupRetention", dedupRetention);
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(thresholds, "thresholds");
        requirePositive("flushInterval", flushInterval);
        requirePositive("publishInterval", publishInterval);
        if (rollupPartitions < 1) {
            throw new IllegalArgumentException("rollupPartitions must be at least 1, got " + rollupPartitions);
        }
    }

    /**
     * SPEC defaults: 1-minute windows, 5 minutes grace, 7 days of windows, 400 trading days, 7 days of
     * dedup, Asia/Shanghai; changes flushed every 100 ms, aggregate topics updated every second; one
     * roll-up partition (it takes one delta per group and flush, not one record per trade).
     */
    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(400),
                Duration.ofDays(7), EXCHANGE_TIME_ZONE, ComplianceThresholds.SPEC, Duration.ofMillis(100), Duration.ofSeconds(1), 1);
    }

    /** These settings with another grace period. */
    public TopologySettings withGrace(Duration newGrace) {
        return new TopologySettings(windowSize, newGrace, windowRetention, tradingDayRetention, dedupRetention,
                timeZone, thresholds, flushInterval, publishInterval, rollupPartitions);
    }

    /** These settings with another dedup retention. */
    public TopologySettings withDedupRetention(Duration newRetention) {
        return new TopologySettings(windowSize, grace, windowRetention, tradingDayRetention, newRetention,
                timeZone, thresholds, flushInterval, publishInterval, rollupPartitions);
    }

    /** These settings with another window size. */
    public TopologySettings withWindowSize(Duration newSize) {
        return new TopologySettings(newSize, grace, windowRetention, tradingDayRetention, dedupRetention,
                timeZone, thresholds, flushInterval, publishInterval, rollupPartitions);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
