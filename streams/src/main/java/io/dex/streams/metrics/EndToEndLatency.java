package io.dex.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The end-to-end latency histogram of SPEC "metrics": from a trade's append to {@code exchange.trades}
 * to the moment its effect is visible in the aggregates ({@code dex_end_to_end_latency_seconds}, with
 * Prometheus buckets so that p50, p99 and p99.9 can be computed over any set of instances).
 */
public final class EndToEndLatency {

    /** Name of the timer. */
    public static final String TIMER = "dex.end.to.end.latency";

    private final Timer timer;

    /** Registers the histogram in {@code registry}. */
    public EndToEndLatency(MeterRegistry registry) {
        this.timer = Timer.builder(TIMER)
                .description("Trade appended to exchange.trades until its effect is visible in the aggregates")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    /**
     * Records {@code trades} trades, the earliest appended at {@code appendedAtMillis}, whose effect
     * became visible at {@code visibleAtMillis}; clock skew never yields a negative latency.
     */
    public void record(long appendedAtMillis, long visibleAtMillis, long trades) {
        Duration latency = Duration.ofMillis(Math.max(0, visibleAtMillis - appendedAtMillis));
        for (long i = 0; i < trades; i++) {
            timer.record(latency);
        }
    }
}
