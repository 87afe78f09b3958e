package io.dex.streams;

import io.dex.registry.SchemaRegistryClient;
import io.dex.streams.http.OperatorsServer;
import io.dex.streams.metrics.ExchangeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One running instance of the exchange's Streams application together with its HTTP API,
 * dashboard and metrics: what {@code dex streams} and {@code dex local} run. The HTTP server starts
 * first so that its address can be advertised to the other instances as {@code application.server}.
 */
public final class ExchangeInstance implements AutoCloseable {

    private final OperatorsServer server;
    private final ExchangeStreamsApp app;
    private final PrometheusMeterRegistry meters;

    private ExchangeInstance(OperatorsServer server, ExchangeStreamsApp app, PrometheusMeterRegistry meters) {
        this.server = server;
        this.app = app;
        this.meters = meters;
    }

    /**
     * Starts the HTTP server on {@code http}, then the Streams application of {@code settings}
     * advertising that server, and returns without waiting for the application to be RUNNING.
     */
    public static ExchangeInstance start(StreamsSettings settings, SchemaRegistryClient registry, OperatorsServer.Settings http) {
        PrometheusMeterRegistry meters = ExchangeMeterRegistry.create();
        OperatorsServer server = OperatorsServer.start(http, meters);
        try {
            ExchangeStreamsApp app = new ExchangeStreamsApp(settings.withApplicationServer(server.applicationServer()), registry,
                    server.endToEndLatency());
            server.attach(app);
            app.start();
            return new ExchangeInstance(server, app, meters);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The Streams application. */
    public ExchangeStreamsApp app() {
        return app;
    }

    /** The HTTP server. */
    public OperatorsServer server() {
        return server;
    }

    /** The registry served at {@code /metrics}, for other parts of the process to add their meters to. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Stops serving HTTP, then closes the Streams application (committing its work). */
    @Override
    public void close() {
        server.close();
        app.close();
    }
}
