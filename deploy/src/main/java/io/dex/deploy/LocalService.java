package io.dex.deploy;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A part of {@code dex local} that runs inside its JVM once the broker and the registry are ready
 * and the topics exist: the Streams application with its HTTP API, the market simulator.
 * {@link LocalExchange} starts services in the given order and closes them in reverse order before
 * it stops the registry and the broker.
 */
public interface LocalService extends AutoCloseable {

    /** What the service is, for messages ("Streams application"). */
    String name();

    /**
     * Starts the service and returns once it serves.
     *
     * @param endpoints the broker, registry and ports to use
     * @param failures  to call when the service fails later (e.g. a Streams application in state
     *                  ERROR): {@code dex local} then reports it, stops and exits non-zero
     * @throws Exception when the service cannot start; {@code dex local} then stops
     */
    void start(LocalEndpoints endpoints, Consumer<Throwable> failures) throws Exception;

    /** What the service serves, label to address (e.g. "HTTP API and dashboard" to its URL), for the banner. */
    Map<String, String> addresses();

    /** Stops the service; called once, also when {@link #start} failed. */
    @Override
    void close();
}
