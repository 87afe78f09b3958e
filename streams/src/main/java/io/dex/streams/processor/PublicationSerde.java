package io.dex.streams.processor;

import io.dex.registry.SchemaRegistryClient;
import io.dex.serde.AvroSerializer;
import io.dex.serde.SerdeSettings;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link Outbound.Publication}s: the value in the Confluent wire format under the subject
 * of the topic it goes to, read back with the contract class of that topic.
 */
public final class PublicationSerde implements Serde<Outbound.Publication> {

    private final SchemaRegistryClient registry;
    private final AvroSerializer<SpecificRecord> values;

    /** A serde registering the contracts in {@code registry}. */
    public PublicationSerde(SchemaRegistryClient registry) {
        this.registry = registry;
        this.values = new AvroSerializer<>(registry, SerdeSettings.AUTO_REGISTER);
    }

    @Override
    public Serializer<Outbound.Publication> serializer() {
        return (topic, publication) -> publication == null ? null : values.serialize(topic, publication.value());
    }

    @Override
    public Deserializer<Outbound.Publication> deserializer() {
        return (topic, bytes) -> {
            ExchangeTopic<?> contract = ExchangeTopics.byName(topic)
                    .orElseThrow(() -> new SerializationException("topic " + topic + " is not one of the exchange's"));
            return new Outbound.Publication(topic, contract.valueSerde(registry).deserializer().deserialize(topic, bytes));
        };
    }
}
