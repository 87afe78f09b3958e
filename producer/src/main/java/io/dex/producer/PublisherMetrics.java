package io.dex.producer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The publisher's own meters, tagged by event kind: events acknowledged by the cluster
 * ({@code dex.producer.events.sent}), events whose send failed ({@code dex.producer.events.failed}),
 * events refused by client-side validation ({@code dex.producer.events.rejected}) and the time from
 * send to acknowledgement ({@code dex.producer.send.latency}).
 */
final class PublisherMetrics {

    static final String SENT = "dex.producer.events.sent";
    static final String FAILED = "dex.producer.events.failed";
    static final String REJECTED = "dex.producer.events.rejected";
    static final String LATENCY = "dex.producer.send.latency";

    private final Map<EventKind<?>, KindMeters> meters = new HashMap<>();

    PublisherMetrics(MeterRegistry registry) {
        for (EventKind<?> kind : EventKind.ALL) {
            meters.put(kind, new KindMeters(registry, kind));
        }
    }

    void sent(EventKind<?> kind, long startNanos) {
        KindMeters m = meters.get(kind);
        m.sent.increment();
        m.latency.record(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    void failed(EventKind<?> kind) {
        meters.get(kind).failed.increment();
    }

    void rejected(EventKind<?> kind) {
        meters.get(kind).rejected.increment();
    }

    private static final class KindMeters {
        final Counter sent;
        final Counter failed;
        final Counter rejected;
        final Timer latency;

        KindMeters(MeterRegistry registry, EventKind<?> kind) {
            sent = Counter.builder(SENT).description("Events acknowledged by the cluster")
                    .tag("kind", kind.name()).register(registry);
            failed = Counter.builder(FAILED).description("Events whose send failed after every retry")
                    .tag("kind", kind.name()).register(registry);
            rejected = Counter.builder(REJECTED).description("Events refused by client-side validation")
                    .tag("kind", kind.name()).register(registry);
            latency = Timer.builder(LATENCY).description("Time from send to acknowledgement")
                    .tag("kind", kind.name()).publishPercentileHistogram().register(registry);
        }
    }
}
