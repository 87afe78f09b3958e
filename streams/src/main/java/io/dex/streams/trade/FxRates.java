package io.dex.streams.trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest CNY rate of each currency, in arrival order (SPEC: a rate applies to trades processed
 * after it arrives; effectiveAt is informational). CNY always has rate 1.
 */
public final class FxRates {

    /** The exchange's currency. */
    public static final String CNY = "CNY";

    private final Map<String, BigDecimal> cnyPerUnit = new HashMap<>();

    /** Records the latest rate of {@code currency}. */
    public void update(String currency, BigDecimal rate) {
        if (!CNY.equals(currency)) {
            cnyPerUnit.put(currency, rate);
        }
    }

    /** CNY per unit of {@code currency}, if a rate has arrived. */
    public Optional<BigDecimal> cnyPerUnit(String currency) {
        return CNY.equals(currency) ? Optional.of(BigDecimal.ONE) : Optional.ofNullable(cnyPerUnit.get(currency));
    }

    /** volumeCny of {@code amount} at {@code cnyPerUnit}: the exact product rounded HALF_EVEN to scale 4. */
    public static BigDecimal volumeCny(BigDecimal amount, BigDecimal cnyPerUnit) {
        return amount.multiply(cnyPerUnit).setScale(4, RoundingMode.HALF_EVEN);
    }
}
