package io.dex.producer;

import io.dex.registry.SchemaRegistryClient;
import io.dex.rules.FieldViolation;
import io.dex.schema.DataProductEvent;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.serde.SerdeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes a member's events to the exchange: product lifecycle events, trades and FX rates, each to
 * its topic under the key the SPEC gives (productId, productId, currency), with the event time as the
 * record timestamp (on {@code exchange.trades} the broker replaces it with its append time), in the
 * Confluent wire format through the schema registry.
 *
 * <p>Events are validated on the client with the exchange's field rules ({@link InvalidEventException}
 * names every broken field); a missing eventId is generated; decimals are brought to the schema's scale
 * exactly. Sends are asynchronous: each returns a future completed when the cluster acknowledges the
 * record (idempotent producer, {@code acks=all}) or when it finally fails. {@link #flush()} and
 * {@link #close()} wait for every outstanding acknowledgement. Thread-safe.
 */
public final class ExchangePublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final SchemaRegistryClient registry;
    private final Map<EventKind<?>, Serializer<?>> serializers = new HashMap<>();
    private final PublisherMetrics metrics;
    private final KafkaClientMetrics clientMetrics;
    private final Map<EventKind<?>, AtomicLong> acknowledged = new HashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /**
     * A publisher to the cluster of {@code settings}, using {@code registry} for the value schemas and
     * recording its meters (and the Kafka producer's) on {@code meters}.
     */
    public ExchangePublisher(PublisherSettings settings, SchemaRegistryClient registry, MeterRegistry meters) {
        for (EventKind<?> kind : EventKind.ALL) {
            serializers.put(kind, kind.topic().valueSerde(registry).serializer());
            acknowledged.put(kind, new AtomicLong());
        }
        this.registry = registry;
        this.producer = new KafkaProducer<>(settings.producerConfig());
        this.metrics = new PublisherMetrics(meters);
        this.clientMetrics = new KafkaClientMetrics(producer);
        clientMetrics.bindTo(meters);
    }

    /**
     * Registers the value schema of every kind now (sends otherwise register it with their first event),
     * so that a paced or timed run is not held up by the registry.
     */
    public void registerSchemas() {
        for (EventKind<?> kind : EventKind.ALL) {
            registry.register(SerdeSettings.subject(kind.topic().name(), false),
                    kind.newEvent().getSchema());
        }
    }

    /** Publishes a product event (key productId). */
    public CompletableFuture<RecordMetadata> publishProduct(DataProductEvent event) {
        return publish(EventKind.PRODUCT, event);
    }

    /** Publishes a trade (key productId). */
    public CompletableFuture<RecordMetadata> publishTrade(TradeEvent trade) {
        return publish(EventKind.TRADE, trade);
    }

    /** Publishes an FX rate (key currency). */
    public CompletableFuture<RecordMetadata> publishFxRate(FxRate rate) {
        return publish(EventKind.FX, rate);
    }

    /**
     * Validates and sends an event of {@code kind}; {@code event} is completed in place (eventId,
     * decimal scales).
     *
     * @return a future completed with the record's position once the cluster has acknowledged it, or
     *         exceptionally when the send failed after every retry (or its serialization failed)
     * @throws InvalidEventException when the event breaks a field rule; nothing is sent
     */
    public <V extends SpecificRecord> CompletableFuture<RecordMetadata> publish(EventKind<V> kind, V event) {
        List<FieldViolation> violations = kind.prepare(event);
        if (!violations.isEmpty()) {
            metrics.rejected(kind);
            throw new InvalidEventException(kind, violations);
        }
        return send(kind, event);
    }

    /**
     * Sends {@code event} as it is, without client-side validation: for simulators and tests that
     * exercise the exchange's dead-letter path with malformed events. Its decimals must already have
     * the schema's scale and its event time must not be before 1970, or serialization fails.
     */
    public <V extends SpecificRecord> CompletableFuture<RecordMetadata> publishUnvalidated(EventKind<V> kind, V event) {
        return send(kind, event);
    }

    private <V extends SpecificRecord> CompletableFuture<RecordMetadata> send(EventKind<V> kind, V event) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        long start = System.nanoTime();
        try {
            String topic = kind.topic().name();
            byte[] value = serializer(kind).serialize(topic, event);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    topic, null, kind.eventTime(event).toEpochMilli(), kind.key(event), value);
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.get(kind).incrementAndGet();
                    metrics.sent(kind, start);
                    result.complete(metadata);
                } else {
                    fail(kind, error, result);
                }
            });
        } catch (KafkaException | IllegalArgumentException e) {
            // Serialization (registry), metadata and record failures surface here rather than in the callback.
            fail(kind, e, result);
        }
        return result;
    }

    private void fail(EventKind<?> kind, Exception error, CompletableFuture<RecordMetadata> result) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error);
        metrics.failed(kind);
        result.completeExceptionally(error);
    }

    @SuppressWarnings("unchecked")
    private <V extends SpecificRecord> Serializer<V> serializer(EventKind<V> kind) {
        return (Serializer<V>) serializers.get(kind);
    }

    /** Sends everything buffered and waits until every record sent so far is acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    /** Records acknowledged by the cluster so far. */
    public long acknowledged() {
        return acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Records of {@code kind} acknowledged by the cluster so far. */
    public long acknowledged(EventKind<?> kind) {
        return acknowledged.get(kind).get();
    }

    /** Records whose send failed so far. */
    public long failed() {
        return failed.get();
    }

    /** The first send failure, if any. */
    public Optional<Exception> firstFailure() {
        return Optional.ofNullable(firstFailure.get());
    }

    /** Waits for every outstanding acknowledgement, then closes the producer. */
    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /** Waits at most {@code timeout} for outstanding acknowledgements, then closes the producer. */
    public void close(Duration timeout) {
        try {
            producer.close(timeout);
        } finally {
            clientMetrics.close();
        }
    }
}
