package io.dex.rules;

import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The field rules of a {@link TradeEvent} that need no exchange state (SPEC "events"). A trade that
 * breaks one is {@code MALFORMED}. Rules that need state (unknown or delisted product, seller
 * mismatch, currency without rate, duplicates) and {@code SELF_TRADE}, which has its own reason code,
 * are the topology's.
 */
public final class TradeRules {

    /** Amounts are below 10^12. */
    public static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(12);

    private TradeRules() {
    }

    /** Every broken rule of {@code trade}, in schema field order; empty when the trade is well-formed. */
    public static List<FieldViolation> violations(TradeEvent trade) {
        FieldChecks checks = new FieldChecks();
        checks.id("transactionId", trade.getTransactionId());
        checks.id("productId", trade.getProductId());
        checks.id("sellerId", trade.getSellerId());
        checks.id("buyerId", trade.getBuyerId());
        if (checks.required("buyerJurisdiction", trade.getBuyerJurisdiction())) {
            checks.country("buyerJurisdiction", trade.getBuyerJurisdiction());
        }
        if (checks.required("amount", trade.getAmount())) {
            checks.positiveDecimal("amount", trade.getAmount(), ExchangeDecimals.MONEY_SCALE, AMOUNT_LIMIT);
        }
        if (checks.required("currency", trade.getCurrency())) {
            checks.currency("currency", trade.getCurrency());
        }
        checks.required("occurredAt", trade.getOccurredAt());
        return checks.toList();
    }
}
