package io.dex.streams.processor;

import io.dex.schema.ComplianceOutcome;
import io.dex.schema.RejectionReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * The exchange's own Kafka Streams metrics (SPEC "metrics"), in group {@code stream-dex-metrics} with
 * a rate and a total each: {@code trades-accepted}, {@code dead-letters} (tag {@code reason}),
 * {@code duplicate-trades}, {@code unknown-aggregate-changes}, {@code late-trades} (tag {@code window}: category-window or trading-day)
 * and {@code compliance-outcomes} (tag {@code outcome}). They count records as processed, so a task
 * that reprocesses after a failure counts again; the aggregates themselves are exact.
 */
public final class ExchangeMetrics {

    /** Metric scope: metrics are in group {@code stream-dex-metrics}. */
    public static final String SCOPE = "dex";

    /** Late-trade tag value of category windows. */
    public static final String CATEGORY_WINDOW = "category-window";

    /** Late-trade tag value of trading days. */
    public static final String TRADING_DAY = "trading-day";

    private final StreamsMetrics metrics;
    private final Map<RejectionReason, Sensor> deadLetters = new EnumMap<>(RejectionReason.class);
    private final Map<ComplianceOutcome, Sensor> outcomes = new EnumMap<>(ComplianceOutcome.class);
    private final Map<String, Sensor> lateTrades = new HashMap<>();
    private Sensor accepted;
    private Sensor duplicates;
    private Sensor unknownChanges;

    /** Metrics registered with {@code metrics}, created when first recorded. */
    public ExchangeMetrics(StreamsMetrics metrics) {
        this.metrics = metrics;
    }

    /** One more accepted trade. */
    public void tradeAccepted() {
        if (accepted == null) {
            accepted = sensor("trades", "trades-accepted");
        }
        accepted.record();
    }

    /** One more dead letter with {@code reason}. */
    public void deadLetter(RejectionReason reason) {
        deadLetters.computeIfAbsent(reason, r -> sensor(r.name(), "dead-letters", "reason", r.name())).record();
        if (reason == RejectionReason.DUPLICATE_TRANSACTION) {
            if (duplicates == null) {
                duplicates = sensor("trades", "duplicate-trades");
            }
            duplicates.record();
        }
    }

    /** {@code trades} more trades left out of closed windows of kind {@code window}. */
    public void lateTrades(String window, long trades) {
        Sensor sensor = lateTrades.computeIfAbsent(window, w -> sensor(w, "late-trades", "window", w));
        for (long i = 0; i < trades; i++) {
            sensor.record();
        }
    }

    /** One more cross-border trade classified {@code outcome}. */
    public void outcome(ComplianceOutcome outcome) {
        outcomes.computeIfAbsent(outcome, o -> sensor(o.name(), "compliance-outcomes", "outcome", o.name())).record();
    }

    /** One more change of an aggregate this build does not know, written by a newer version; it is skipped. */
    public void unknownChange() {
        if (unknownChanges == null) {
            unknownChanges = sensor("aggregates", "unknown-aggregate-changes");
        }
        unknownChanges.record();
    }

    private Sensor sensor(String entity, String operation, String... tags) {
        // The sensor's name is made of entity and operation: one entity per tag value keeps them apart.
        return metrics.addRateTotalSensor(SCOPE, entity, operation, Sensor.RecordingLevel.INFO, tags);
    }
}
