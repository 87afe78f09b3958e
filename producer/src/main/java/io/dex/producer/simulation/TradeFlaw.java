package io.dex.producer.simulation;

/** Why the exchange must reject a simulated trade (the simulator's share of bad input), or NONE. */
public enum TradeFlaw {
    /** A sound event. */
    NONE(false),
    /** Buyer and seller are the same member: SELF_TRADE. */
    SELF_TRADE(false),
    /** A product never listed: UNKNOWN_PRODUCT. */
    UNKNOWN_PRODUCT(false),
    /** A product delisted earlier: PRODUCT_NOT_LISTED. */
    DELISTED_PRODUCT(false),
    /** A seller other than the product's provider: SELLER_MISMATCH. */
    WRONG_SELLER(false),
    /** A currency without FX rate: UNKNOWN_CURRENCY. */
    CURRENCY_WITHOUT_RATE(false),
    /** A trade sent again with the same transaction id: DUPLICATE_TRANSACTION. */
    DUPLICATE(false),
    /** An amount of zero or below: MALFORMED. */
    MALFORMED_AMOUNT(true);

    private final boolean malformed;

    TradeFlaw(boolean malformed) {
        this.malformed = malformed;
    }

    /** Whether the event breaks a field rule (and so must bypass client-side validation). */
    public boolean malformed() {
        return malformed;
    }
}
