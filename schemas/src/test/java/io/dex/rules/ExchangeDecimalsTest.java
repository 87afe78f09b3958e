package io.dex.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ExchangeDecimals")
class ExchangeDecimalsTest {

    @Test
    @DisplayName("fraction digits ignore trailing zeros and integers have none")
    void fractionDigits() {
        assertThat(ExchangeDecimals.fractionDigits(new BigDecimal("1.50"))).isEqualTo(1);
        assertThat(ExchangeDecimals.fractionDigits(new BigDecimal("1.00000"))).isZero();
        assertThat(ExchangeDecimals.fractionDigits(new BigDecimal("100"))).isZero();
        assertThat(ExchangeDecimals.fractionDigits(new BigDecimal("1E+3"))).isZero();
        assertThat(ExchangeDecimals.fractionDigits(new BigDecimal("0.00012"))).isEqualTo(5);
    }

    @Test
    @DisplayName("money gets scale 4 exactly, never by rounding")
    void money() {
        assertThat(ExchangeDecimals.money(new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.5000"));
        assertThat(ExchangeDecimals.money(new BigDecimal("7.000000"))).isEqualTo(new BigDecimal("7.0000"));
        assertThatThrownBy(() -> ExchangeDecimals.money(new BigDecimal("0.00001")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    @DisplayName("FX rates get scale 8 exactly")
    void fxRate() {
        assertThat(ExchangeDecimals.fxRate(new BigDecimal("7.1"))).isEqualTo(new BigDecimal("7.10000000"));
        assertThatThrownBy(() -> ExchangeDecimals.fxRate(new BigDecimal("0.000000001")))
                .isInstanceOf(ArithmeticException.class);
    }
}
