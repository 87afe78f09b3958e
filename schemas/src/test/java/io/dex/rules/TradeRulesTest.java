package io.dex.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TradeRules")
class TradeRulesTest {

    static TradeEvent validTrade() {
        return new TradeEvent("tx-1", "prod.A_1", "seller-1", "buyer-1", "CN",
                new BigDecimal("1200.5000"), "CNY", Instant.parse("2026-11-28T09:00:00Z"));
    }

    private static TradeEvent trade(Consumer<TradeEvent> change) {
        TradeEvent trade = validTrade();
        change.accept(trade);
        return trade;
    }

    @Test
    @DisplayName("a well-formed trade has no violations")
    void wellFormed() {
        assertThat(TradeRules.violations(validTrade())).isEmpty();
    }

    @Test
    @DisplayName("a trade without any field names every required field, in schema order")
    void everyFieldMissing() {
        assertThat(TradeRules.violations(new TradeEvent()))
                .extracting(FieldViolation::field)
                .containsExactly("transactionId", "productId", "sellerId", "buyerId", "buyerJurisdiction",
                        "amount", "currency", "occurredAt");
        assertThat(TradeRules.violations(new TradeEvent()))
                .allSatisfy(violation -> assertThat(violation.problem()).isEqualTo("is required"));
    }

    @Test
    @DisplayName("ids may have 64 characters, not 65")
    void idLength() {
        String sixtyFour = "a".repeat(64);
        assertThat(TradeRules.violations(trade(t -> t.setTransactionId(sixtyFour)))).isEmpty();
        assertThat(TradeRules.violations(trade(t -> t.setTransactionId(sixtyFour + "b"))))
                .containsExactly(new FieldViolation("transactionId", "must be at most 64 characters, has 65"));
    }

    @Test
    @DisplayName("an empty id is invalid")
    void emptyId() {
        assertThat(TradeRules.violations(trade(t -> t.setProductId(""))))
                .containsExactly(new FieldViolation("productId", "must not be empty"));
    }

    @ParameterizedTest(name = "\"{0}\" is not an id")
    @ValueSource(strings = {"a b", "a/b", "a:b", "ä", "a\tb", "a,b", "a@b"})
    @DisplayName("ids outside [A-Za-z0-9._-] are invalid and the character is named")
    void idCharset(String id) {
        assertThat(TradeRules.violations(trade(t -> t.setSellerId(id))))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("sellerId");
                    assertThat(v.problem()).contains("at position").contains("only A-Z, a-z, 0-9");
                });
    }

    @Test
    @DisplayName("every id character class is accepted")
    void idAlphabet() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
        assertThat(TradeRules.violations(trade(t -> t.setBuyerId(alphabet.substring(0, 64))))).isEmpty();
        assertThat(TradeRules.violations(trade(t -> t.setBuyerId(alphabet.substring(50))))).isEmpty();
    }

    @Test
    @DisplayName("the buyer's id follows the id rule")
    void buyerId() {
        assertThat(TradeRules.violations(trade(t -> t.setBuyerId("buyer 1"))))
                .extracting(FieldViolation::field).containsExactly("buyerId");
    }

    @Test
    @DisplayName("a self trade is not a field rule (SELF_TRADE is checked by the topology)")
    void selfTradeIsNotMalformed() {
        assertThat(TradeRules.violations(trade(t -> t.setBuyerId(t.getSellerId())))).isEmpty();
    }

    @ParameterizedTest(name = "jurisdiction \"{0}\" is valid")
    @ValueSource(strings = {"CN", "US", "DE", "HK", "SG"})
    @DisplayName("ISO 3166-1 alpha-2 jurisdictions are valid")
    void validJurisdictions(String code) {
        assertThat(TradeRules.violations(trade(t -> t.setBuyerJurisdiction(code)))).isEmpty();
    }

    @ParameterizedTest(name = "jurisdiction \"{0}\" is invalid")
    @ValueSource(strings = {"cn", "CHN", "XX", "", "C", "EU"})
    @DisplayName("anything else is not a jurisdiction")
    void invalidJurisdictions(String code) {
        assertThat(TradeRules.violations(trade(t -> t.setBuyerJurisdiction(code))))
                .containsExactly(new FieldViolation("buyerJurisdiction",
                        "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
    }

    @ParameterizedTest(name = "currency \"{0}\" is valid")
    @ValueSource(strings = {"CNY", "USD", "EUR", "JPY", "HKD"})
    @DisplayName("ISO 4217 currencies are valid")
    void validCurrencies(String code) {
        assertThat(TradeRules.violations(trade(t -> t.setCurrency(code)))).isEmpty();
    }

    @ParameterizedTest(name = "currency \"{0}\" is invalid")
    @ValueSource(strings = {"usd", "US", "USDT", "ABC", ""})
    @DisplayName("anything else is not a currency")
    void invalidCurrencies(String code) {
        assertThat(TradeRules.violations(trade(t -> t.setCurrency(code))))
                .containsExactly(new FieldViolation("currency", "'" + code + "' is not an ISO 4217 currency code"));
    }

    @Test
    @DisplayName("a long invalid code is abbreviated in the message")
    void longCodeAbbreviated() {
        assertThat(TradeRules.violations(trade(t -> t.setCurrency("X".repeat(1000)))))
                .singleElement()
                .satisfies(v -> assertThat(v.problem()).hasSizeLessThan(60));
    }

    @Test
    @DisplayName("amounts must be above 0")
    void amountPositive() {
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("0.0000")))))
                .containsExactly(new FieldViolation("amount", "must be greater than 0, is 0.0000"));
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("-5")))))
                .containsExactly(new FieldViolation("amount", "must be greater than 0, is -5"));
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("0.0001"))))).isEmpty();
    }

    @Test
    @DisplayName("amounts must be below 10^12: 10^12 - 0.0001 is valid, 10^12 is not")
    void amountBound() {
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("999999999999.9999"))))).isEmpty();
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1000000000000.0000")))))
                .containsExactly(new FieldViolation("amount", "must be below 1000000000000, is 1000000000000.0000"));
    }

    @Test
    @DisplayName("extreme exponents are judged without expanding the number")
    void amountExtremeExponents() {
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1E+999999999")))))
                .containsExactly(new FieldViolation("amount", "must be below 1000000000000, is 1E+999999999"));
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1E-999999999")))))
                .containsExactly(new FieldViolation("amount", "must have at most 4 fraction digits, is 1E-999999999"));
    }

    @Test
    @DisplayName("amounts may have 4 fraction digits, not 5")
    void amountFractionDigits() {
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1.2345"))))).isEmpty();
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1.23456")))))
                .containsExactly(new FieldViolation("amount", "must have at most 4 fraction digits, is 1.23456"));
    }

    @Test
    @DisplayName("trailing zeros beyond 4 fraction digits lose nothing and are accepted")
    void amountTrailingZeros() {
        assertThat(TradeRules.violations(trade(t -> t.setAmount(new BigDecimal("1.23400000"))))).isEmpty();
    }

    @Test
    @DisplayName("several broken fields are all reported")
    void several() {
        TradeEvent bad = trade(t -> {
            t.setProductId("bad id");
            t.setAmount(new BigDecimal("-1"));
            t.put("occurredAt", null);
        });
        assertThat(TradeRules.violations(bad)).extracting(FieldViolation::field)
                .containsExactly("productId", "amount", "occurredAt");
    }
}
