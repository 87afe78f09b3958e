package io.dex.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.FxRate;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FxRateRules")
class FxRateRulesTest {

    private static final Instant EFFECTIVE = Instant.parse("2026-01-01T00:00:00Z");

    private static FxRate rate(String currency, String cnyPerUnit) {
        return new FxRate(currency, cnyPerUnit == null ? null : new BigDecimal(cnyPerUnit), EFFECTIVE);
    }

    @Test
    @DisplayName("a well-formed rate has no violations")
    void wellFormed() {
        assertThat(FxRateRules.violations(rate("USD", "7.12345678"))).isEmpty();
        assertThat(FxRateRules.violations(rate("CNY", "1"))).isEmpty();
    }

    @Test
    @DisplayName("every field is required")
    void required() {
        assertThat(FxRateRules.violations(new FxRate())).extracting(FieldViolation::field)
                .containsExactly("currency", "cnyPerUnit", "effectiveAt");
    }

    @Test
    @DisplayName("the currency is an ISO 4217 code")
    void currency() {
        assertThat(FxRateRules.violations(rate("XYZ", "1")))
                .containsExactly(new FieldViolation("currency", "'XYZ' is not an ISO 4217 currency code"));
    }

    @Test
    @DisplayName("the rate is above 0")
    void positive() {
        assertThat(FxRateRules.violations(rate("USD", "0")))
                .containsExactly(new FieldViolation("cnyPerUnit", "must be greater than 0, is 0"));
        assertThat(FxRateRules.violations(rate("USD", "0.00000001"))).isEmpty();
    }

    @Test
    @DisplayName("the rate has at most 8 fraction digits, not 9")
    void scale() {
        assertThat(FxRateRules.violations(rate("USD", "0.12345678"))).isEmpty();
        assertThat(FxRateRules.violations(rate("USD", "0.123456789")))
                .containsExactly(new FieldViolation("cnyPerUnit", "must have at most 8 fraction digits, is 0.123456789"));
    }

    @Test
    @DisplayName("the rate fits the schema's precision 20 at scale 8: below 10^12")
    void precision() {
        assertThat(FxRateRules.violations(rate("IDR", "999999999999.99999999"))).isEmpty();
        assertThat(FxRateRules.violations(rate("IDR", "1000000000000")))
                .extracting(FieldViolation::field).containsExactly("cnyPerUnit");
    }

    @Test
    @DisplayName("CNY's rate is always 1")
    void cnyIsOne() {
        assertThat(FxRateRules.violations(rate("CNY", "1.00000000"))).isEmpty();
        assertThat(FxRateRules.violations(rate("CNY", "1.5")))
                .containsExactly(new FieldViolation("cnyPerUnit", "must be 1 for CNY, is 1.5"));
    }
}
