package io.dex.producer.file;

import io.dex.producer.EventKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * One field of an event as it appears in input files: its schema field, how it is written, and for
 * enum fields the generated Java enum.
 *
 * @param field    the schema field
 * @param type     how the value is written
 * @param enumType the generated enum of a {@link FieldType#SYMBOL} field, else null
 */
record InputField(Schema.Field field, FieldType type, Class<?> enumType) {

    private static final Map<EventKind<?>, Map<String, InputField>> BY_KIND = fieldsOfEveryKind();

    /** The field of {@code kind} called {@code name}, or null when the kind has none. */
    static InputField of(EventKind<?> kind, String name) {
        return BY_KIND.get(kind).get(name);
    }

    /** The field's name. */
    String name() {
        return field.name();
    }

    private static Map<EventKind<?>, Map<String, InputField>> fieldsOfEveryKind() {
        Map<EventKind<?>, Map<String, InputField>> kinds = new HashMap<>();
        for (EventKind<?> kind : EventKind.ALL) {
            Class<?> valueType = kind.topic().valueType();
            Map<String, InputField> fields = new LinkedHashMap<>();
            for (Schema.Field field : SpecificData.get().getSchema(valueType).getFields()) {
                FieldType type = FieldType.of(field.schema());
                fields.put(field.name(), new InputField(field, type, type == FieldType.SYMBOL ? javaType(valueType, field) : null));
            }
            kinds.put(kind, Collections.unmodifiableMap(fields));
        }
        return Map.copyOf(kinds);
    }

    private static Class<?> javaType(Class<?> valueType, Schema.Field field) {
        try {
            // The generated class declares each field with its Java type, the enum class for enum fields.
            return valueType.getDeclaredField(field.name()).getType();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("generated class " + valueType.getName() + " lacks field " + field.name(), e);
        }
    }
}
