package io.dex.deploy;

import java.nio.file.Path;

/**
 * The running local exchange, as the services plugged into {@code dex local} see it.
 *
 * @param bootstrapServers      the broker, {@code 127.0.0.1:PORT}
 * @param schemaRegistryUrl     the registry's Confluent-compatible API base URL
 * @param httpPort              the port the HTTP API and dashboard are to serve on 127.0.0.1
 * @param streamsStateDirectory where the Streams application keeps its state stores (inside the data directory)
 */
public record LocalEndpoints(String bootstrapServers, String schemaRegistryUrl, int httpPort, Path streamsStateDirectory) {
}
