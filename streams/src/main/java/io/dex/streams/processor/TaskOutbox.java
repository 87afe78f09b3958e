package io.dex.streams.processor;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.DeadLetter;
import io.dex.streams.aggregate.AggregateGroup;
import io.dex.streams.aggregate.PendingDeltas;
import io.dex.streams.deadletter.DeadLetters;
import io.dex.streams.deadletter.Rejection;
import io.dex.topics.ExchangeTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What one task of a processor sends on: dead letters, records for the exchange's topics, and
 * pending deltas when it flushes. Records carry the wall-clock time, never an event time, which a
 * broker may refuse.
 */
final class TaskOutbox {

    private final ProcessorContext<String, Outbound> context;
    private final ExchangeMetrics metrics;

    TaskOutbox(ProcessorContext<String, Outbound> context, ExchangeMetrics metrics) {
        this.context = context;
        this.metrics = metrics;
    }

    /**
     * Dead-letters the record being processed, read under {@code key} with the given original bytes,
     * and counts it per reason in {@code pending}.
     */
    void reject(Rejection rejection, PendingDeltas pending, String key, byte[] keyBytes, byte[] valueBytes) {
        RecordMetadata source = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException("dead letters are only sent while processing a record"));
        deadLetter(key, DeadLetters.of(rejection, source, keyBytes, valueBytes, context.currentSystemTimeMs()), pending);
    }

    /** Sends {@code letter} under {@code key} to the dead letters, and counts it per reason in {@code pending}. */
    void deadLetter(String key, DeadLetter letter, PendingDeltas pending) {
        publish(ExchangeTopics.DEAD_LETTERS.name(), key, letter);
        pending.addCount(AggregateGroup.of(AggregateKind.DEAD_LETTERS, letter.getReason().name()), 1);
        metrics.deadLetter(letter.getReason());
    }

    /** Sends {@code value} to the exchange topic {@code topic} under {@code key}. */
    void publish(String topic, String key, SpecificRecord value) {
        send(key, new Outbound.Publication(topic, value));
    }

    /** Sends {@code delta} to the roll-up, keyed by its group. */
    void delta(AggregateDelta delta) {
        send(delta.getGroup(), new Outbound.Delta(delta));
    }

    /** Sends every pending delta to the roll-up. */
    void flush(PendingDeltas pending) {
        pending.drain().forEach(this::delta);
    }

    /** Sends {@code outbound} under {@code key}. */
    void send(String key, Outbound outbound) {
        context.forward(new Record<>(key, outbound, context.currentSystemTimeMs()));
    }
}
