package io.dex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

@ExchangeIntegrationTest
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@DisplayName("ExchangeIntegrationTest: one shared in-JVM cluster, a clean slate per test class")
class ExchangeClusterExtensionTest {

    private static final String TOPIC = "extension-test";

    private static String firstClassBootstrapServers;

    @Nested
    @Order(1)
    @DisplayName("a first test class")
    class FirstClass {

        @Test
        @DisplayName("gets a working single-node cluster: a consumer group reads what an acks=all producer wrote")
        void producesAndConsumesInAGroup(ExchangeTestCluster cluster) throws Exception {
            firstClassBootstrapServers = cluster.bootstrapServers();
            cluster.admin().createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "P-1", "hello")).get(30, TimeUnit.SECONDS);
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "extension-test-group",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(200));
                }
                assertThat(records).extracting(record -> record.key() + "=" + record.value()).containsExactly("P-1=hello");
                consumer.commitSync();
            }
        }
    }

    @Nested
    @Order(2)
    @DisplayName("the next test class")
    class NextClass {

        @Test
        @DisplayName("gets the same cluster without the topics the first one created")
        void startsFromACleanSlate(ExchangeTestCluster cluster) throws Exception {
            assertThat(cluster.bootstrapServers()).isEqualTo(firstClassBootstrapServers);
            assertThat(cluster.admin().listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
            assertThat(cluster.admin().listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get(30, TimeUnit.SECONDS)).contains("__consumer_offsets");
        }

        @Test
        @DisplayName("never creates a topic because a client named it")
        void createsNoTopicAutomatically(ExchangeTestCluster cluster) throws Exception {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000), new StringSerializer(), new StringSerializer())) {
                assertThat(producer.send(new ProducerRecord<>("no-such-topic", "k", "v")))
                        .failsWithin(Duration.ofSeconds(10));
            }
            assertThat(cluster.admin().listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("no-such-topic");
        }
    }

    @Test
    @DisplayName("the shared cluster is a single node, and the shared schema registry answers at its URL")
    void isASingleNodeWithARegistry(ExchangeTestCluster cluster) throws Exception {
        assertThat(cluster.brokerIds()).hasSize(1);
        assertThat(Set.of(cluster.bootstrapServers().split(","))).hasSize(1);

        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(cluster.schemaRegistryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(cluster.schemaRegistryUrl()).isEqualTo(SharedSchemaRegistry.url()).endsWith("/apis/ccompat/v7");
    }
}
