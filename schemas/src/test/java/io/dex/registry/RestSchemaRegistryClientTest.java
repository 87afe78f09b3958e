package io.dex.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.embedded.LoopbackPorts;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.serde.AvroDeserializer;
import io.dex.testing.RegistryProxy;
import io.dex.testing.SampleRecords;
import io.dex.testkit.SharedSchemaRegistry;
import io.dex.topics.ExchangeTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

@DisplayName("RestSchemaRegistryClient against a real Apicurio Registry")
class RestSchemaRegistryClientTest {

    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(10));

    private final RegistryProxy proxy = new RegistryProxy(SharedSchemaRegistry.url());
    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(proxy.url(), QUICK);
    private final String subject = "test-" + UUID.randomUUID() + "-value";

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    @DisplayName("a registered schema is found again by subject and by id from another client")
    void registersAndFetches() {
        Schema schema = TradeEvent.getClassSchema();

        int id = client.register(subject, schema);

        RestSchemaRegistryClient fresh = new RestSchemaRegistryClient(SharedSchemaRegistry.url());
        assertThat(fresh.idOf(subject, schema)).isEqualTo(id);
        assertThat(fresh.schemaById(id)).isEqualTo(schema);
        assertThat(fresh.subjects()).contains(subject);
        assertThat(fresh.register(subject, schema)).isEqualTo(id);
    }

    @DisplayName("clients registering a new subject at the same moment all get the one id (Apicurio's lost race is not an incompatibility)")
    @RepeatedTest(5)
    void concurrentFirstRegistrations(RepetitionInfo repetition) throws Exception {
        // A new subject each time: the race is on the first registration.
        String fresh = subject + "-" + repetition.getCurrentRepetition();
        Schema schema = TradeEvent.getClassSchema();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RestSchemaRegistryClient own = new RestSchemaRegistryClient(SharedSchemaRegistry.url(), QUICK);
                ids.add(pool.submit(() -> {
                    start.await();
                    return own.register(fresh, schema);
                }));
            }
            start.countDown();
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> id : ids) {
                distinct.add(id.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).containsExactly(client.idOf(fresh, schema));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("ids and schemas are cached: a second serialize or deserialize does not call the registry")
    void caches() {
        String topic = "cache-" + UUID.randomUUID();
        RestSchemaRegistryClient consumerClient = new RestSchemaRegistryClient(proxy.url(), QUICK);
        Serde<TradeEvent> producerSerde = ExchangeTopics.TRADES.valueSerde(client);
        Serde<TradeEvent> consumerSerde = ExchangeTopics.TRADES.valueSerde(consumerClient);

        byte[] bytes = producerSerde.serializer().serialize(topic, SampleRecords.of(TradeEvent.class, 1));
        assertThat(consumerSerde.deserializer().deserialize(topic, bytes)).isEqualTo(SampleRecords.of(TradeEvent.class, 1));
        int id = client.register(topic + "-value", TradeEvent.getClassSchema());
        assertThat(proxy.requests()).containsExactly("POST /subjects/" + topic + "-value/versions", "GET /schemas/ids/" + id);

        producerSerde.serializer().serialize(topic, SampleRecords.of(TradeEvent.class, 2));
        ExchangeTopics.TRADES.valueSerde(client).serializer().serialize(topic, SampleRecords.of(TradeEvent.class, 3));
        consumerSerde.deserializer().deserialize(topic, bytes);
        AvroDeserializer.specific(consumerClient, TradeEvent.class).deserialize(topic, bytes);
        consumerClient.schemaById(id);
        client.idOf(topic + "-value", TradeEvent.getClassSchema());

        assertThat(proxy.requests()).hasSize(2);
    }

    @Test
    @DisplayName("5xx and 429 answers are retried with backoff until the registry answers")
    void retriesPassingFailures() {
        proxy.failNext(2, 503);
        int id = client.register(subject, FxRate.getClassSchema());
        assertThat(proxy.requests()).hasSize(3);

        proxy.failNext(3, 429);
        assertThat(new RestSchemaRegistryClient(proxy.url(), QUICK).schemaById(id)).isEqualTo(FxRate.getClassSchema());
        assertThat(proxy.requests()).hasSize(7);
    }

    @Test
    @DisplayName("a registry that keeps failing is given up after the policy's attempts, naming the status")
    void givesUpAfterMaxAttempts() {
        proxy.failNext(10, 500);

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Schema registry at " + proxy.url() + " keeps failing: GET " + proxy.url() + "/subjects failed after 4 attempts")
                .hasMessageContaining("HTTP 500: injected by the proxy")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(500));
        assertThat(proxy.requests()).hasSize(4);
    }

    @Test
    @DisplayName("an unknown schema id is a 404 naming the id")
    void unknownId() {
        assertThatThrownBy(() -> client.schemaById(987_654))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("No schema with id 987654 in the registry at " + proxy.url())
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(404));
    }

    @Test
    @DisplayName("deserializing a record whose schema id the registry does not know names the id")
    void unknownIdWhenDeserializing() {
        byte[] unknownId = {0, 0, 0x0F, 0x42, 0x3F, 2, 'x'};

        assertThatThrownBy(() -> AvroDeserializer.specific(client, TradeEvent.class).deserialize("any", unknownId))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("No schema with id 999999");
    }

    @Test
    @DisplayName("looking up a schema under an unknown subject, or an unregistered schema, says which")
    void unknownSubjectAndSchema() {
        assertThatThrownBy(() -> client.idOf(subject, TradeEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Subject " + subject + " is unknown to the registry");

        client.register(subject, TradeEvent.getClassSchema());
        assertThatThrownBy(() -> client.idOf(subject, FxRate.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Schema io.dex.schema.FxRate is not registered under subject " + subject);
    }

    @Test
    @DisplayName("an unreachable registry (a closed port) is named by URL after the bounded retries")
    void unreachable() {
        String url = "http://127.0.0.1:" + LoopbackPorts.free() + "/apis/ccompat/v7";
        RestSchemaRegistryClient nowhere = new RestSchemaRegistryClient(url, QUICK);

        long start = System.nanoTime();
        assertThatThrownBy(() -> nowhere.register(subject, TradeEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Schema registry at " + url + " is unreachable: POST " + url + "/subjects/" + subject
                        + "/versions failed after 4 attempts")
                .hasMessageContaining("ConnectException")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("compatibility level and checks reach the registry")
    void compatibility() {
        assertThat(client.isCompatible(subject, TradeEvent.getClassSchema())).as("no version yet").isTrue();
        client.register(subject, TradeEvent.getClassSchema());
        client.setCompatibility(subject, "BACKWARD");

        assertThat(client.isCompatible(subject, FxRate.getClassSchema())).isFalse();
        assertThat(client.isCompatible(subject, TradeEvent.getClassSchema())).isTrue();
    }

    @Test
    @DisplayName("the default compatibility applies to subjects without a level of their own")
    void defaultCompatibility() {
        client.setDefaultCompatibility("BACKWARD");
        client.register(subject, TradeEvent.getClassSchema());

        assertThatThrownBy(() -> client.register(subject, FxRate.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Schema io.dex.schema.FxRate is incompatible with subject " + subject)
                .hasMessageContaining("(NAME_MISMATCH)");
    }

    @Test
    @DisplayName("a schema the registry finds invalid is a 422 naming the subject")
    void invalidSchema() {
        Schema invalidDefault = new Schema.Parser().setValidateDefaults(false).parse(
                "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}");

        assertThatThrownBy(() -> client.register(subject, invalidDefault))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Cannot register Broken under subject " + subject + ": the registry finds the schema invalid")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(422));
    }
}
