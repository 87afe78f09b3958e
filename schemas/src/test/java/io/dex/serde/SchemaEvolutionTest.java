package io.dex.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.SchemaRegistryClient;
import io.dex.registry.SchemaRegistryException;
import io.dex.schema.TradeEvent;
import io.dex.testing.SampleRecords;
import io.dex.testkit.SharedSchemaRegistry;
import io.dex.topics.ExchangeTopics;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Schema evolution under BACKWARD compatibility, against a real Apicurio Registry")
class SchemaEvolutionTest {

    /** TradeEvent plus an optional field: a compatible change. */
    private static final Schema WITH_CHANNEL = evolved(",{\"name\":\"channel\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    /** TradeEvent with a required new field: readers cannot read older data. */
    private static final Schema WITH_REQUIRED_FIELD = evolved(",{\"name\":\"channel\",\"type\":\"string\"}]}");

    private final SchemaRegistryClient registry = new RestSchemaRegistryClient(SharedSchemaRegistry.url());
    private final String topic = ExchangeTopics.TRADES.name() + "." + UUID.randomUUID();
    private final String subject = topic + "-value";

    @BeforeEach
    void registerVersionOne() {
        registry.register(subject, TradeEvent.getClassSchema());
        registry.setCompatibility(subject, "BACKWARD");
    }

    @Test
    @DisplayName("a changed field type is refused with an error naming the subject and the field")
    void changedTypeRefused() {
        Schema amountAsLong = new Schema.Parser().parse(TradeEvent.getClassSchema().toString()
                .replace("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":20,\"scale\":4}", "\"long\""));

        assertThat(registry.isCompatible(subject, amountAsLong)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, amountAsLong))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible with subject " + subject)
                .hasMessageContaining("field 'amount': reader type: LONG not compatible with writer type: BYTES")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    @Test
    @DisplayName("a new field without default is refused, naming the field")
    void requiredFieldRefused() {
        GenericData.Record record = new GenericData.Record(WITH_REQUIRED_FIELD);
        copyInto(record, SampleRecords.of(TradeEvent.class, 3));
        record.put("channel", "web");

        assertThatThrownBy(() -> new GenericAvroSerde(registry, SerdeSettings.AUTO_REGISTER).serializer().serialize(topic, record))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(subject)
                .hasMessageContaining("field 'channel': new field has no default value");
    }

    @Test
    @DisplayName("data written with a compatibly evolved schema is read by the old reader, and old data by the new reader")
    void compatibleEvolution() {
        TradeEvent original = SampleRecords.of(TradeEvent.class, 11);
        GenericData.Record evolved = new GenericData.Record(WITH_CHANNEL);
        copyInto(evolved, original);
        evolved.put("channel", "web");
        assertThat(registry.isCompatible(subject, WITH_CHANNEL)).isTrue();

        byte[] newData = new GenericAvroSerde(registry, SerdeSettings.AUTO_REGISTER).serializer().serialize(topic, evolved);
        byte[] oldData = ExchangeTopics.TRADES.valueSerde(registry).serializer().serialize(topic, original);

        assertThat(ExchangeTopics.TRADES.valueSerde(registry).deserializer().deserialize(topic, newData)).isEqualTo(original);
        GenericData.Record readByNewReader = AvroDeserializer.generic(registry, WITH_CHANNEL).deserialize(topic, oldData);
        assertThat(readByNewReader.get("channel")).isNull();
        for (Schema.Field field : TradeEvent.getClassSchema().getFields()) {
            assertThat(readByNewReader.get(field.name())).as(field.name()).isEqualTo(original.get(field.name()));
        }
        assertThat(registry.idOf(subject, WITH_CHANNEL)).isNotEqualTo(registry.idOf(subject, TradeEvent.getClassSchema()));
    }

    private static void copyInto(GenericData.Record target, TradeEvent source) {
        for (Schema.Field field : TradeEvent.getClassSchema().getFields()) {
            target.put(field.name(), source.get(field.name()));
        }
    }

    private static Schema evolved(String lastFieldAndEnd) {
        String schema = TradeEvent.getClassSchema().toString();
        return new Schema.Parser().parse(schema.substring(0, schema.length() - 2) + lastFieldAndEnd);
    }
}
