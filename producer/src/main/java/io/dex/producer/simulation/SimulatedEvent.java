package io.dex.producer.simulation;

import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One event of a simulated market.
 *
 * @param kind       its kind
 * @param event      the event
 * @param flaw       what the exchange should reject it for; {@link TradeFlaw#NONE} for a sound event
 * @param <V>        the event class
 */
public record SimulatedEvent<V extends SpecificRecord>(EventKind<V> kind, V event, TradeFlaw flaw) {

    /**
     * Sends the event. Malformed events bypass the publisher's client-side validation so that they
     * reach the exchange, which must dead-letter them.
     */
    public CompletableFuture<RecordMetadata> publishTo(ExchangePublisher publisher) {
        return flaw.malformed() ? publisher.publishUnvalidated(kind, event) : publisher.publish(kind, event);
    }
}
