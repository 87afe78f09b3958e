package io.dex.producer.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.producer.TopicContents;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.SchemaRegistryClient;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ExchangeIntegrationTest
@DisplayName("MarketSimulator against a real cluster and registry")
class MarketSimulatorTest {

    @BeforeAll
    static void topics(ExchangeTestCluster cluster) {
        new TopicProvisioner(cluster.admin()).create(
                EventKind.ALL.stream().<ExchangeTopic<?>>map(EventKind::topic).toList(),
                new TopicLayout(6, (short) 1));
    }

    private static long[] counts(ExchangeTestCluster cluster) {
        return EventKind.ALL.stream().mapToLong(kind -> TopicContents.count(cluster.bootstrapServers(), kind.topic())).toArray();
    }

    @Test
    @DisplayName("holds 5,000 events/s for 10 s (loosely) and every event is acknowledged and stored")
    void fiveThousandPerSecond(ExchangeTestCluster cluster) {
        long[] before = counts(cluster);
        SimulationReport report;
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangePublisher publisher = new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()),
                     registry, new SimpleMeterRegistry())) {
            report = new MarketSimulator(SimulationSettings.standard(5), publisher).run(5000, Duration.ofSeconds(10), null);
        }
        System.out.printf("simulator: %,d events in %.2f s = %,.0f events/s (target 5,000); %s%n",
                report.total(), report.sending().toNanos() / 1e9, report.achievedRate(), report.sent());
        assertThat(report.failed()).isZero();
        assertThat(report.acknowledged()).isEqualTo(report.total());
        // A loose bound only: the machine is shared and noisy.
        assertThat(report.achievedRate()).isGreaterThan(1_000);
        assertThat(report.achievedRate()).isLessThan(5_000 * 1.05);
        long[] after = counts(cluster);
        List<Long> stored = List.of(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
        assertThat(stored).containsExactly(report.sent().get("fx"), report.sent().get("product"), report.sent().get("trade"));
    }

    @Test
    @DisplayName("runs until stopped when no duration is given")
    void stop(ExchangeTestCluster cluster) throws Exception {
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangePublisher publisher = new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()),
                     registry, new SimpleMeterRegistry())) {
            MarketSimulator simulator = new MarketSimulator(new SimulationSettings(10, 50, 3, 0.5, 0.1), publisher);
            CompletableFuture<SimulationReport> running = CompletableFuture.supplyAsync(() -> simulator.run(200, null, null));
            Thread.sleep(1500);
            simulator.stop();
            SimulationReport report = running.get(30, TimeUnit.SECONDS);
            assertThat(report.total()).isBetween(100L, 600L);
            assertThat(report.acknowledged()).isEqualTo(report.total());
        }
    }
}
