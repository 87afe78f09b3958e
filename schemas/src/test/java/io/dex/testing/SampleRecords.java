package io.dex.testing;

import io.dex.serde.TrustedContracts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Fully populated instances of any generated class, built from its schema: every field set, the
 * non-null branch of every optional field, two elements in every array, decimals at their scale,
 * so that a round trip exercises every field of every contract.
 */
public final class SampleRecords {

    private SampleRecords() {
    }

    /** A sample of {@code type}; the same {@code seed} gives an equal record. */
    public static <T extends SpecificRecord> T of(Class<T> type, long seed) {
        TrustedContracts.install();
        SpecificData model = SpecificData.getForClass(type);
        @SuppressWarnings("unchecked")
        T record = (T) value(model, model.getSchema(type), new Random(seed));
        return record;
    }

    private static Object value(SpecificData model, Schema schema, Random random) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return new BigDecimal(BigInteger.valueOf(random.nextInt(1_000_000_000)), decimal.getScale());
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
        }
        return switch (schema.getType()) {
            case RECORD -> {
                Object record = model.newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    model.setField(record, field.name(), field.pos(), value(model, field.schema(), random));
                }
                yield record;
            }
            case UNION -> value(model, schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow(), random);
            case ENUM -> model.createEnum(schema.getEnumSymbols().get(1 + random.nextInt(schema.getEnumSymbols().size() - 1)), schema);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                items.add(value(model, schema.getElementType(), random));
                items.add(value(model, schema.getElementType(), random));
                yield items;
            }
            case STRING -> "s" + random.nextInt(100_000);
            case LONG -> random.nextLong();
            case INT -> random.nextInt();
            case BOOLEAN -> random.nextBoolean();
            case BYTES -> ByteBuffer.wrap(new byte[] {(byte) random.nextInt(), 0, (byte) random.nextInt()});
            default -> throw new IllegalArgumentException("No sample for schema type " + schema.getType() + " in " + schema);
        };
    }
}
