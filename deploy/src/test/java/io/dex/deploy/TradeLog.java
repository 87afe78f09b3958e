package io.dex.deploy;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.schema.TradeEvent;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;

/** Writes trades to a local exchange through the real registry and reads back the raw records. */
final class TradeLog {

    private TradeLog() {
    }

    /** A valid cross-border trade. */
    static TradeEvent trade(String transactionId) {
        return TradeEvent.newBuilder()
                .setTransactionId(transactionId)
                .setProductId("P-ENERGY-1")
                .setSellerId("M-SELLER")
                .setBuyerId("M-BUYER")
                .setBuyerJurisdiction("SG")
                .setAmount(new BigDecimal("1200.5000"))
                .setCurrency("USD")
                .setOccurredAt(Instant.parse("2026-11-28T09:00:00Z"))
                .build();
    }

    /** Publishes {@code trade} (acks=all, idempotent) with its schema registered in the registry. */
    static void publish(LocalEndpoints endpoints, TradeEvent trade) throws Exception {
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl());
             Serde<TradeEvent> values = ExchangeTopics.TRADES.valueSerde(registry);
             KafkaProducer<String, TradeEvent> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                     ExchangeTopics.TRADES.keySerde().serializer(), values.serializer())) {
            producer.send(new ProducerRecord<>(ExchangeTopics.TRADES.name(), trade.getProductId(), trade)).get(60, TimeUnit.SECONDS);
        }
    }

    /** Every record of the trades topic, from the beginning, as the bytes on the broker. */
    static List<byte[]> rawValues(LocalEndpoints endpoints) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ExchangeTopics.TRADES.name(), Duration.ofSeconds(60)).stream()
                    .map(PartitionInfo::partition)
                    .map(partition -> new TopicPartition(ExchangeTopics.TRADES.name(), partition))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Could not read the trades up to " + ends + " within 60 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    /** Decodes a trade with a registry client that has seen no schema yet, as a new reader would. */
    static TradeEvent decode(LocalEndpoints endpoints, byte[] value) {
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl());
             Serde<TradeEvent> values = ExchangeTopics.TRADES.valueSerde(registry)) {
            return values.deserializer().deserialize(ExchangeTopics.TRADES.name(), value);
        }
    }
}
