package io.dex.rules;

import io.dex.schema.FxRate;
import java.math.BigDecimal;
import java.util.List;

/** The field rules of an {@link FxRate} (SPEC "events"). CNY, the exchange's currency, always has rate 1. */
public final class FxRateRules {

    /** The exchange's own currency, whose rate is always 1. */
    public static final String CNY = "CNY";

    private FxRateRules() {
    }

    /** Every broken rule of {@code rate}, in schema field order; empty when the rate is well-formed. */
    public static List<FieldViolation> violations(FxRate rate) {
        FieldChecks checks = new FieldChecks();
        if (checks.required("currency", rate.getCurrency())) {
            checks.currency("currency", rate.getCurrency());
        }
        BigDecimal cnyPerUnit = rate.getCnyPerUnit();
        if (checks.required("cnyPerUnit", cnyPerUnit)
                && checks.positiveDecimal("cnyPerUnit", cnyPerUnit, ExchangeDecimals.FX_RATE_SCALE,
                        ExchangeDecimals.capacity(ExchangeDecimals.FX_RATE_SCALE))
                && CNY.equals(rate.getCurrency()) && cnyPerUnit.compareTo(BigDecimal.ONE) != 0) {
            checks.add("cnyPerUnit", "must be 1 for CNY, is " + cnyPerUnit.toPlainString());
        }
        checks.required("effectiveAt", rate.getEffectiveAt());
        return checks.toList();
    }
}
