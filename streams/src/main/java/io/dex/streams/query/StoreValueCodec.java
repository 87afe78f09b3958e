package io.dex.streams.query;

import io.dex.serde.TrustedContracts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * How the values of one state store travel between instances when one answers a query for data
 * another instance owns. Both ends run the same build, so values go as plain Avro binary of the
 * generated class's own schema.
 *
 * @param <V> the store's value type
 */
public interface StoreValueCodec<V> {

    /** The bytes of {@code value}. */
    byte[] encode(V value);

    /** The value of {@code bytes}. */
    V decode(byte[] bytes);

    /** The codec of a generated Avro class of the contracts package. */
    static <V extends SpecificRecord> StoreValueCodec<V> avro(Class<V> type) {
        TrustedContracts.install();
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        SpecificDatumWriter<V> writer = new SpecificDatumWriter<>(schema, model);
        SpecificDatumReader<V> reader = new SpecificDatumReader<>(schema, schema, model);
        return new StoreValueCodec<>() {
            @Override
            public byte[] encode(V value) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
                try {
                    writer.write(value, encoder);
                    encoder.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return out.toByteArray();
            }

            @Override
            public V decode(byte[] bytes) {
                try {
                    return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read a " + type.getSimpleName() + " from a peer", e);
                }
            }
        };
    }

    /** The codec of counts. */
    static StoreValueCodec<Long> longs() {
        return new StoreValueCodec<>() {
            @Override
            public byte[] encode(Long value) {
                return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
            }

            @Override
            public Long decode(byte[] bytes) {
                return ByteBuffer.wrap(bytes).getLong();
            }
        };
    }
}
