package io.dex.producer.file;

import io.dex.producer.EventKind;
import io.dex.rules.FieldViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds one event of a kind from the values of an input line, field by field, and judges it: values
 * of the wrong type are reported against their field, then the event's field rules are checked (a
 * field already reported is not reported again).
 *
 * @param <V> the event class
 */
final class EventAssembler<V extends SpecificRecord> {

    private final EventKind<V> kind;
    private final V event;
    private final List<FieldViolation> violations = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    EventAssembler(EventKind<V> kind) {
        this.kind = kind;
        this.event = kind.newEvent();
    }

    private int position(String name) {
        InputField field = InputField.of(kind, name);
        return field == null ? -1 : field.field().pos();
    }

    /** Reports a problem with {@code field}. */
    void reject(String field, String problem) {
        if (reported.add(field)) {
            violations.add(new FieldViolation(field, problem));
        }
    }

    /** Sets {@code field} from its text form; reports it when the text is not of the field's type. */
    void setText(InputField field, String text) {
        try {
            set(field, field.type().fromText(text, field));
        } catch (FieldValueException e) {
            reject(field.name(), e.getMessage());
        }
    }

    /** Sets {@code field} to a value of its type. */
    void set(InputField field, Object value) {
        event.put(field.field().pos(), value);
    }

    /** The assembled event, valid and completed for sending, or every problem found. */
    InputRecord result(long line) {
        if (violations.isEmpty()) {
            List<FieldViolation> broken = kind.prepare(event);
            if (broken.isEmpty()) {
                return new InputRecord.Valid<>(line, kind, event);
            }
            return new InputRecord.Invalid(line, broken);
        }
        for (FieldViolation violation : kind.prepare(event)) {
            reject(violation.field(), violation.problem());
        }
        // Schema order, as the rules report them; problems that are not a field's come first.
        violations.sort(Comparator.comparingInt(violation -> position(violation.field())));
        return new InputRecord.Invalid(line, violations);
    }
}
