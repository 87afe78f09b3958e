package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.ComplianceRecord;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.RejectionReason;
import io.dex.schema.TopProducts;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.dex.streams.metrics.EndToEndLatency;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExchangeIntegrationTest
@DisplayName("The Streams application on a real cluster and registry, exactly once")
class ExchangeStreamsIntegrationTest {

    private static final int PRODUCTS = 40;
    private static final int TRADES = 3_000;

    @Test
    @DisplayName("every trade is counted or dead-lettered, once, and every aggregate reaches its topic and its store")
    void exactlyOnce(ExchangeTestCluster cluster, @TempDir Path stateDir) throws Exception {
        new TopicProvisioner(cluster.admin()).create(ExchangeTopics.ALL, new TopicLayout(3, (short) 1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangeStreamsApp app = new ExchangeStreamsApp(StreamsSettings.defaults(cluster.bootstrapServers(),
                     cluster.schemaRegistryUrl(), stateDir).withApplicationId("dex-it-" + UUID.randomUUID()), registry,
                     new EndToEndLatency(meters))) {
            long started = System.currentTimeMillis();
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
            Expected expected = publish(cluster, registry, app);

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                TradingVolume total = store(app, ExchangeStores.EXCHANGE_VOLUME, TradingVolume.class).get("exchange");
                assertThat(total).isNotNull();
                assertThat(total.getTrades()).isEqualTo(expected.accepted);
                long deadLetters = 0;
                for (var count : all(store(app, ExchangeStores.DEAD_LETTER_COUNTS, DeadLetterCount.class))) {
                    deadLetters += count.getCount();
                }
                assertThat(deadLetters).isEqualTo(TRADES + 3 - expected.accepted);
            });
            TradingVolume total = store(app, ExchangeStores.EXCHANGE_VOLUME, TradingVolume.class).get("exchange");
            assertThat(total.getVolumeCny()).isEqualByComparingTo(expected.volume);
            // Every accepted trade is timed from its append (the broker's LogAppendTime) to the roll-up;
            // a task that reprocesses after an aborted transaction would time its trades again.
            Timer latency = meters.get(EndToEndLatency.TIMER).timer();
            assertThat(latency.count()).isGreaterThanOrEqualTo(expected.accepted);
            assertThat(latency.max(TimeUnit.MILLISECONDS)).isPositive()
                    .isLessThanOrEqualTo((double) (System.currentTimeMillis() - started));
            assertThat(total.getCrossBorderVolumeCny()).isEqualByComparingTo(expected.crossBorderVolume);

            // What downstream systems read: the dead letters, the classifications and the aggregate topics.
            List<DeadLetter> letters = CommittedRecords.of(cluster.bootstrapServers(), registry, ExchangeTopics.DEAD_LETTERS)
                    .stream().map(record -> record.value()).toList();
            assertThat((long) letters.size()).isEqualTo(TRADES + 3 - expected.accepted);
            Map<RejectionReason, Long> reasons = new HashMap<>();
            letters.forEach(letter -> reasons.merge(letter.getReason(), 1L, Long::sum));
            assertThat(reasons).isEqualTo(expected.reasons);
            List<ComplianceRecord> classified = CommittedRecords.of(cluster.bootstrapServers(), registry, ExchangeTopics.COMPLIANCE)
                    .stream().map(record -> record.value()).toList();
            assertThat((long) classified.size()).isEqualTo(expected.classified);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                TradingVolume published = CommittedRecords.latest(cluster.bootstrapServers(), registry, ExchangeTopics.EXCHANGE_VOLUME)
                        .get("exchange");
                assertThat(published).isNotNull();
                assertThat(published.getTrades()).isEqualTo(expected.accepted);
                assertThat(published.getVolumeCny()).isEqualByComparingTo(expected.volume);
                Map<String, TradingVolume> products = CommittedRecords.latest(cluster.bootstrapServers(), registry,
                        ExchangeTopics.PRODUCT_VOLUME);
                assertThat(products.values().stream().map(TradingVolume::getVolumeCny).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(expected.volume);
                TopProducts top = CommittedRecords.latest(cluster.bootstrapServers(), registry, ExchangeTopics.TOP_PRODUCTS).get("ALL");
                assertThat(top.getProducts()).hasSize(10);
                assertThat(top.getProducts().get(0).getProductId()).isEqualTo(expected.topProduct());
            });
        }
    }

    /** Publishes products, a rate, trades (some of them duplicates, self-trades or blocked) and unreadable bytes. */
    private static Expected publish(ExchangeTestCluster cluster, RestSchemaRegistryClient registry, ExchangeStreamsApp app) {
        Expected expected = new Expected();
        Random random = new Random(7);
        Instant start = Instant.now().minus(Duration.ofHours(1));
        try (ExchangePublisher publisher = new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()), registry,
                new SimpleMeterRegistry())) {
            for (int p = 0; p < PRODUCTS; p++) {
                publisher.publishProduct(Events.listed("P" + p, "M" + p % 7, Category.values()[p % 5])
                        .setClassification(p == 0 ? Classification.CORE : Classification.GENERAL)
                        .setPersonalInfoSubjects(1_000L * p).setOccurredAt(start).build());
            }
            publisher.publishFxRate(Events.rate("USD", "7.12345678"));
            publisher.flush();
            // A rate applies to trades processed after it arrives: let it reach the global store first.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(app.streams().store(StoreQueryParameters.fromNameAndType(ExchangeStores.FX_RATES,
                            QueryableStoreTypes.<String, byte[]>keyValueStore())).get("USD")).isNotNull());
            // Later than the listings: of records with equal event times, either topic's may come first.
            for (int t = 0; t < TRADES; t++) {
                int p = random.nextInt(PRODUCTS);
                // Every 10th trade repeats the transaction of the one before it.
                String transactionId = "T" + (t % 10 == 9 ? t - 1 : t);
                String seller = "M" + p % 7;
                String buyer = random.nextInt(50) == 0 ? seller : "B" + random.nextInt(20);
                String jurisdiction = random.nextInt(3) == 0 ? "US" : "CN";
                String currency = random.nextBoolean() ? "USD" : "CNY";
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(1_000_000), 4);
                TradeEvent trade = Events.trade(transactionId, "P" + p, seller, buyer, "0").setAmount(amount)
                        .setCurrency(currency).setBuyerJurisdiction(jurisdiction).setOccurredAt(start.plusMillis(1 + t)).build();
                publisher.publishTrade(trade);
                expected.judge(trade);
            }
            publisher.flush();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                raw.send(new ProducerRecord<>(ExchangeTopics.TRADES.name(), ("P" + i).getBytes(), new byte[] {9, 9, (byte) i}));
            }
        }
        expected.reasons.merge(RejectionReason.MALFORMED, 3L, Long::sum);
        return expected;
    }

    private static <V> ReadOnlyKeyValueStore<String, V> store(ExchangeStreamsApp app, String name, Class<V> type) {
        return app.streams().store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private static <V> List<V> all(ReadOnlyKeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (var iterator = store.all()) {
            iterator.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    /** The test's own account of what the exchange must make of the trades. */
    private static final class Expected {
        final Set<String> acceptedIds = new HashSet<>();
        final Map<RejectionReason, Long> reasons = new HashMap<>();
        final Map<String, BigDecimal> productVolumes = new HashMap<>();
        long accepted;
        long classified;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal crossBorderVolume = BigDecimal.ZERO;

        void judge(TradeEvent trade) {
            String id = trade.getProductId() + "/" + trade.getTransactionId();
            boolean crossBorder = !trade.getBuyerJurisdiction().equals("CN");
            RejectionReason reason = null;
            if (trade.getBuyerId().equals(trade.getSellerId())) {
                reason = RejectionReason.SELF_TRADE;
            } else if (acceptedIds.contains(id)) {
                reason = RejectionReason.DUPLICATE_TRANSACTION;
            } else if (crossBorder && trade.getProductId().equals("P0")) {
                reason = RejectionReason.CROSS_BORDER_BLOCKED;
            }
            if (crossBorder && (reason == null || reason == RejectionReason.CROSS_BORDER_BLOCKED)) {
                classified++;
            }
            if (reason != null) {
                reasons.merge(reason, 1L, Long::sum);
                return;
            }
            acceptedIds.add(id);
            accepted++;
            BigDecimal rate = trade.getCurrency().equals("USD") ? new BigDecimal("7.12345678") : BigDecimal.ONE;
            BigDecimal volumeCny = trade.getAmount().multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
            volume = volume.add(volumeCny);
            if (crossBorder) {
                crossBorderVolume = crossBorderVolume.add(volumeCny);
            }
            productVolumes.merge(trade.getProductId(), volumeCny, BigDecimal::add);
        }

        String topProduct() {
            // Highest volume, ties to the smallest productId.
            return productVolumes.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .findFirst().orElseThrow().getKey();
        }
    }
}
