package io.dex.deploy;

import io.dex.embedded.LoopbackPorts;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.streams.ExchangeInstance;
import io.dex.streams.StreamsSettings;
import io.dex.streams.http.OperatorsServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The exchange's Streams application with its HTTP API and dashboard, inside {@code dex local}:
 * state in the data directory, the HTTP API on 127.0.0.1.
 */
final class StreamsService implements LocalService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOCAL_INSTANCE = "dex-local";

    private RestSchemaRegistryClient registry;
    private ExchangeInstance instance;
    private String url;

    @Override
    public String name() {
        return "Streams application";
    }

    @Override
    public void start(LocalEndpoints endpoints, Consumer<Throwable> failures) throws Exception {
        registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl());
        // The only instance: no other to keep standby replicas on, and after a crash (even kill -9) the
        // restarted instance takes its tasks back at once rather than after the session timeout.
        StreamsSettings settings = StreamsSettings.defaults(endpoints.bootstrapServers(), endpoints.schemaRegistryUrl(),
                        endpoints.streamsStateDirectory())
                .withStandbyReplicas(0)
                .withInstanceId(LOCAL_INSTANCE);
        instance = ExchangeInstance.start(settings, registry, OperatorsServer.Settings.on(LoopbackPorts.HOST, endpoints.httpPort()));
        instance.app().addStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
                failures.accept(new IllegalStateException("the Streams application failed (state ERROR); see the log"));
            }
        });
        if (!instance.app().awaitRunning(START_TIMEOUT)) {
            throw new IllegalStateException("the Streams application is " + instance.app().state() + " after " + START_TIMEOUT.toSeconds() + " s");
        }
        url = "http://" + LoopbackPorts.HOST + ":" + instance.server().port();
    }

    /** The registry served at {@code /metrics}; null until started. */
    MeterRegistry meters() {
        return instance == null ? null : instance.meters();
    }

    @Override
    public Map<String, String> addresses() {
        return url == null ? Map.of() : Map.of("HTTP API and dashboard", url);
    }

    @Override
    public void close() {
        if (instance != null) {
            instance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
