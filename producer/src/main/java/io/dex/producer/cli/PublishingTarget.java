package io.dex.producer.cli;

import io.dex.cli.ConnectionOptions;
import io.dex.producer.ExchangeReachability;
import io.dex.producer.ExchangeUnreachableException;
import io.dex.producer.PublisherSettings;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.SchemaRegistryClient;
import io.dex.topics.ExchangeTopic;
import java.time.Duration;
import java.util.Collection;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where {@code dex publish} and {@code dex simulate} publish to ({@code @Mixin}): the cluster and
 * registry of {@link ConnectionOptions}, how long a send is retried, the check that both answer before
 * anything is sent, and the settings of the publisher.
 */
final class PublishingTarget {

    /** How long the registry and the cluster each have to answer the check before publishing. */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--delivery-timeout", paramLabel = "DURATION", defaultValue = "2m",
            converter = DurationConverter.class,
            description = "How long an event is retried while the cluster is unavailable (default ${DEFAULT-VALUE}).")
    private Duration deliveryTimeout;

    /**
     * Requires the registry, then the cluster with every one of {@code topics}, to answer.
     *
     * @throws ExchangeUnreachableException naming the address that did not answer, or the missing topics
     */
    void requireReachable(Collection<? extends ExchangeTopic<?>> topics) {
        ExchangeReachability reachability = new ExchangeReachability(CHECK_TIMEOUT);
        reachability.requireRegistry(connection.schemaRegistryUrl());
        reachability.requireCluster(connection.bootstrapServers(), topics);
    }

    /** A client of the registry; the caller closes it. */
    SchemaRegistryClient openRegistry() {
        return new RestSchemaRegistryClient(connection.schemaRegistryUrl());
    }

    /** The settings of a publisher to the cluster, named {@code clientId}. */
    PublisherSettings publisherSettings(String clientId) {
        return PublisherSettings.of(connection.bootstrapServers()).withClientId(clientId).withDeliveryTimeout(deliveryTimeout);
    }
}
