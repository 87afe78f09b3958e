package io.dex.streams.input;

import io.dex.registry.SchemaRegistryClient;
import io.dex.registry.SchemaRegistryException;
import io.dex.serde.AvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads input values in the Confluent wire format without ever failing on bad input: bytes that do
 * not decode become an unreadable {@link Received} for the topology to dead-letter with its source
 * position. A registry that cannot answer (unreachable, or a server error) is not bad input: that
 * failure propagates, so that the record is retried instead of dead-lettered. Writes a received value
 * back as the bytes it was read from.
 *
 * @param <T> the event type
 */
public final class ReceivedSerde<T extends SpecificRecord> implements Serde<Received<T>> {

    private final AvroDeserializer<T> events;

    /** Reads {@code type} events, fetching writer schemas from {@code registry}. */
    public ReceivedSerde(SchemaRegistryClient registry, Class<T> type) {
        this.events = AvroDeserializer.specific(registry, type);
    }

    @Override
    public Serializer<Received<T>> serializer() {
        return (topic, received) -> received == null ? null : received.bytes();
    }

    @Override
    public Deserializer<Received<T>> deserializer() {
        return this::read;
    }

    private Received<T> read(String topic, byte[] bytes) {
        if (bytes == null) {
            return Received.unreadable(null, "the record has no value");
        }
        try {
            T event = events.deserialize(topic, bytes);
            return Received.readable(bytes, event);
        } catch (SchemaRegistryException e) {
            if (e.unavailable()) {
                throw e;
            }
            return Received.unreadable(bytes, "its schema cannot be fetched: " + e.getMessage());
        } catch (SerializationException e) {
            return Received.unreadable(bytes, e.getMessage());
        }
    }
}
