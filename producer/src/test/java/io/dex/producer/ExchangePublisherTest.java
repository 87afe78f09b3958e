package io.dex.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.SchemaRegistryClient;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ExchangeIntegrationTest
@DisplayName("ExchangePublisher against a real cluster and registry")
class ExchangePublisherTest {

    private static final Instant LISTED_AT = Instant.parse("2026-11-28T09:00:00.123Z");

    @BeforeAll
    static void topics(ExchangeTestCluster cluster) {
        new TopicProvisioner(cluster.admin()).create(
                List.of(ExchangeTopics.DATA_PRODUCTS, ExchangeTopics.TRADES, ExchangeTopics.FX_RATES),
                new TopicLayout(3, (short) 1));
    }

    private static DataProductEvent listing(String productId) {
        DataProductEvent event = new DataProductEvent();
        event.setEventType(DataProductEventType.LISTED);
        event.setProductId(productId);
        event.setProviderId("member-1");
        event.setName("Customs declarations " + productId);
        event.setCategory(Category.TRADE_CUSTOMS);
        event.setDeliveryMode(DeliveryMode.DATASET);
        event.setClassification(Classification.GENERAL);
        event.setPersonalInfoSubjects(0L);
        event.setSensitivePersonalInfo(false);
        event.setListPrice(new BigDecimal("250"));
        event.setCurrency("CNY");
        event.setOccurredAt(LISTED_AT);
        return event;
    }

    private static ExchangePublisher publisher(ExchangeTestCluster cluster, SchemaRegistryClient registry,
            SimpleMeterRegistry meters) {
        return new ExchangePublisher(PublisherSettings.of(cluster.bootstrapServers()), registry, meters);
    }

    @Test
    @DisplayName("publishes each kind to its topic under its key, with the event time as timestamp (trades: the broker's append time), readable back")
    void publishesEveryKind(ExchangeTestCluster cluster) throws Exception {
        long publishedFrom = System.currentTimeMillis();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        TradeEvent trade = new TradeEvent("tx-1", "prod-a", "member-1", "member-2", "SG",
                new BigDecimal("1200.5"), "USD", Instant.parse("2026-11-28T10:00:00Z"));
        FxRate rate = new FxRate("USD", new BigDecimal("7.1"), Instant.parse("2026-11-28T00:00:00Z"));
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangePublisher publisher = publisher(cluster, registry, meters)) {
            acks.add(publisher.publishFxRate(rate));
            acks.add(publisher.publishProduct(listing("prod-a")));
            acks.add(publisher.publishTrade(trade));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            assertThat(publisher.acknowledged()).isEqualTo(3);
            assertThat(publisher.acknowledged(EventKind.TRADE)).isEqualTo(1);
            assertThat(meters.find("kafka.producer.record.send.total").meters()).as("the Kafka producer's own metrics")
                    .isNotEmpty();
        }
        assertThat(acks).allSatisfy(ack -> assertThat(ack).isCompleted());
        assertThat(acks.get(2).join().topic()).isEqualTo(ExchangeTopics.TRADES.name());

        List<ConsumerRecord<String, DataProductEvent>> products = TopicContents.read(
                cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.DATA_PRODUCTS);
        assertThat(products).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("prod-a");
            assertThat(record.timestamp()).isEqualTo(LISTED_AT.toEpochMilli());
            assertThat(record.value().getEventId()).as("generated eventId").matches("[0-9a-f-]{36}");
            assertThat(record.value().getListPrice()).isEqualTo(new BigDecimal("250.0000"));
        });
        List<ConsumerRecord<String, TradeEvent>> trades = TopicContents.read(
                cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.TRADES);
        assertThat(trades).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("prod-a");
            // exchange.trades is stamped on append, where the end-to-end latency starts.
            assertThat(record.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(record.timestamp()).isBetween(publishedFrom, System.currentTimeMillis());
            assertThat(record.value()).isEqualTo(new TradeEvent("tx-1", "prod-a", "member-1", "member-2", "SG",
                    new BigDecimal("1200.5000"), "USD", Instant.parse("2026-11-28T10:00:00Z")));
        });
        List<ConsumerRecord<String, FxRate>> rates = TopicContents.read(
                cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.FX_RATES);
        assertThat(rates).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("USD");
            assertThat(record.value().getCnyPerUnit()).isEqualTo(new BigDecimal("7.10000000"));
        });

        assertThat(meters.get("dex.producer.events.sent").tag("kind", "trade").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("dex.producer.send.latency").tag("kind", "product").timer().count()).isEqualTo(1);
        assertThat(meters.get("dex.producer.events.failed").tag("kind", "fx").counter().count()).isZero();
    }

    @Test
    @DisplayName("refuses an invalid event before sending, naming every broken field, and counts it")
    void refusesInvalidEvents(ExchangeTestCluster cluster) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TradeEvent trade = new TradeEvent("tx 2", "prod-a", "member-1", "member-2", "CN",
                new BigDecimal("0.00001"), "CNY", Instant.parse("2026-11-28T10:00:00Z"));
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangePublisher publisher = publisher(cluster, registry, meters)) {
            assertThatThrownBy(() -> publisher.publishTrade(trade))
                    .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                            .extracting(violation -> violation.field()).containsExactly("transactionId", "amount"))
                    .hasMessageContaining("amount: must have at most 4 fraction digits");
            assertThat(publisher.acknowledged()).isZero();
        }
        assertThat(meters.get("dex.producer.events.rejected").tag("kind", "trade").counter().count()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("close waits for every outstanding acknowledgement")
    void closeWaitsForAcknowledgements(ExchangeTestCluster cluster) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        long before = TopicContents.count(cluster.bootstrapServers(), ExchangeTopics.DATA_PRODUCTS);
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl());
             ExchangePublisher publisher = publisher(cluster, registry, new SimpleMeterRegistry())) {
            for (int i = 0; i < 5_000; i++) {
                acks.add(publisher.publishProduct(listing("prod-close-" + i)));
            }
        }
        assertThat(acks).allSatisfy(ack -> assertThat(ack).isCompletedWithValueMatching(m -> m.offset() >= 0));
        assertThat(TopicContents.count(cluster.bootstrapServers(), ExchangeTopics.DATA_PRODUCTS) - before).isEqualTo(5_000);
    }

    @Test
    @DisplayName("keeps the delivery guarantees whatever the overrides say")
    void guarantees() {
        PublisherSettings settings = new PublisherSettings("127.0.0.1:1", "c", PublisherSettings.DEFAULT_DELIVERY_TIMEOUT,
                Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                        ProducerConfig.LINGER_MS_CONFIG, "50"));
        assertThat(settings.producerConfig())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50");
    }
}
