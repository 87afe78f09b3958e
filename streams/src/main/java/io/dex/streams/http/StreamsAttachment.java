package io.dex.streams.http;

import io.dex.streams.query.ExchangeQueries;
import io.dex.streams.query.LocalStores;
import io.dex.streams.query.StoreCatalog;
import io.dex.streams.query.StoreUnavailableException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Streams application the HTTP server answers for. The server starts first (its port goes into
 * {@code application.server}), so until the application is attached every query answers 503.
 */
final class StreamsAttachment {

    /** What the server reads once the application is attached. */
    record Attached(KafkaStreams streams, ExchangeQueries queries, LocalStores local, StoreCatalog catalog) {
    }

    private final AtomicReference<Attached> attached = new AtomicReference<>();

    void attach(Attached application) {
        if (!attached.compareAndSet(null, application)) {
            throw new IllegalStateException("a Streams application is already attached");
        }
    }

    Optional<Attached> current() {
        return Optional.ofNullable(attached.get());
    }

    Attached require() {
        return current().orElseThrow(() -> new StoreUnavailableException("the Streams application is starting"));
    }
}
