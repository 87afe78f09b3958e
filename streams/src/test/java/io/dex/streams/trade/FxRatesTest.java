package io.dex.streams.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("FX rates and volumeCny")
class FxRatesTest {

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @DisplayName("volumeCny is rounded HALF_EVEN to 4 decimals")
    @CsvSource({
            // Exact halves go to the even neighbour.
            "0.0005, 0.50000000, 0.0002",
            "0.0015, 0.50000000, 0.0008",
            "0.0025, 0.50000000, 0.0012",
            // Anything beyond a half goes up, below goes down.
            "0.0025, 0.50000001, 0.0013",
            "0.0025, 0.49999999, 0.0012",
            "1200.5000, 7.12345678, 8551.7099",
            "999999999999.9999, 1.00000000, 999999999999.9999"
    })
    void halfEven(String amount, String rate, String expected) {
        BigDecimal volume = FxRates.volumeCny(new BigDecimal(amount), new BigDecimal(rate));
        assertThat(volume).isEqualTo(new BigDecimal(expected));
        assertThat(volume.scale()).isEqualTo(4);
    }

    @Test
    @DisplayName("the latest rate applies; CNY is always 1, whatever a rate says")
    void latestRate() {
        Map<String, BigDecimal> latest = new HashMap<>();
        FxRates rates = latest::get;
        assertThat(rates.cnyPerUnit("USD")).isEmpty();
        latest.put("USD", new BigDecimal("7.2"));
        latest.put("CNY", new BigDecimal("2"));
        assertThat(rates.cnyPerUnit("USD")).contains(new BigDecimal("7.2"));
        assertThat(rates.cnyPerUnit("CNY")).contains(BigDecimal.ONE);
    }
}
