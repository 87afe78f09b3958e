package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Records that cannot be deserialized")
class UnreadableInputTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();

    @AfterEach
    void close() {
        exchange.close();
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"exchange.trades", "exchange.data-products", "exchange.fx-rates"})
    @DisplayName("go to the dead letters with their original bytes, and the pipeline goes on")
    void deadLettered(String topicName) {
        ExchangeTopic<?> topic = ExchangeTopics.byName(topicName).orElseThrow();
        byte[] key = "K1".getBytes(StandardCharsets.UTF_8);
        byte[] notAvro = "{\"amount\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchema = {0, 0, 0, 0, 0x7f, 1, 2, 3};
        exchange.raw(topic, key, notAvro);
        exchange.raw(topic, key, unknownSchema);
        exchange.raw(topic, null, null);
        // The FX intake's dead letters leave with the market's next flush.
        exchange.flush();

        List<DeadLetter> letters = exchange.deadLetters();
        assertThat(letters).hasSize(3).allSatisfy(letter -> {
            assertThat(letter.getReason()).isEqualTo(RejectionReason.MALFORMED);
            assertThat(letter.getDetail()).startsWith("value: cannot be deserialized");
            assertThat(letter.getSourceTopic()).isEqualTo(topicName);
        });
        assertThat(TradeValidationTopologyTest.bytes(letters.get(0).getOriginalValue())).isEqualTo(notAvro);
        assertThat(TradeValidationTopologyTest.bytes(letters.get(0).getOriginalKey())).isEqualTo(key);
        assertThat(TradeValidationTopologyTest.bytes(letters.get(1).getOriginalValue())).isEqualTo(unknownSchema);
        assertThat(letters.get(1).getDetail()).contains("127");
        assertThat(letters.get(2).getOriginalValue()).isNull();
        assertThat(letters.get(2).getOriginalKey()).isNull();
        assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 1L, 2L);

        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "5").build());
        exchange.flush();
        assertThat(exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange").getTrades()).isEqualTo(1);
        assertThat(exchange.<DeadLetterCount>store(ExchangeStores.DEAD_LETTER_COUNTS).get("MALFORMED").getCount()).isEqualTo(3);
    }
}
