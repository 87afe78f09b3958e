package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DeadLetter;
import io.dex.schema.FxRate;
import io.dex.schema.RejectionReason;
import io.dex.schema.ProductVolumes;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FX conversion")
class FxConversionTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();

    @BeforeEach
    void product() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
    }

    @AfterEach
    void close() {
        exchange.close();
    }

    private BigDecimal productVolume() {
        return exchange.<ProductVolumes>store(ExchangeStores.PRODUCT_VOLUMES).get("P1").getTotal().getVolumeCny();
    }

    @Test
    @DisplayName("rates apply in arrival order, whatever their effectiveAt")
    void arrivalOrder() {
        exchange.rate(new FxRate("USD", new BigDecimal("7.00000000"), Events.T0.plus(Duration.ofDays(1))));
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "10").setCurrency("USD").build());
        assertThat(productVolume()).isEqualTo(new BigDecimal("70.0000"));
        // Effective earlier than the first, but it arrived later: it is the latest rate.
        exchange.rate(new FxRate("USD", new BigDecimal("8.00000000"), Events.T0.minus(Duration.ofDays(1))));
        exchange.trade(Events.trade("T2", "P1", "M1", "M2", "10").setCurrency("USD").build());
        assertThat(productVolume()).isEqualTo(new BigDecimal("150.0000"));
    }

    @Test
    @DisplayName("volumeCny is amount x rate rounded HALF_EVEN to 4 decimals, and sums are exact")
    void halfEven() {
        exchange.rate(Events.rate("USD", "0.5"));
        String[] amounts = {"0.0005", "0.0015", "0.0025", "0.0035", "1234.5677"};
        BigDecimal expected = BigDecimal.ZERO.setScale(4);
        for (int i = 0; i < amounts.length; i++) {
            exchange.trade(Events.trade("T" + i, "P1", "M1", "M2", amounts[i]).setCurrency("USD").build());
            expected = expected.add(new BigDecimal(amounts[i]).multiply(new BigDecimal("0.5")).setScale(4, RoundingMode.HALF_EVEN));
        }
        // 0.0002 + 0.0008 + 0.0012 + 0.0018 + 617.2838 (half-up would give 0.0003, 0.0008, 0.0013, 0.0018, 617.2839).
        assertThat(expected).isEqualTo(new BigDecimal("617.2878"));
        assertThat(productVolume()).isEqualTo(expected);
    }

    @Test
    @DisplayName("invalid rates are dead-lettered and leave the latest valid rate in force")
    void invalidRates() {
        exchange.rate(Events.rate("USD", "7"));
        exchange.rate(Events.rate("USD", "0"));
        exchange.rate(Events.rate("CNY", "2"));
        byte[] usd = ExchangeTopics.FX_RATES.valueSerde(exchange.registry).serializer()
                .serialize(ExchangeTopics.FX_RATES.name(), Events.rate("USD", "9"));
        exchange.raw(ExchangeTopics.FX_RATES, "EUR".getBytes(StandardCharsets.UTF_8), usd);
        // The market task sends the FX intake's dead letters when it flushes, each once.
        exchange.flush();
        exchange.flush();
        List<DeadLetter> letters = exchange.deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).containsOnly(RejectionReason.MALFORMED).hasSize(3);
        assertThat(letters).extracting(DeadLetter::getSourceTopic).containsOnly(ExchangeTopics.FX_RATES.name());
        assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(1L, 2L, 3L);
        assertThat(letters).extracting(DeadLetter::getDetail).satisfiesExactly(
                detail -> assertThat(detail).startsWith("cnyPerUnit"),
                detail -> assertThat(detail).startsWith("cnyPerUnit").contains("CNY"),
                detail -> assertThat(detail).startsWith("key"));
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "1").setCurrency("USD").build());
        assertThat(productVolume()).isEqualTo(new BigDecimal("7.0000"));
    }
}
