package io.dex.streams.trade;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DeliveryMode;
import io.dex.schema.ProductState;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradeEvent;
import io.dex.streams.deadletter.Rejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Trade validation, in SPEC order")
class TradeValidatorTest {

    private static final ProductState LISTED = new ProductState("P1", "M1", "n", Category.ENERGY, DeliveryMode.API,
            Classification.GENERAL, 0L, false, new BigDecimal("1.0000"), "CNY", true, Instant.EPOCH);
    private static final ProductState DELISTED = ProductState.newBuilder(LISTED).setListed(false).build();

    private final Map<String, BigDecimal> latestRates = new HashMap<>();
    private final FxRates rates = latestRates::get;

    private static TradeEvent.Builder trade() {
        return TradeEvent.newBuilder().setTransactionId("T1").setProductId("P1").setSellerId("M1").setBuyerId("M2")
                .setBuyerJurisdiction("CN").setAmount(new BigDecimal("10.0000")).setCurrency("USD")
                .setOccurredAt(Instant.parse("2026-11-28T09:00:00Z"));
    }

    /** When the trades below reached the exchange: the hour they occurred in. */
    private static final Instant RECEIVED = Instant.parse("2026-11-28T09:00:05Z");

    private Rejection rejection(String key, TradeEvent trade, ProductState product, boolean accepted) {
        TradeValidator.Verdict verdict = TradeValidator.validate(key, trade, RECEIVED, product, rates, t -> accepted);
        assertThat(verdict).isInstanceOf(TradeValidator.Invalid.class);
        return ((TradeValidator.Invalid) verdict).rejection();
    }

    @Test
    @DisplayName("a valid trade is worth its amount at the latest rate")
    void valid() {
        latestRates.put("USD", new BigDecimal("7.10000000"));
        TradeValidator.Verdict verdict = TradeValidator.validate("P1", trade().build(), RECEIVED, LISTED, rates, t -> false);
        assertThat(verdict).isInstanceOf(TradeValidator.Valid.class);
        assertThat(((TradeValidator.Valid) verdict).volumeCny()).isEqualTo(new BigDecimal("71.0000"));
    }

    @Test
    @DisplayName("each rule in turn gives its reason; earlier rules win over later ones")
    void order() {
        // Every trade below also breaks all the rules after the one it is rejected for.
        TradeEvent selfTradeInUnknownCurrency = trade().setBuyerId("M1").build();
        TradeEvent malformed = trade().setAmount(new BigDecimal("0.0000")).setBuyerId("M9").setSellerId("M9").build();
        assertThat(rejection("P1", malformed, null, true).reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(rejection("P1", selfTradeInUnknownCurrency, null, true).reason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        assertThat(rejection("P1", trade().setSellerId("M9").setBuyerId("M9").build(), DELISTED, true).reason())
                .isEqualTo(RejectionReason.PRODUCT_NOT_LISTED);
        assertThat(rejection("P1", trade().setSellerId("M9").setBuyerId("M9").build(), LISTED, true).reason())
                .isEqualTo(RejectionReason.SELLER_MISMATCH);
        assertThat(rejection("P1", selfTradeInUnknownCurrency, LISTED, true).reason()).isEqualTo(RejectionReason.SELF_TRADE);
        assertThat(rejection("P1", trade().build(), LISTED, true).reason()).isEqualTo(RejectionReason.UNKNOWN_CURRENCY);
        latestRates.put("USD", new BigDecimal("7.00000000"));
        assertThat(rejection("P1", trade().build(), LISTED, true).reason()).isEqualTo(RejectionReason.DUPLICATE_TRANSACTION);
    }

    @Test
    @DisplayName("MALFORMED names the fields, the record key included")
    void malformedNamesFields() {
        Rejection rejection = rejection("P2", trade().setAmount(new BigDecimal("-1.0000")).setCurrency("usd").build(), LISTED, false);
        assertThat(rejection.reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(rejection.detail()).contains("key").contains("amount").contains("currency");
        assertThat(rejection("P1", trade().setOccurredAt(Instant.parse("1969-12-31T23:59:59Z")).build(), LISTED, false).detail())
                .startsWith("occurredAt");
    }

    @Test
    @DisplayName("CNY needs no rate")
    void cny() {
        assertThat(TradeValidator.validate("P1", trade().setCurrency("CNY").build(), RECEIVED, LISTED, rates, t -> false))
                .isInstanceOf(TradeValidator.Valid.class);
    }

    @Test
    @DisplayName("occurredAt may be up to one hour after the trade reached the exchange (the broker's limit), not more")
    void futureLimit() {
        latestRates.put("USD", new BigDecimal("7.00000000"));
        TradeEvent atTheLimit = trade().setOccurredAt(RECEIVED.plus(Duration.ofHours(1))).build();
        TradeEvent beyond = trade().setOccurredAt(RECEIVED.plus(Duration.ofHours(1)).plusMillis(1)).build();
        TradeEvent backFilled = trade().setOccurredAt(Instant.parse("2020-01-01T00:00:00Z")).build();

        assertThat(TradeValidator.validate("P1", atTheLimit, RECEIVED, LISTED, rates, t -> false)).isInstanceOf(TradeValidator.Valid.class);
        assertThat(TradeValidator.validate("P1", backFilled, RECEIVED, LISTED, rates, t -> false)).isInstanceOf(TradeValidator.Valid.class);
        Rejection rejection = rejection("P1", beyond, LISTED, false);
        assertThat(rejection.reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(rejection.detail()).isEqualTo("occurredAt: is 2026-11-28T10:00:05.001Z, more than 1 h after the trade reached the exchange"
                + " (2026-11-28T09:00:05Z)");
        assertThat(TradeValidator.validate("P1", beyond, null, LISTED, rates, t -> false))
                .as("no arrival time known (not stamped): nothing to measure against").isInstanceOf(TradeValidator.Valid.class);
    }
}
