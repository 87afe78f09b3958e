package io.dex.serde;

import io.dex.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values in the Confluent wire format: fetches the writer schema by id and resolves it
 * against the reader schema, the generated class's for specific records, or the writer's own
 * for generic ones.
 *
 * @param <T> the record type
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    static {
        TrustedContracts.install();
    }

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final GenericData model;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    private AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema, GenericData model) {
        this.registry = registry;
        this.readerSchema = readerSchema;
        this.model = model;
    }

    /** A deserializer into the generated class {@code type}. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(SchemaRegistryClient registry, Class<T> type) {
        return new AvroDeserializer<>(registry, SpecificData.get().getSchema(type), SpecificData.getForClass(type));
    }

    /**
     * A deserializer into generic records with the writer's schema; decimals are BigDecimal and
     * timestamps Instant, as in the generated classes.
     */
    public static AvroDeserializer<GenericData.Record> generic(SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, null, genericModel());
    }

    /** A deserializer into generic records resolved against {@code readerSchema}. */
    public static AvroDeserializer<GenericData.Record> generic(SchemaRegistryClient registry, Schema readerSchema) {
        return new AvroDeserializer<>(registry, readerSchema, genericModel());
    }

    /**
     * The record in {@code data}, or null for null (a tombstone). Bytes not in the wire format or
     * unreadable with their schema give a {@link SerializationException}; a schema id the registry
     * does not know, or a registry that cannot be reached, a
     * {@link io.dex.registry.SchemaRegistryException} (status 404 or 0), so that callers can tell a
     * bad record from a registry outage.
     */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data);
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize a record of topic " + topic + " written with schema id " + id
                            + ": " + e.getMessage(), e);
        }
    }

    private static GenericData genericModel() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        return model;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> readerFor(int schemaId) {
        Schema writerSchema = registry.schemaById(schemaId);
        Schema reader = readerSchema == null ? writerSchema : readerSchema;
        return model instanceof SpecificData specific
                ? new SpecificDatumReader<>(writerSchema, reader, specific)
                : (DatumReader<T>) new GenericDatumReader<>(writerSchema, reader, model);
    }
}
