package io.dex.serde;

import io.dex.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serde of generic records in the Confluent wire format, for tools that read any topic without its
 * generated class (and for writing schema versions that have none). Values are read with the
 * writer's schema; decimals are BigDecimal and timestamps Instant.
 */
public final class GenericAvroSerde extends Serdes.WrapperSerde<GenericData.Record> {

    /** A value serde with the given registry settings. */
    public GenericAvroSerde(SchemaRegistryClient registry, SerdeSettings settings) {
        super(new AvroSerializer<>(registry, settings), AvroDeserializer.generic(registry));
    }
}
