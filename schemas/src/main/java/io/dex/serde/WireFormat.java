package io.dex.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian int,
 * then the Avro binary encoding of the value.
 */
public final class WireFormat {

    /** The only magic byte this format defines. */
    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Writes the header of a value written with schema {@code schemaId}: the magic byte and the id, big-endian. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
    }

    /** Reads the schema id of a framed value, rejecting anything that is not in the wire format. */
    public static int schemaId(byte[] framed) {
        if (framed == null) {
            throw new SerializationException("Not in the Confluent wire format: no bytes at all (null)");
        }
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException(
                    "Not in the Confluent wire format: " + framed.length + " bytes, need at least " + HEADER_LENGTH);
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(
                    "Not in the Confluent wire format: magic byte " + framed[0] + ", expected " + MAGIC_BYTE);
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
