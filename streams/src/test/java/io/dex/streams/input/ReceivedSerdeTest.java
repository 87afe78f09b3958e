package io.dex.streams.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.registry.InMemorySchemaRegistryClient;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.RetryPolicy;
import io.dex.registry.SchemaRegistryException;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.serde.AvroSerializer;
import io.dex.serde.SerdeSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading input values")
class ReceivedSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private byte[] rateBytes(String topic) {
        return new AvroSerializer<FxRate>(registry, SerdeSettings.AUTO_REGISTER)
                .serialize(topic, new FxRate("USD", new BigDecimal("7.10000000"), Instant.EPOCH));
    }

    @Test
    @DisplayName("a readable value keeps its bytes and writes back as them")
    void readable() {
        ReceivedSerde<FxRate> serde = new ReceivedSerde<>(registry, FxRate.class);
        byte[] bytes = rateBytes("rates");
        Received<FxRate> received = serde.deserializer().deserialize("rates", bytes);
        assertThat(received.isReadable()).isTrue();
        assertThat(received.event().getCurrency()).isEqualTo("USD");
        assertThat(serde.serializer().serialize("rates", received)).isSameAs(bytes);
    }

    @Test
    @DisplayName("bytes that are not an event, or another event, are unreadable with the reason")
    void unreadable() {
        ReceivedSerde<TradeEvent> trades = new ReceivedSerde<>(registry, TradeEvent.class);
        Received<TradeEvent> garbage = trades.deserializer().deserialize("t", new byte[] {1, 2, 3});
        assertThat(garbage.isReadable()).isFalse();
        assertThat(garbage.bytes()).containsExactly(1, 2, 3);
        assertThat(garbage.problem()).contains("wire format");
        assertThat(trades.deserializer().deserialize("t", new byte[] {0, 0, 0, 0, 99}).problem()).contains("99");
        assertThat(trades.deserializer().deserialize("t", rateBytes("t")).isReadable()).isFalse();
        assertThat(trades.deserializer().deserialize("t", null).problem()).contains("no value");
    }

    @Test
    @DisplayName("a registry that cannot answer is not bad input: the read fails, to be retried")
    void registryDown() {
        byte[] bytes = rateBytes("rates");
        // Nothing listens on port 1 of the loopback: the registry cannot be reached.
        RestSchemaRegistryClient down = new RestSchemaRegistryClient("http://127.0.0.1:1",
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5)));
        ReceivedSerde<FxRate> serde = new ReceivedSerde<>(down, FxRate.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("rates", bytes)).isInstanceOf(SchemaRegistryException.class);
    }
}
