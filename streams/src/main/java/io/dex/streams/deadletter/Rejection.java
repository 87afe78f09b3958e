package io.dex.streams.deadletter;

import io.dex.rules.FieldViolation;
import io.dex.schema.RejectionReason;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why the pipeline refuses a record: a reason code of SPEC "semantics" and a detail for humans.
 *
 * @param reason the reason code
 * @param detail what exactly is wrong; for MALFORMED it names the field
 */
public record Rejection(RejectionReason reason, String detail) {

    /** Validates the rejection. */
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** MALFORMED, naming every broken field rule. */
    public static Rejection malformed(List<FieldViolation> violations) {
        return new Rejection(RejectionReason.MALFORMED,
                violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    }

    /** MALFORMED for a value that cannot be deserialized, and why. */
    public static Rejection unreadable(String problem) {
        return new Rejection(RejectionReason.MALFORMED, "value: cannot be deserialized: " + problem);
    }
}
