package io.dex.streams.processor;

import io.dex.rules.FieldViolation;
import io.dex.rules.FxRateRules;
import io.dex.schema.FxRate;
import io.dex.streams.ExchangeStores;
import io.dex.streams.TopologySettings;
import io.dex.streams.aggregate.PendingDeltas;
import io.dex.streams.deadletter.Rejection;
import io.dex.streams.input.Received;
import io.dex.streams.input.RecordKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads {@code exchange.fx-rates}: dead-letters unreadable and invalid rates, and sends every valid
 * rate, as received, on to each partition of the product-keyed side, where trades use it from then on.
 */
public final class FxRateIntake implements Processor<byte[], Received<FxRate>, String, Outbound> {

    private final TopologySettings settings;
    private TaskOutbox outbox;
    private PendingDeltas pending;

    /** An intake with the given settings. */
    public FxRateIntake(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        pending = new PendingDeltas(context.getStateStore(ExchangeStores.FX_PENDING));
        outbox = new TaskOutbox(context, new ExchangeMetrics(context.metrics()));
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, now -> outbox.flush(pending));
    }

    @Override
    public void process(Record<byte[], Received<FxRate>> record) {
        Received<FxRate> received = record.value();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!received.isReadable()) {
            outbox.reject(Rejection.unreadable(received.problem()), pending, key, record.key(), received.bytes());
            return;
        }
        FxRate rate = received.event();
        List<FieldViolation> violations = new ArrayList<>(RecordKeys.violations(key, "currency", rate.getCurrency()));
        violations.addAll(FxRateRules.violations(rate));
        if (!violations.isEmpty()) {
            outbox.reject(Rejection.malformed(violations), pending, key, record.key(), received.bytes());
            return;
        }
        outbox.sendFirst(rate.getCurrency(), new Outbound.Broadcast(received));
    }
}
