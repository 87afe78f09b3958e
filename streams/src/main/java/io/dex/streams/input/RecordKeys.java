package io.dex.streams.input;

import io.dex.rules.FieldViolation;
import java.util.List;
import java.util.Objects;

/**
 * The record key rule of the input topics: the key is the value's id field (productId for products
 * and trades, currency for rates). A record under another key sits in the wrong partition, where the
 * state it needs is not, so it is malformed.
 */
public final class RecordKeys {

    /** The field name violations of the key are reported under. */
    public static final String KEY = "key";

    private RecordKeys() {
    }

    /** The violation of the key rule, if {@code key} is not the value of {@code field}, {@code expected}. */
    public static List<FieldViolation> violations(String key, String field, String expected) {
        if (key == null) {
            return List.of(new FieldViolation(KEY, "is required; it must be the " + field));
        }
        if (!Objects.equals(key, expected)) {
            return List.of(new FieldViolation(KEY, "must be the " + field + " '" + expected + "', is '" + key + "'"));
        }
        return List.of();
    }
}
