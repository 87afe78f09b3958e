package io.dex.streams.trade;

import io.dex.rules.EventTimeLimits;
import io.dex.rules.FieldViolation;
import io.dex.rules.TradeRules;
import io.dex.schema.ProductState;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradeEvent;
import io.dex.streams.deadletter.Rejection;
import io.dex.streams.input.RecordKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The trade validation rules of SPEC "semantics", in their order; the first failing rule gives the
 * reason: MALFORMED, UNKNOWN_PRODUCT, PRODUCT_NOT_LISTED, SELLER_MISMATCH, SELF_TRADE,
 * UNKNOWN_CURRENCY, DUPLICATE_TRANSACTION. Product state and rates are those as of processing.
 */
public final class TradeValidator {

    private TradeValidator() {
    }

    /**
     * Judges {@code trade}, read under record key {@code key}.
     *
     * @param receivedAt when the trade reached the exchange (its append to {@code exchange.trades}),
     *                   null when unknown
     * @param product    the product's state now, null when never seen
     * @param rates      the rates that have arrived
     * @param isAccepted whether a trade with the same productId and transactionId was accepted
     */
    public static Verdict validate(String key, TradeEvent trade, Instant receivedAt, ProductState product, FxRates rates,
                                   Predicate<TradeEvent> isAccepted) {
        List<FieldViolation> violations = new ArrayList<>(RecordKeys.violations(key, "productId", trade.getProductId()));
        violations.addAll(TradeRules.violations(trade));
        if (trade.getOccurredAt() != null && trade.getOccurredAt().toEpochMilli() < 0) {
            // Kafka timestamps, and with them windows and retention, start at the epoch.
            violations.add(new FieldViolation("occurredAt", "must not be before 1970-01-01T00:00:00Z"));
        }
        if (receivedAt != null) {
            EventTimeLimits.aheadOf("occurredAt", trade.getOccurredAt(), receivedAt, "the trade reached the exchange")
                    .ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            return new Invalid(Rejection.malformed(violations));
        }
        if (product == null) {
            return refuse(RejectionReason.UNKNOWN_PRODUCT, "product " + trade.getProductId() + " was never listed");
        }
        if (!product.getListed()) {
            return refuse(RejectionReason.PRODUCT_NOT_LISTED, "product " + trade.getProductId() + " is delisted");
        }
        if (!trade.getSellerId().equals(product.getProviderId())) {
            return refuse(RejectionReason.SELLER_MISMATCH, "seller " + trade.getSellerId()
                    + " is not the provider of product " + trade.getProductId() + ", " + product.getProviderId());
        }
        if (trade.getBuyerId().equals(trade.getSellerId())) {
            return refuse(RejectionReason.SELF_TRADE, "buyer and seller are both " + trade.getSellerId());
        }
        Optional<BigDecimal> rate = rates.cnyPerUnit(trade.getCurrency());
        if (rate.isEmpty()) {
            return refuse(RejectionReason.UNKNOWN_CURRENCY, "no FX rate has arrived for " + trade.getCurrency());
        }
        if (isAccepted.test(trade)) {
            return refuse(RejectionReason.DUPLICATE_TRANSACTION, "transaction " + trade.getTransactionId()
                    + " of product " + trade.getProductId() + " was already accepted");
        }
        return new Valid(product, FxRates.volumeCny(trade.getAmount(), rate.get()));
    }

    private static Verdict refuse(RejectionReason reason, String detail) {
        return new Invalid(new Rejection(reason, detail));
    }

    /** The judgement of a trade. */
    public sealed interface Verdict permits Valid, Invalid {
    }

    /**
     * The trade passes every rule.
     *
     * @param product   the product's state as of the trade
     * @param volumeCny the trade's volume in CNY
     */
    public record Valid(ProductState product, BigDecimal volumeCny) implements Verdict {
    }

    /**
     * The trade breaks a rule.
     *
     * @param rejection the first rule it breaks
     */
    public record Invalid(Rejection rejection) implements Verdict {
    }
}
