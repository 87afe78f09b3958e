package io.dex.deploy;

import java.nio.file.Path;

/**
 * Where {@code dex local} keeps its state and which loopback ports it serves.
 *
 * @param dataDirectory broker data, the registry's database and Streams state; reused across restarts
 * @param kafkaPort     the broker's client port (0: any free port)
 * @param registryPort  the schema registry's HTTP port (0: any free port)
 * @param httpPort      the port of the HTTP API and dashboard of the Streams application
 */
public record LocalSettings(Path dataDirectory, int kafkaPort, int registryPort, int httpPort) {

    /** The broker port of {@code dex local} unless {@code --kafka-port} says otherwise. */
    public static final int DEFAULT_KAFKA_PORT = 9092;

    /** The registry port of {@code dex local} unless {@code --registry-port} says otherwise. */
    public static final int DEFAULT_REGISTRY_PORT = 8081;

    /** The HTTP API port unless {@code --http-port} or {@code DEX_HTTP_PORT} say otherwise. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    /** The data directory unless {@code --data-dir} or {@code DEX_DATA_DIR} say otherwise, relative to the current directory. */
    public static final String DEFAULT_DATA_DIRECTORY = ".dex";

    /** Makes the data directory absolute: children run in other working directories. */
    public LocalSettings {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        requirePort(kafkaPort, "Kafka port");
        requirePort(registryPort, "registry port");
        requirePort(httpPort, "HTTP port");
    }

    /** The broker's directory: its partitions, configuration and log. */
    public Path brokerDirectory() {
        return dataDirectory.resolve("broker");
    }

    /** The registry's directory: its database, and log. */
    public Path registryDirectory() {
        return dataDirectory.resolve("registry");
    }

    /** Where the Streams application keeps its state stores. */
    public Path streamsStateDirectory() {
        return dataDirectory.resolve("streams");
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be between 0 and 65535, got " + port);
        }
    }
}
