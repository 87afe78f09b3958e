package io.dex.deploy;

import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.producer.simulation.MarketSimulator;
import io.dex.producer.simulation.SimulationReport;
import io.dex.producer.simulation.SimulationSettings;
import io.dex.registry.RestSchemaRegistryClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market simulator inside {@code dex local --simulate RATE}: publishes a seeded market at RATE
 * events per second until {@code dex local} stops. Its producer metrics go to the meter registry
 * that {@code /metrics} serves.
 */
final class SimulatorService implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorService.class);

    private final double rate;
    private final long seed;
    private final Supplier<MeterRegistry> meters;
    private RestSchemaRegistryClient registry;
    private ExchangePublisher publisher;
    private MarketSimulator simulator;
    private Thread runner;

    /**
     * A simulator of {@code rate} events per second from {@code seed}, its metrics in the registry
     * {@code meters} gives once the services before it have started.
     */
    SimulatorService(double rate, long seed, Supplier<MeterRegistry> meters) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--simulate must be a positive rate, got " + rate);
        }
        this.rate = rate;
        this.seed = seed;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "market simulator";
    }

    @Override
    public void start(LocalEndpoints endpoints, Consumer<Throwable> failures) {
        registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl());
        publisher = new ExchangePublisher(PublisherSettings.of(endpoints.bootstrapServers()).withClientId("dex-local-simulator"),
                registry, meters.get());
        simulator = new MarketSimulator(SimulationSettings.standard(seed), publisher);
        runner = new Thread(() -> {
            try {
                SimulationReport report = simulator.run(rate, null, null);
                LOG.info("Simulator stopped: {} events sent, {} acknowledged, {} events/s achieved",
                        report.total(), report.acknowledged(), String.format(Locale.ROOT, "%.0f", report.achievedRate()));
            } catch (RuntimeException e) {
                failures.accept(e);
            }
        }, "dex-local-simulator");
        runner.setDaemon(true);
        runner.start();
    }

    @Override
    public Map<String, String> addresses() {
        return Map.of("Market simulator", String.format(Locale.ROOT, "%,.0f events/s, seed %d", rate, seed));
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.stop();
        }
        if (runner != null) {
            try {
                runner.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
