package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.schema.Category;
import io.dex.schema.DeadLetter;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExchangeIntegrationTest
@DisplayName("A first start over rates and trades already on the topics")
class FxRatesFirstStartIntegrationTest {

    private static final int PRODUCTS = 12;
    private static final int TRADES = 900;
    private static final Map<String, BigDecimal> LATEST_RATES = Map.of(
            "USD", new BigDecimal("7.20000000"), "EUR", new BigDecimal("7.81234567"), "CNY", BigDecimal.ONE);

    @Test
    @DisplayName("values every trade at the latest rate, on two instances, and dead-letters the unreadable rate once")
    void everyTradeValued(ExchangeTestCluster cluster, @TempDir Path stateDir) throws Exception {
        new TopicProvisioner(cluster.admin()).create(ExchangeTopics.ALL, new TopicLayout(3, (short) 1));
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl())) {
            BigDecimal expectedVolume = publishBeforeStart(cluster, registry);

            String applicationId = "dex-fx-first-start-" + UUID.randomUUID();
            try (ExchangeStreamsApp first = instance(cluster, registry, applicationId, stateDir.resolve("first"));
                 ExchangeStreamsApp second = instance(cluster, registry, applicationId, stateDir.resolve("second"))) {
                first.start();
                second.start();

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    TradingVolume total = CommittedRecords.latest(cluster.bootstrapServers(), registry, ExchangeTopics.EXCHANGE_VOLUME)
                            .get("exchange");
                    assertThat(total).isNotNull();
                    assertThat(total.getTrades()).as(() -> "dead letters by reason and topic: " + CommittedRecords.of(
                            cluster.bootstrapServers(), registry, ExchangeTopics.DEAD_LETTERS).stream()
                            .collect(Collectors.groupingBy(record -> record.value().getReason() + " " + record.value().getSourceTopic(),
                                    TreeMap::new, Collectors.counting()))).isEqualTo(TRADES);
                });
                TradingVolume total = CommittedRecords.latest(cluster.bootstrapServers(), registry, ExchangeTopics.EXCHANGE_VOLUME)
                        .get("exchange");
                assertThat(total.getVolumeCny()).isEqualByComparingTo(expectedVolume);
                // Both instances hold the intake's dead letter; the market task of partition 0 sends it, once.
                List<DeadLetter> letters = CommittedRecords.of(cluster.bootstrapServers(), registry, ExchangeTopics.DEAD_LETTERS)
                        .stream().map(record -> record.value()).toList();
                assertThat(letters).singleElement().satisfies(letter -> {
                    assertThat(letter.getReason()).isEqualTo(RejectionReason.MALFORMED);
                    assertThat(letter.getSourceTopic()).isEqualTo(ExchangeTopics.FX_RATES.name());
                });
            }
        }
    }

    private static ExchangeStreamsApp instance(ExchangeTestCluster cluster, RestSchemaRegistryClient registry, String applicationId,
                                               Path stateDir) {
        return new ExchangeStreamsApp(StreamsSettings.defaults(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), stateDir)
                .withApplicationId(applicationId), registry, new EndToEndLatency(new SimpleMeterRegistry()));
    }

    /**
     * Publishes products, two USD rates (the second is the latest), an EUR rate, an unreadable rate
     * record and trades in USD, EUR and CNY, all before any instance starts; returns the volume the
     * trades must add up to, computed here.
     */
    private static BigDecimal publishBeforeStart(ExchangeTestCluster cluster, RestSchemaRegistryClient registry) {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        BigDecimal expected = BigDecimal.ZERO;
        try (ExchangePublisher publisher = new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()), registry,
                new SimpleMeterRegistry())) {
            publisher.publishFxRate(Events.rate("USD", "7.1"));
            publisher.publishFxRate(Events.rate("USD", "7.2"));
            publisher.publishFxRate(Events.rate("EUR", "7.81234567"));
            for (int p = 0; p < PRODUCTS; p++) {
                publisher.publishProduct(Events.listed("P" + p, "M" + p, Category.values()[p % 5]).setOccurredAt(start).build());
            }
            List<String> currencies = List.of("USD", "EUR", "CNY");
            // Later than the listings: of records with equal event times, either topic's may come first.
            for (int t = 0; t < TRADES; t++) {
                BigDecimal amount = BigDecimal.valueOf(10_000L + 37L * t, 4);
                String currency = currencies.get(t % 3);
                TradeEvent trade = Events.trade("T" + t, "P" + t % PRODUCTS, "M" + t % PRODUCTS, "B" + t % 7, "0")
                        .setAmount(amount).setCurrency(currency).setOccurredAt(start.plusMillis(1 + t)).build();
                publisher.publishTrade(trade);
                expected = expected.add(amount.multiply(LATEST_RATES.get(currency)).setScale(4, RoundingMode.HALF_EVEN));
            }
            publisher.flush();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(ExchangeTopics.FX_RATES.name(), "JPY".getBytes(StandardCharsets.UTF_8), new byte[] {9, 9}));
        }
        return expected;
    }
}
