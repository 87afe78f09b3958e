package io.dex.deploy;

import io.dex.cli.ConnectionOptions;
import io.dex.embedded.KafkaBrokerProcess;
import io.dex.embedded.RegistryProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dex local}: the whole exchange on this machine until Ctrl-C. */
@Command(name = "local",
        description = {
                "Runs the whole exchange on this machine: a real Kafka broker (KRaft) and a real schema registry "
                        + "(Apicurio Registry, Confluent-compatible API), the exchange's topics, the Streams application "
                        + "with its HTTP API and dashboard, all on 127.0.0.1; prints their addresses and runs until Ctrl-C, "
                        + "then stops everything cleanly.",
                "The data directory keeps the broker's data, the registered schemas with their ids and the Streams "
                        + "state, so a restart (also after a kill) resumes where the exchange stopped. "
                        + "The broker and the registry log to files in it."})
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "" + LocalSettings.DEFAULT_KAFKA_PORT,
            description = "Port of the Kafka broker on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "" + LocalSettings.DEFAULT_REGISTRY_PORT,
            description = "Port of the schema registry on 127.0.0.1 (default ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:DEX_HTTP_PORT:-" + LocalSettings.DEFAULT_HTTP_PORT + "}",
            description = "Port of the HTTP API and dashboard on 127.0.0.1 (env DEX_HTTP_PORT; default ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:DEX_DATA_DIR:-" + LocalSettings.DEFAULT_DATA_DIRECTORY + "}",
            description = "Where the exchange keeps its state (env DEX_DATA_DIR; default ${DEFAULT-VALUE} in the current directory).")
    private Path dataDirectory;

    @Option(names = "--simulate", paramLabel = "RATE",
            description = "Also run the market simulator at RATE events per second.")
    private Double simulateRate;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the simulated market (default: random, printed).")
    private Long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        long startedAt = System.nanoTime();
        LocalExchange exchange = new LocalExchange(new LocalSettings(dataDirectory, kafkaPort, registryPort, httpPort), services());
        // Ctrl-C and SIGTERM: stop the services, then the registry and the broker, before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(exchange::close, "dex-local-stop"));
        exchange.start();
        printBanner(exchange, (System.nanoTime() - startedAt) / 1e9);
        int exitCode = exchange.awaitTermination();
        exchange.close();
        exchange.failure().ifPresent(reason -> spec.commandLine().getErr().println(
                spec.commandLine().getColorScheme().errorText("dex local stopped: " + reason)));
        return exitCode;
    }

    /**
     * The services that run inside dex local once the broker, the registry and the topics are
     * ready, in start order: the Streams application with the HTTP API and dashboard, then the
     * market simulator when asked for.
     */
    private List<LocalService> services() {
        StreamsService streams = new StreamsService();
        if (simulateRate == null) {
            return List.of(streams);
        }
        long simulationSeed = seed != null ? seed : new Random().nextLong();
        return List.of(streams, new SimulatorService(simulateRate, simulationSeed, streams::meters));
    }

    private void printBanner(LocalExchange exchange, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        LocalSettings settings = exchange.settings();
        Map<String, String> addresses = new java.util.LinkedHashMap<>(exchange.addresses());
        addresses.put("Logs", settings.brokerDirectory().resolve(KafkaBrokerProcess.LOG_FILE) + ", "
                + settings.registryDirectory().resolve(RegistryProcess.LOG_FILE));
        out.printf(Locale.ROOT, "dex local is ready in %.1f s, data in %s%n", seconds, settings.dataDirectory());
        int width = addresses.keySet().stream().mapToInt(String::length).max().orElse(0);
        addresses.forEach((label, address) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", label, address));
        LocalEndpoints endpoints = exchange.endpoints();
        if (!endpoints.bootstrapServers().equals(ConnectionOptions.LOCAL_BOOTSTRAP_SERVERS)
                || !endpoints.schemaRegistryUrl().equals(ConnectionOptions.LOCAL_SCHEMA_REGISTRY_URL)) {
            out.printf("Other dex commands reach it with: export DEX_BOOTSTRAP_SERVERS=%s DEX_SCHEMA_REGISTRY_URL=%s%n",
                    endpoints.bootstrapServers(), endpoints.schemaRegistryUrl());
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
