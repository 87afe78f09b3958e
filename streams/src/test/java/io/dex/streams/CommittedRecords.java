package io.dex.streams;

import io.dex.registry.SchemaRegistryClient;
import io.dex.topics.ExchangeTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What downstream consumers of a topic see: its committed records, read from the beginning to the current end. */
final class CommittedRecords {

    private CommittedRecords() {
    }

    /** The committed records of {@code topic}, partition after partition. */
    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> of(
            String bootstrapServers, SchemaRegistryClient registry, ExchangeTopic<V> topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde(registry).deserializer())) {
            for (var info : consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                // Under read_committed the end offset is the last stable offset: every record before it is decided.
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    consumer.poll(Duration.ofMillis(200)).records(partition).forEach(records::add);
                }
            }
        }
        return records;
    }

    /** The latest committed value of each key of {@code topic}, as a compacted topic keeps them. */
    static <V extends SpecificRecord> Map<String, V> latest(String bootstrapServers, SchemaRegistryClient registry,
                                                            ExchangeTopic<V> topic) {
        Map<String, V> latest = new LinkedHashMap<>();
        of(bootstrapServers, registry, topic).forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }
}
