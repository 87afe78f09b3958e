package io.dex.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.SchemaRegistryClient;
import io.dex.schema.TradeEvent;
import io.dex.testing.SampleRecords;
import io.dex.testkit.SharedSchemaRegistry;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SpecificAvroSerde against a real Apicurio Registry")
class SpecificAvroSerdeTest {

    private final SchemaRegistryClient registry = new RestSchemaRegistryClient(SharedSchemaRegistry.url());

    static Stream<ExchangeTopic<?>> topics() {
        return ExchangeTopics.ALL.stream();
    }

    /** A topic name of this test only: the shared registry outlives a test class. */
    private static String topicOf(ExchangeTopic<?> topic) {
        return topic.name() + "." + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @DisplayName("every contract survives a round trip through its topic's serde, header and body as the wire format says")
    <V extends SpecificRecord> void roundTrip(ExchangeTopic<V> topic) throws IOException {
        String name = topicOf(topic);
        V record = SampleRecords.of(topic.valueType(), name.hashCode());
        Serde<V> serde = topic.valueSerde(registry);

        byte[] bytes = serde.serializer().serialize(name, record);

        assertThat(serde.deserializer().deserialize(name, bytes)).isEqualTo(record);
        assertThat(bytes[0]).isZero();
        int registeredId = new RestSchemaRegistryClient(SharedSchemaRegistry.url()).idOf(name + "-value", record.getSchema());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        SpecificDatumReader<V> plainAvro = new SpecificDatumReader<>(topic.valueType());
        assertThat(plainAvro.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null))).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    @DisplayName("a generic reader sees the same record: written back, it gives the same bytes")
    <V extends SpecificRecord> void genericRecords(ExchangeTopic<V> topic) {
        String name = topicOf(topic);
        V record = SampleRecords.of(topic.valueType(), name.hashCode());
        byte[] bytes = topic.valueSerde(registry).serializer().serialize(name, record);
        GenericAvroSerde generic = new GenericAvroSerde(registry, SerdeSettings.USE_REGISTERED);

        GenericData.Record read = generic.deserializer().deserialize(name, bytes);

        assertThat(read.getSchema()).isEqualTo(record.getSchema());
        assertThat(generic.serializer().serialize(name, read)).isEqualTo(bytes);
    }

    @Test
    @DisplayName("the same record always gives the same bytes, from any serializer")
    void deterministic() {
        String name = topicOf(ExchangeTopics.TRADES);
        TradeEvent trade = SampleRecords.of(TradeEvent.class, 7);

        byte[] first = ExchangeTopics.TRADES.valueSerde(registry).serializer().serialize(name, trade);
        byte[] again = ExchangeTopics.TRADES.valueSerde(registry).serializer().serialize(name, trade);
        byte[] fromAnotherClient = ExchangeTopics.TRADES.valueSerde(new RestSchemaRegistryClient(SharedSchemaRegistry.url()))
                .serializer().serialize(name, SampleRecords.of(TradeEvent.class, 7));

        assertThat(again).isEqualTo(first);
        assertThat(fromAnotherClient).isEqualTo(first);
    }

    @Test
    @DisplayName("every contract in src/main/avro is the value of some topic, so the round trips cover them all")
    void everyContractHasATopic() throws IOException {
        Set<String> contracts;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            // src/main/avro/internal holds the Streams topology's own state and internal topics, no exchange topic.
            contracts = files.filter(file -> file.toString().endsWith(".avsc"))
                    .filter(file -> !file.startsWith(Path.of("src/main/avro/internal")))
                    .map(file -> parse(file).getFullName())
                    .collect(Collectors.toSet());
        }
        Set<String> topicValues = ExchangeTopics.ALL.stream()
                .map(topic -> topic.valueType().getName()).collect(Collectors.toSet());

        assertThat(contracts).hasSize(14).isEqualTo(topicValues);
    }

    @Test
    @DisplayName("null is a tombstone both ways")
    void tombstones() {
        Serde<TradeEvent> serde = ExchangeTopics.TRADES.valueSerde(registry);

        assertThat(serde.serializer().serialize("any", null)).isNull();
        assertThat(serde.deserializer().deserialize("any", null)).isNull();
        assertThat(Arrays.asList(new GenericAvroSerde(registry, SerdeSettings.USE_REGISTERED).deserializer().deserialize("any", null)))
                .containsOnlyNulls();
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
