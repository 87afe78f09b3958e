package io.dex.streams.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The latest CNY rate of each currency, in arrival order (SPEC: a rate applies to trades processed
 * after it arrives; effectiveAt is informational). CNY always has rate 1, whatever a rate record says.
 */
@FunctionalInterface
public interface FxRates {

    /** The exchange's currency. */
    String CNY = "CNY";

    /** The latest CNY per unit that arrived for {@code currency}, null when none has. */
    BigDecimal latest(String currency);

    /** CNY per unit of {@code currency}, if a rate has arrived; 1 for CNY. */
    default Optional<BigDecimal> cnyPerUnit(String currency) {
        return CNY.equals(currency) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(latest(currency));
    }

    /** volumeCny of {@code amount} at {@code cnyPerUnit}: the exact product rounded HALF_EVEN to scale 4. */
    static BigDecimal volumeCny(BigDecimal amount, BigDecimal cnyPerUnit) {
        return amount.multiply(cnyPerUnit).setScale(4, RoundingMode.HALF_EVEN);
    }
}
