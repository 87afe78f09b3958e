package io.dex.streams;

import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.streams.http.OperatorsServer;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The exchange as operators run it, on the test cluster with the real registry: instances of the
 * Streams application, each with its HTTP server, sharing the work; and a member's publisher.
 */
final class RunningExchange implements AutoCloseable {

    private final RestSchemaRegistryClient registry;
    private final ExchangePublisher publisher;
    private final List<ExchangeInstance> instances = new ArrayList<>();

    private RunningExchange(ExchangeTestCluster cluster) {
        this.registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
        this.publisher = new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()), registry, new SimpleMeterRegistry());
    }

    /**
     * Creates the exchange's topics with {@code partitions} partitions and starts {@code count}
     * instances of application {@code applicationId}, each with one standby replica, and waits until
     * they all run.
     */
    static RunningExchange start(ExchangeTestCluster cluster, String applicationId, int partitions, int count)
            throws InterruptedException {
        new TopicProvisioner(cluster.admin()).create(ExchangeTopics.ALL, new TopicLayout(partitions, (short) 1));
        RunningExchange exchange = new RunningExchange(cluster);
        for (int i = 0; i < count; i++) {
            StreamsSettings settings = StreamsSettings.defaults(cluster.bootstrapServers(), cluster.schemaRegistryUrl(),
                    stateDirectory(applicationId + "-" + i)).withApplicationId(applicationId);
            exchange.instances.add(ExchangeInstance.start(settings, exchange.registry, OperatorsServer.Settings.on("127.0.0.1", 0)));
        }
        for (ExchangeInstance instance : exchange.instances) {
            if (!instance.app().awaitRunning(Duration.ofSeconds(90))) {
                throw new IllegalStateException("instance " + instance.server().applicationServer() + " is "
                        + instance.app().state() + " after 90 s");
            }
        }
        return exchange;
    }

    /** The member's publisher. */
    ExchangePublisher publisher() {
        return publisher;
    }

    /** Instance {@code index}, in start order. */
    ExchangeInstance instance(int index) {
        return instances.get(index);
    }

    /** The base URL of the HTTP API of instance {@code index}. */
    URI url(int index) {
        return URI.create("http://127.0.0.1:" + instances.get(index).server().port());
    }

    /** The Kafka Streams of instance {@code index}. */
    KafkaStreams streams(int index) {
        return instances.get(index).app().streams();
    }

    @Override
    public void close() {
        publisher.close();
        instances.forEach(ExchangeInstance::close);
        registry.close();
    }

    private static Path stateDirectory(String name) {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
