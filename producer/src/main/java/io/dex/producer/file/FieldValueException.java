package io.dex.producer.file;

/** An input value that is not of its field's type; the message is the problem, without the field. */
final class FieldValueException extends RuntimeException {

    FieldValueException(String problem) {
        super(problem, null, false, false);
    }
}
