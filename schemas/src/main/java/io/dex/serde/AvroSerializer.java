package io.dex.serde;

import io.dex.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in the Confluent wire format, registering or looking up
 * the writer schema under the subject {@code <topic>-value} (or {@code -key}).
 *
 * @param <T> the record type
 */
public final class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    static {
        TrustedContracts.install();
    }

    private final SchemaRegistryClient registry;
    private final SerdeSettings settings;
    private final boolean isKey;
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** A serializer for record values. */
    public AvroSerializer(SchemaRegistryClient registry, SerdeSettings settings) {
        this(registry, settings, false);
    }

    /** A serializer for record keys ({@code isKey}) or values. */
    public AvroSerializer(SchemaRegistryClient registry, SerdeSettings settings, boolean isKey) {
        this.registry = registry;
        this.settings = settings;
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Schema schema = data.getSchema();
        int id = ids.computeIfAbsent(new SubjectSchema(SerdeSettings.subject(topic, isKey), schema), this::schemaId);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            WireFormat.writeHeader(out, id);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(SubjectSchema key) {
        return settings.autoRegister()
                ? registry.register(key.subject(), key.schema())
                : registry.idOf(key.subject(), key.schema());
    }

    private static DatumWriter<Object> writerFor(Schema schema) {
        // SpecificData handles generic records too, and knows the logical-type conversions of both.
        return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
    }

    private record SubjectSchema(String subject, Schema schema) {
    }
}
