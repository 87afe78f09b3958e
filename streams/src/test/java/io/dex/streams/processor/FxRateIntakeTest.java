package io.dex.streams.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.registry.InMemorySchemaRegistryClient;
import io.dex.registry.SchemaRegistryException;
import io.dex.schema.DeadLetter;
import io.dex.schema.FxRate;
import io.dex.schema.RejectionReason;
import io.dex.streams.ExchangeStores;
import io.dex.streams.input.Received;
import io.dex.streams.input.ReceivedSerde;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FxRateIntake: the global FX rate store as the market reads it")
class FxRateIntakeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Serde<FxRate> rates = ExchangeTopics.FX_RATES.valueSerde(registry);
    private final Serde<DeadLetter> deadLetters = ExchangeTopics.DEAD_LETTERS.valueSerde(registry);
    private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    private final KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(ExchangeStores.FX_RATES), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
    private final FxRateTable table = new FxRateTable(store, deadLetters.deserializer());
    private long offset;

    private FxRateIntake started(Deserializer<Received<FxRate>> values, Duration registryPatience) {
        context.setCurrentSystemTimeMs(Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        FxRateIntake intake = new FxRateIntake(values, deadLetters.serializer(), registryPatience);
        intake.init(context);
        return intake;
    }

    private void receive(FxRateIntake intake, String key, byte[] value) {
        context.setRecordMetadata(ExchangeTopics.FX_RATES.name(), 2, offset++);
        intake.process(new Record<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, 0L));
    }

    private byte[] rate(String currency, String cnyPerUnit) {
        return rates.serializer().serialize(ExchangeTopics.FX_RATES.name(),
                new FxRate(currency, new BigDecimal(cnyPerUnit).setScale(8), Instant.parse("2026-11-28T00:00:00Z")));
    }

    private Map<String, DeadLetter> rejected() {
        Map<String, DeadLetter> rejected = new LinkedHashMap<>();
        table.forEachRejected(key -> true, rejected::put);
        return rejected;
    }

    @Test
    @DisplayName("keeps each currency's latest valid rate, and the dead letter of every refused record by partition and offset")
    void latestAndRejected() {
        FxRateIntake intake = started(new ReceivedSerde<>(registry, FxRate.class).deserializer(), Duration.ofSeconds(1));
        receive(intake, "USD", rate("USD", "7.1"));
        receive(intake, "USD", rate("USD", "7.2"));
        receive(intake, "USD", rate("USD", "0"));
        receive(intake, "EUR", rate("USD", "9"));
        receive(intake, "JPY", new byte[] {1, 2});
        receive(intake, "GBP", rate("GBP", "9.1"));

        assertThat(table.latest("USD")).isEqualByComparingTo("7.2");
        assertThat(table.latest("GBP")).isEqualByComparingTo("9.1");
        assertThat(table.latest("EUR")).isNull();
        assertThat(table.latest("JPY")).isNull();
        assertThat(table.cnyPerUnit("CNY")).contains(BigDecimal.ONE);
        Map<String, DeadLetter> rejected = rejected();
        assertThat(rejected.keySet()).containsExactly(
                FxRateTable.rejectedKey(2, 2), FxRateTable.rejectedKey(2, 3), FxRateTable.rejectedKey(2, 4));
        assertThat(rejected.values()).extracting(DeadLetter::getReason).containsOnly(RejectionReason.MALFORMED);
        assertThat(rejected.values()).extracting(DeadLetter::getSourceOffset).containsExactly(2L, 3L, 4L);
        assertThat(rejected.values()).extracting(DeadLetter::getProcessedAt).containsOnly(Instant.parse("2026-11-28T09:00:00Z"));
        assertThat(rejected.values()).extracting(DeadLetter::getDetail).satisfiesExactly(
                detail -> assertThat(detail).startsWith("cnyPerUnit"),
                detail -> assertThat(detail).startsWith("key"),
                detail -> assertThat(detail).startsWith("value: cannot be deserialized"));
    }

    @Test
    @DisplayName("reads only the dead letters it is asked for")
    void onlyWanted() {
        FxRateIntake intake = started(new ReceivedSerde<>(registry, FxRate.class).deserializer(), Duration.ofSeconds(1));
        receive(intake, "JPY", new byte[] {1});
        receive(intake, "JPY", new byte[] {2});
        Map<String, DeadLetter> unsent = new LinkedHashMap<>();
        table.forEachRejected(key -> !key.equals(FxRateTable.rejectedKey(2, 0)), unsent::put);
        assertThat(unsent.keySet()).containsExactly(FxRateTable.rejectedKey(2, 1));
    }

    @Test
    @DisplayName("rejected keys sort by partition, then by offset as a number")
    void rejectedKeyOrder() {
        assertThat(FxRateTable.rejectedKey(0, 9)).isLessThan(FxRateTable.rejectedKey(0, 10));
        assertThat(FxRateTable.rejectedKey(0, Long.MAX_VALUE)).isLessThan(FxRateTable.rejectedKey(1, 0));
        assertThat(FxRateTable.rejectedKey(3, 0)).startsWith(FxRateTable.REJECTED_PREFIX);
    }

    @Test
    @DisplayName("waits for a schema registry that does not answer, then reads the rate")
    void waitsForTheRegistry() {
        Deserializer<Received<FxRate>> readable = new ReceivedSerde<>(registry, FxRate.class).deserializer();
        AtomicInteger calls = new AtomicInteger();
        FxRateIntake intake = started((topic, bytes) -> {
            if (calls.incrementAndGet() <= 2) {
                throw new SchemaRegistryException(503, "unavailable");
            }
            return readable.deserialize(topic, bytes);
        }, Duration.ofSeconds(30));

        receive(intake, "USD", rate("USD", "7.3"));

        assertThat(calls).hasValue(3);
        assertThat(table.latest("USD")).isEqualByComparingTo("7.3");
        assertThat(rejected()).isEmpty();
    }

    @Test
    @DisplayName("does not wait on a registry that refuses: only one that does not answer may answer later")
    void refusalNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        FxRateIntake intake = started((topic, bytes) -> {
            calls.incrementAndGet();
            throw new SchemaRegistryException(401, "unauthorized");
        }, Duration.ofSeconds(30));

        assertThatThrownBy(() -> receive(intake, "USD", rate("USD", "7.3")))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("unauthorized");
        assertThat(calls).hasValue(1);
    }

    @Test
    @DisplayName("gives up on a registry that stays unavailable past its patience, keeping nothing")
    void givesUp() {
        FxRateIntake intake = started((topic, bytes) -> {
            throw new SchemaRegistryException(0, "no connection");
        }, Duration.ZERO);

        assertThatThrownBy(() -> receive(intake, "USD", rate("USD", "7.3")))
                .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("no connection");
        assertThat(table.latest("USD")).isNull();
        assertThat(rejected()).isEmpty();
    }
}
