package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Trade validation in the topology")
class TradeValidationTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();

    @BeforeEach
    void market() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        exchange.product(Events.listed("P2", "M2", Category.ENERGY).build());
        exchange.product(Events.delisted("P2", "M2"));
        exchange.rate(Events.rate("USD", "7"));
    }

    @AfterEach
    void close() {
        exchange.close();
    }

    private RejectionReason judge(TradeEvent trade) {
        exchange.trade(trade);
        List<DeadLetter> letters = exchange.deadLetters();
        return letters.isEmpty() ? null : letters.get(0).getReason();
    }

    @Test
    @DisplayName("a trade dated more than an hour after it reached the exchange is MALFORMED and moves no window on")
    void farAhead() {
        Instant appended = Events.T0.plus(Duration.ofMinutes(10));
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "10").setOccurredAt(appended.plus(Duration.ofHours(2))).build(), appended);
        List<DeadLetter> letters = exchange.deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo(RejectionReason.MALFORMED);
            assertThat(letter.getDetail()).startsWith("occurredAt: ").contains("more than 1 h after the trade reached the exchange");
        });
        // Event time stayed where it was: a trade of T0 still lands in its one-minute window.
        exchange.trade(Events.trade("T2", "P1", "M1", "M2", "10").build(), appended);
        exchange.flush();
        assertThat(exchange.deadLetters()).isEmpty();
        assertThat(exchange.metricTotal("late-trades", null, null)).isZero();
    }

    @Test
    @DisplayName("each rule has its reason code, and only valid trades count")
    void reasons() {
        assertThat(judge(Events.trade("T0", "P1", "M1", "M2", "0").build())).isEqualTo(RejectionReason.MALFORMED);
        assertThat(judge(Events.trade("T1", "P9", "M1", "M2", "10").build())).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        assertThat(judge(Events.trade("T2", "P2", "M2", "M1", "10").build())).isEqualTo(RejectionReason.PRODUCT_NOT_LISTED);
        assertThat(judge(Events.trade("T3", "P1", "M3", "M2", "10").build())).isEqualTo(RejectionReason.SELLER_MISMATCH);
        assertThat(judge(Events.trade("T4", "P1", "M1", "M1", "10").build())).isEqualTo(RejectionReason.SELF_TRADE);
        assertThat(judge(Events.trade("T5", "P1", "M1", "M2", "10").setCurrency("EUR").build())).isEqualTo(RejectionReason.UNKNOWN_CURRENCY);
        assertThat(judge(Events.trade("T6", "P1", "M1", "M2", "10").setCurrency("USD").build())).isNull();
        assertThat(judge(Events.trade("T6", "P1", "M1", "M2", "10").setCurrency("USD").build())).isEqualTo(RejectionReason.DUPLICATE_TRANSACTION);
        exchange.flush();

        TradingVolume total = exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange");
        assertThat(total.getTrades()).isEqualTo(1);
        assertThat(total.getVolumeCny()).isEqualTo(new BigDecimal("70.0000"));
        Map<String, DeadLetterCount> counts = exchange.latest(ExchangeTopics.DEAD_LETTER_COUNTS);
        assertThat(counts).hasSize(7).allSatisfy((reason, count) -> assertThat(count.getCount()).as(reason).isEqualTo(1));
        assertThat(exchange.metricTotal("duplicate-trades", null, null)).isEqualTo(1.0);
        assertThat(exchange.metricTotal("dead-letters", "reason", "SELF_TRADE")).isEqualTo(1.0);
        assertThat(exchange.metricTotal("trades-accepted", null, null)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a trade breaking several rules gets the first one's reason")
    void firstRuleWins() {
        // Unknown product, selling to itself, in a currency without rate.
        assertThat(judge(Events.trade("T1", "P9", "M1", "M1", "10").setCurrency("EUR").build())).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        // Delisted, wrong seller, selling to itself.
        assertThat(judge(Events.trade("T2", "P2", "M9", "M9", "10").build())).isEqualTo(RejectionReason.PRODUCT_NOT_LISTED);
        // Wrong seller, selling to itself.
        assertThat(judge(Events.trade("T3", "P1", "M9", "M9", "10").build())).isEqualTo(RejectionReason.SELLER_MISMATCH);
        // Selling to itself, in a currency without rate.
        assertThat(judge(Events.trade("T4", "P1", "M1", "M1", "10").setCurrency("EUR").build())).isEqualTo(RejectionReason.SELF_TRADE);
        assertThat(judge(Events.trade("T5", "P1", "M1", "M2", "10").build())).isNull();
        // A duplicate in a currency without rate.
        assertThat(judge(Events.trade("T5", "P1", "M1", "M2", "10").setCurrency("EUR").build())).isEqualTo(RejectionReason.UNKNOWN_CURRENCY);
    }

    @Test
    @DisplayName("a dead letter carries the detail, the source position and the original bytes")
    void deadLetterContents() {
        TradeEvent trade = Events.trade("T1", "P1", "M1", "M2", "10").setBuyerJurisdiction("XX").build();
        byte[] value = ExchangeTopics.TRADES.valueSerde(exchange.registry).serializer().serialize(ExchangeTopics.TRADES.name(), trade);
        exchange.raw(ExchangeTopics.TRADES, "P1".getBytes(StandardCharsets.UTF_8), value);
        exchange.raw(ExchangeTopics.TRADES, "P2".getBytes(StandardCharsets.UTF_8), value);
        List<DeadLetter> letters = exchange.deadLetters();
        assertThat(letters).hasSize(2);
        DeadLetter wrongCountry = letters.get(0);
        assertThat(wrongCountry.getReason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(wrongCountry.getDetail()).startsWith("buyerJurisdiction");
        assertThat(wrongCountry.getSourceTopic()).isEqualTo(ExchangeTopics.TRADES.name());
        assertThat(wrongCountry.getSourcePartition()).isZero();
        assertThat(wrongCountry.getSourceOffset()).isZero();
        assertThat(bytes(wrongCountry.getOriginalValue())).isEqualTo(value);
        assertThat(bytes(wrongCountry.getOriginalKey())).isEqualTo("P1".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongCountry.getProcessedAt()).isNotNull();
        DeadLetter wrongKey = letters.get(1);
        assertThat(wrongKey.getDetail()).startsWith("key: must be the productId 'P1', is 'P2'");
        assertThat(wrongKey.getSourceOffset()).isEqualTo(1);
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
