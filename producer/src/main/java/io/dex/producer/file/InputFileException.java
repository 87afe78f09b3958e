package io.dex.producer.file;

import io.dex.rules.FieldViolation;

/** A problem that makes a whole input file unreadable, at a line (e.g. a CSV header naming an unknown field). */
public final class InputFileException extends RuntimeException {

    private final long line;
    private final transient FieldViolation violation;

    InputFileException(long line, FieldViolation violation) {
        super("line " + line + ": " + violation);
        this.line = line;
        this.violation = violation;
    }

    /** The line of the problem. */
    public long line() {
        return line;
    }

    /** The problem. */
    public FieldViolation violation() {
        return violation;
    }
}
