package io.dex.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Why a reader schema cannot read data written with a writer schema, in words that name the
 * field: {@code field 'amount': reader type: LONG not compatible with writer type: BYTES (TYPE_MISMATCH)}.
 * BACKWARD compatibility of a new schema is {@code between(newSchema, previousSchema)}.
 */
public final class SchemaIncompatibilities {

    private SchemaIncompatibilities() {
    }

    /** One line per incompatibility; empty when {@code reader} can read everything {@code writer} wrote. */
    public static List<String> between(Schema reader, Schema writer) {
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities()) {
            problems.add(describe(reader, incompatibility));
        }
        return problems;
    }

    private static String describe(Schema reader, Incompatibility incompatibility) {
        String message = incompatibility.getType() == SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE
                ? "new field has no default value, so data written without it cannot be read"
                : incompatibility.getMessage();
        return where(reader, incompatibility.getLocation()) + ": " + message + " (" + incompatibility.getType() + ")";
    }

    /** Turns Avro's location ({@code /fields/1/type/fields/0/type/items}) into field names ({@code n.x[]}). */
    private static String where(Schema reader, String location) {
        StringBuilder path = new StringBuilder();
        Schema current = reader;
        String[] steps = location.split("/");
        for (int i = 1; i < steps.length && current != null; i++) {
            switch (steps[i]) {
                case "fields" -> {
                    Schema.Field field = current.getFields().get(Integer.parseInt(steps[++i]));
                    path.append(path.length() == 0 ? "" : ".").append(field.name());
                    current = field.schema();
                }
                case "items" -> {
                    path.append("[]");
                    current = current.getElementType();
                }
                case "values" -> {
                    path.append("{}");
                    current = current.getValueType();
                }
                case "type" -> {
                    // The field's schema: already current.
                }
                default -> current = null; // Enum symbols, union branches: the field is named already.
            }
        }
        return path.length() == 0 ? "record " + reader.getFullName() : "field '" + path + "'";
    }
}
