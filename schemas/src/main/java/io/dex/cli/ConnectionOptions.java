package io.dex.cli;

import picocli.CommandLine.Option;

/**
 * Where the exchange's cluster and schema registry are, shared by every {@code dex} subcommand
 * ({@code @Mixin ConnectionOptions connection}). Flags win over the {@code DEX_*} environment
 * variables, which win over the addresses of {@code dex local}.
 */
public final class ConnectionOptions {

    /** The broker address of {@code dex local}. */
    public static final String LOCAL_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    /** The registry address of {@code dex local}, Confluent-compatible API included. */
    public static final String LOCAL_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:DEX_BOOTSTRAP_SERVERS:-" + LOCAL_BOOTSTRAP_SERVERS + "}",
            description = "Kafka bootstrap servers (env DEX_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url"}, paramLabel = "URL",
            defaultValue = "${env:DEX_SCHEMA_REGISTRY_URL:-" + LOCAL_SCHEMA_REGISTRY_URL + "}",
            description = "Base URL of the Confluent-compatible schema registry API (env DEX_SCHEMA_REGISTRY_URL; default ${DEFAULT-VALUE}).")
    private String schemaRegistryUrl;

    /** Kafka bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Base URL of the registry's Confluent-compatible API. */
    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }
}
