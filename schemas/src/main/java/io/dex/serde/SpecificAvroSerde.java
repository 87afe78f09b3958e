package io.dex.serde;

import io.dex.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serde for one generated contract class in the Confluent wire format.
 *
 * @param <T> the generated class
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

    /** A value serde that registers unknown schemas. */
    public SpecificAvroSerde(SchemaRegistryClient registry, Class<T> type) {
        this(registry, type, SerdeSettings.AUTO_REGISTER);
    }

    /** A value serde with the given registry settings. */
    public SpecificAvroSerde(SchemaRegistryClient registry, Class<T> type, SerdeSettings settings) {
        super(new AvroSerializer<>(registry, settings), AvroDeserializer.specific(registry, type));
    }
}
