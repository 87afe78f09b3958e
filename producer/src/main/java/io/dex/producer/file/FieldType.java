package io.dex.producer.file;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * How one field of an event is written in an input file, derived from its Avro schema: text, a decimal
 * (written as a string), a whole number, a boolean, an ISO-8601 timestamp or an enum symbol.
 */
enum FieldType {
    TEXT, DECIMAL, WHOLE_NUMBER, BOOLEAN, TIMESTAMP, SYMBOL;

    /** Longer decimal input is refused before parsing (no field needs more than 30 characters). */
    private static final int MAX_DECIMAL_CHARS = 64;
    private static final String TIMESTAMP_EXAMPLE = "2026-11-28T09:00:00Z";

    /** The type of a field with schema {@code schema} (a nullable union counts as its non-null branch). */
    static FieldType of(Schema schema) {
        Schema type = nonNull(schema);
        return switch (type.getType()) {
            case STRING -> TEXT;
            case BOOLEAN -> BOOLEAN;
            case ENUM -> SYMBOL;
            case BYTES -> {
                if (type.getLogicalType() instanceof LogicalTypes.Decimal) {
                    yield DECIMAL;
                }
                throw new IllegalArgumentException("unsupported bytes field " + schema);
            }
            case LONG, INT -> type.getLogicalType() instanceof LogicalTypes.TimestampMillis ? TIMESTAMP : WHOLE_NUMBER;
            default -> throw new IllegalArgumentException("unsupported field type " + schema);
        };
    }

    /** The non-null branch of a {@code ["null", X]} union, or the schema itself. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst()
                .orElseThrow();
    }

    /**
     * The field value written as {@code text} (CSV cells; JSON strings of text, decimal, timestamp and
     * enum fields).
     *
     * @throws FieldValueException when the text is not a value of this type
     */
    Object fromText(String text, InputField field) {
        return switch (this) {
            case TEXT -> text;
            case DECIMAL -> decimal(text);
            case WHOLE_NUMBER -> wholeNumber(text);
            case BOOLEAN -> bool(text);
            case TIMESTAMP -> timestamp(text);
            case SYMBOL -> symbol(text, field);
        };
    }

    private static BigDecimal decimal(String text) {
        if (text.length() > MAX_DECIMAL_CHARS) {
            throw new FieldValueException("is not a decimal number (" + text.length() + " characters)");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FieldValueException("'" + text + "' is not a decimal number");
        }
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new FieldValueException("'" + abbreviated(text) + "' is not a whole number");
        }
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new FieldValueException("'" + abbreviated(text) + "' is not true or false");
        };
    }

    private static Instant timestamp(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldValueException("'" + abbreviated(text)
                    + "' is not an ISO-8601 timestamp with offset (e.g. " + TIMESTAMP_EXAMPLE + ")");
        }
        try {
            instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new FieldValueException("'" + abbreviated(text) + "' is beyond the range of millisecond timestamps");
        }
        if (instant.getNano() % 1_000_000 != 0) {
            // The schema keeps milliseconds; finer input would be silently truncated.
            throw new FieldValueException("'" + text + "' is more precise than milliseconds");
        }
        return instant;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object symbol(String text, InputField field) {
        // Every symbol but UNKNOWN, the placeholder for symbols of newer writers.
        List<String> symbols = nonNull(field.field().schema()).getEnumSymbols().stream()
                .filter(symbol -> !symbol.equals("UNKNOWN")).toList();
        if (!symbols.contains(text)) {
            throw new FieldValueException("'" + abbreviated(text) + "' is not one of " + String.join(", ", symbols));
        }
        return Enum.valueOf((Class<? extends Enum>) field.enumType(), text);
    }

    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
