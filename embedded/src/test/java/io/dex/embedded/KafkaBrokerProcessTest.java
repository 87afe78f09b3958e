package io.dex.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@DisplayName("KafkaBrokerProcess: a real KRaft broker in a child JVM")
class KafkaBrokerProcessTest {

    private static final String TOPIC = "broker-process-test";

    @TempDir
    Path directory;

    @Test
    @DisplayName("formats a new or half-formatted directory once, keeps topics and records across a stop and a kill -9, and refuses a second broker on it")
    void keepsItsDataAcrossRestarts() throws Exception {
        // A format interrupted by a kill leaves a data directory without the marker: it must not block the start.
        Files.createDirectories(directory.resolve(KafkaBrokerProcess.DATA_DIRECTORY));
        Files.writeString(directory.resolve(KafkaBrokerProcess.DATA_DIRECTORY).resolve("leftover"), "half-formatted");

        String clusterId;
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(0, directory)) {
            assertThat(broker.isAlive()).isTrue();
            clusterId = clusterId(broker);
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            produce(broker, "first");
            assertThatThrownBy(() -> KafkaBrokerProcess.start(0, directory))
                    .isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining(Long.toString(broker.pid()));
            broker.stop();
            assertThat(broker.isAlive()).isFalse();
            assertThat(ProcessHandle.of(broker.pid()).filter(ProcessHandle::isAlive)).isEmpty();
            LoopbackPorts.requireFree(broker.port(), "the stopped broker's port");
        }
        assertThat(directory.resolve(KafkaBrokerProcess.DATA_DIRECTORY).resolve("leftover")).doesNotExist();

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(0, directory)) {
            assertThat(clusterId(broker)).isEqualTo(clusterId);
            assertThat(consumeAll(broker)).containsExactly("first");
            produce(broker, "second");
            ProcessHandle.of(broker.pid()).orElseThrow().destroyForcibly();
            assertThat(broker.onExit().get(30, TimeUnit.SECONDS)).isEqualTo(137);
            assertThat(broker.isAlive()).isFalse();
        }

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(0, directory)) {
            assertThat(clusterId(broker)).isEqualTo(clusterId);
            assertThat(consumeAll(broker)).containsExactly("first", "second");
        }
    }

    @Test
    @DisplayName("fails fast, naming the port, when the client port is taken, and starts no process")
    void refusesATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> KafkaBrokerProcess.start(port, directory))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("Kafka broker");
        }
        assertThat(directory.resolve("broker.pid")).doesNotExist();
        assertThat(directory.resolve(KafkaBrokerProcess.LOG_FILE)).doesNotExist();
    }

    private static String clusterId(KafkaBrokerProcess broker) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(KafkaBrokerProcess broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(KafkaBrokerProcess broker, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(KafkaBrokerProcess broker) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30)).get(partition);
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
