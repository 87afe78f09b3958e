package io.dex.producer.simulation;

import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a simulated market against the exchange: the {@link MarketEventGenerator}'s events, sent
 * through an {@link ExchangePublisher} at a target rate held by a token bucket, for a duration or
 * until {@link #stop()}. Used by {@code dex simulate}, {@code dex local --simulate} and the benchmark.
 */
public final class MarketSimulator {

    /** Called now and then while the simulation runs. */
    @FunctionalInterface
    public interface Listener {
        /** {@code events} sent after {@code elapsed}. */
        void sent(long events, Duration elapsed);
    }

    private static final double CATCH_UP_SECONDS = 0.25;
    private static final long REPORT_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final SimulationSettings settings;
    private final ExchangePublisher publisher;
    private volatile boolean stopped;

    /** A simulator of {@code settings} publishing through {@code publisher} (which stays open afterwards). */
    public MarketSimulator(SimulationSettings settings, ExchangePublisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
    }

    /**
     * Publishes the market's events at {@code rate} events per second for {@code duration} (null: until
     * {@link #stop()}), then waits for every acknowledgement. Stops early when a send fails.
     */
    public SimulationReport run(double rate, Duration duration, Listener listener) {
        publisher.registerSchemas();
        MarketEventGenerator generator = new MarketEventGenerator(settings, Instant.now(), rate);
        // A quarter second of burst lets the loop catch up after GC pauses and scheduling hiccups.
        TokenBucket bucket = new TokenBucket(rate, Math.max(1, rate * CATCH_UP_SECONDS), System::nanoTime);
        Map<String, Long> sent = new LinkedHashMap<>();
        EventKind.ALL.forEach(kind -> sent.put(kind.name(), 0L));
        long flawed = 0;
        long acknowledgedBefore = publisher.acknowledged();
        long failedBefore = publisher.failed();
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long lastReport = start;
        long count = 0;
        while (!stopped && publisher.failed() == failedBefore) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
            long wait = bucket.tryTake();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, end - now));
                continue;
            }
            SimulatedEvent<?> event = generator.next();
            event.publishTo(publisher);
            sent.merge(event.kind().name(), 1L, Long::sum);
            if (event.flaw() != TradeFlaw.NONE) {
                flawed++;
            }
            count++;
            if (listener != null && now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                listener.sent(count, Duration.ofNanos(now - start));
            }
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        publisher.flush();
        return new SimulationReport(sent, flawed, publisher.acknowledged() - acknowledgedBefore,
                publisher.failed() - failedBefore, sending, rate);
    }

    /** Ends a running simulation after the event being sent (thread-safe). */
    public void stop() {
        stopped = true;
    }
}
