package io.dex.producer.file;

import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import io.dex.rules.FieldViolation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** One record of an input file: a valid event ready to publish, or the rules its line breaks. */
public sealed interface InputRecord permits InputRecord.Valid, InputRecord.Invalid {

    /** The line the record starts on, counting from 1. */
    long line();

    /**
     * An event that passed every field rule, completed for sending (eventId, decimal scales).
     *
     * @param line  its line
     * @param kind  its kind
     * @param event the event
     * @param <V>   the event class
     */
    record Valid<V extends SpecificRecord>(long line, EventKind<V> kind, V event) implements InputRecord {

        /** Sends the event. */
        public CompletableFuture<RecordMetadata> publishTo(ExchangePublisher publisher) {
            return publisher.publish(kind, event);
        }
    }

    /**
     * A line that cannot be published.
     *
     * @param line       its line
     * @param violations what is wrong, field by field ({@code line} for the line as a whole)
     */
    record Invalid(long line, List<FieldViolation> violations) implements InputRecord {

        /** Copies the violations. */
        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}
