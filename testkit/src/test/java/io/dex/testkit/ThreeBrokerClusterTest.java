package io.dex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
@DisplayName("ExchangeTestCluster.startThreeBrokers: a cluster for failover tests")
class ThreeBrokerClusterTest {

    @Test
    @DisplayName("keeps accepting acks=all writes while one of its three brokers is down, and takes it back")
    void survivesOneBroker() throws Exception {
        try (ExchangeTestCluster cluster = ExchangeTestCluster.startThreeBrokers();
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            assertThat(cluster.brokerIds()).hasSize(3);
            cluster.admin().createTopics(List.of(new NewTopic("failover", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
            int leader = leaderOf(cluster, "failover");

            cluster.stopBroker(leader);
            RecordMetadata written = producer.send(new ProducerRecord<>("failover", "k", "during")).get(60, TimeUnit.SECONDS);
            assertThat(written.offset()).isZero();
            assertThat(leaderOf(cluster, "failover")).isNotEqualTo(leader);

            cluster.startBroker(leader);
            assertThat(producer.send(new ProducerRecord<>("failover", "k", "after")).get(60, TimeUnit.SECONDS).offset()).isEqualTo(1);
        }
    }

    private static int leaderOf(ExchangeTestCluster cluster, String topic) throws Exception {
        TopicDescription description = cluster.admin().describeTopics(List.of(topic)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(topic);
        return description.partitions().get(0).leader().id();
    }
}
