package io.dex.producer;

import io.dex.rules.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/** An event refused before sending because it breaks field rules; the message names every broken field. */
public final class InvalidEventException extends IllegalArgumentException {

    private final transient List<FieldViolation> violations;

    /** An exception for an event of {@code kind} that breaks {@code violations} (not empty). */
    public InvalidEventException(EventKind<?> kind, List<FieldViolation> violations) {
        super("invalid " + kind.name() + " event: "
                + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** The broken rules, in field order. */
    public List<FieldViolation> violations() {
        return violations;
    }
}
