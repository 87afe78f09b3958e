package io.dex.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The decimal formats of the exchange: money (amounts, list prices) has scale 4, FX rates scale 8,
 * both with Avro precision 20. Avro refuses a BigDecimal whose scale differs from the schema's, so
 * values are brought to the schema's scale exactly, never rounded.
 */
public final class ExchangeDecimals {

    /** Scale of amounts and list prices. */
    public static final int MONEY_SCALE = 4;

    /** Scale of {@code FxRate.cnyPerUnit}. */
    public static final int FX_RATE_SCALE = 8;

    /** Precision of every decimal of the exchange's schemas. */
    public static final int PRECISION = 20;

    private ExchangeDecimals() {
    }

    /**
     * The number of significant fraction digits of {@code value}: 1.50 has 1, 1.00000 has 0, 100 has 0.
     * Trailing zeros do not count because dropping them loses nothing.
     */
    public static int fractionDigits(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /**
     * {@code value} with exactly {@code scale} fraction digits.
     *
     * @throws ArithmeticException when that would need rounding
     */
    public static BigDecimal exactly(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** {@code value} at the money scale (4), exactly. */
    public static BigDecimal money(BigDecimal value) {
        return exactly(value, MONEY_SCALE);
    }

    /** {@code value} at the FX-rate scale (8), exactly. */
    public static BigDecimal fxRate(BigDecimal value) {
        return exactly(value, FX_RATE_SCALE);
    }

    /** The exclusive upper bound of a value with {@code scale} fraction digits at the schemas' precision. */
    static BigDecimal capacity(int scale) {
        return BigDecimal.TEN.pow(PRECISION - scale);
    }
}
