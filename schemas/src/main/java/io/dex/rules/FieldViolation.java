package io.dex.rules;

import java.util.Objects;

/**
 * One broken field rule of an event: which field, and what is wrong with it.
 *
 * @param field   the Avro field name, as in the schema and in input files
 * @param problem a short, human-readable statement of the rule that is broken
 */
public record FieldViolation(String field, String problem) {

    /** Validates the components. */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code field: problem}, the form used in dead-letter details and publish errors. */
    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
