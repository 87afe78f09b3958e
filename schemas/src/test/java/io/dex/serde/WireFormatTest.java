package io.dex.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.registry.InMemorySchemaRegistryClient;
import io.dex.schema.TradeEvent;
import io.dex.topics.ExchangeTopics;
import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("WireFormat: magic byte 0, 4-byte big-endian schema id")
class WireFormatTest {

    @ParameterizedTest(name = "id {0}")
    @ValueSource(ints = {0, 1, 255, 256, 65_536, 16_777_216, Integer.MAX_VALUE})
    @DisplayName("a written header is read back, big-endian")
    void headerRoundTrip(int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, id);
        byte[] header = out.toByteArray();

        assertThat(header).hasSize(WireFormat.HEADER_LENGTH);
        assertThat(header[0]).isZero();
        assertThat(header[1] & 0xFF).isEqualTo(id >>> 24);
        assertThat(header[4] & 0xFF).isEqualTo(id & 0xFF);
        assertThat(WireFormat.schemaId(header)).isEqualTo(id);
    }

    @Test
    @DisplayName("id 0x01020304 is written as bytes 1, 2, 3, 4")
    void byteOrder() {
        assertThat(WireFormat.schemaId(new byte[] {0, 1, 2, 3, 4, 99})).isEqualTo(0x01020304);
    }

    @Test
    @DisplayName("null is refused with a clear message")
    void nullBytes() {
        assertThatThrownBy(() -> WireFormat.schemaId(null))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Not in the Confluent wire format: no bytes at all (null)");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 4})
    @DisplayName("fewer than 5 bytes are refused, saying how many there were")
    void shortArrays(int length) {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[length]))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Not in the Confluent wire format: " + length + " bytes, need at least 5");
    }

    @Test
    @DisplayName("a magic byte other than 0 is refused, naming it")
    void badMagicByte() {
        assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Not in the Confluent wire format: magic byte 1, expected 0");
    }

    @Test
    @DisplayName("the deserializer refuses bytes that are not in the wire format before asking any registry")
    void deserializerRefusesGarbage() {
        AvroDeserializer<TradeEvent> deserializer = AvroDeserializer.specific(new InMemorySchemaRegistryClient(), TradeEvent.class);

        assertThatThrownBy(() -> deserializer.deserialize(ExchangeTopics.TRADES.name(), "{\"json\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 123");
        assertThatThrownBy(() -> deserializer.deserialize(ExchangeTopics.TRADES.name(), new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("2 bytes");
    }
}
