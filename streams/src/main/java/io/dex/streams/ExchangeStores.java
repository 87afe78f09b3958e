package io.dex.streams;

/**
 * Names of the topology's state stores, defined once. Every store has String keys and is
 * changelogged. The queryable ones answer SPEC "interfaces": each is partitioned by its own key with
 * Kafka's default partitioner, so {@code KafkaStreams#queryMetadataForKey(store, key, new StringSerializer())}
 * finds the instance that holds a key, and reading every partition gives all of a store's entries.
 */
public final class ExchangeStores {

    /** Key productId: {@code ProductState}, the product as of its latest accepted event (listed or not). */
    public static final String PRODUCTS = "products";

    /**
     * Key productId: {@code ProductVolumes}, the product's running volume ({@code getTotal()}, a
     * {@code TradingVolume} with scope = productId) and its figures within each category it traded under.
     */
    public static final String PRODUCT_VOLUMES = "product-volumes";

    /** Key memberId: {@code SellerComplianceHistory}, the seller's sums for each year with a classified trade, oldest first. */
    public static final String SELLER_COMPLIANCE = "compliance-sellers";

    /** Key {@code exchange}: {@code TradingVolume} of the whole exchange. */
    public static final String EXCHANGE_VOLUME = "volume-exchange";

    /** Key category: {@code TradingVolume} of the category (categories with trades only). */
    public static final String CATEGORY_VOLUMES = "volume-categories";

    /** Key buyer jurisdiction: {@code TradingVolume} of trades to buyers there. */
    public static final String JURISDICTION_VOLUMES = "volume-jurisdictions";

    /** Key memberId: {@code MemberVolume}, sales and purchases of the member (members with trades only). */
    public static final String MEMBER_VOLUMES = "volume-members";

    /** Window store, key category, windows by start: {@code WindowedVolume} of the category in each tumbling window. */
    public static final String CATEGORY_WINDOWS = "volume-category-windows";

    /** Key ISO date (YYYY-MM-DD, exchange time zone): {@code TradingDayVolume}. */
    public static final String TRADING_DAYS = "volume-trading-days";

    /**
     * Key {@code total} or {@code dimension/group} ({@code category/FINANCE}, {@code deliveryMode/API},
     * {@code classification/CORE}, {@code provider/<memberId>}): {@code ProductCount}. A group whose
     * products all left keeps its entry with 0.
     */
    public static final String PRODUCT_COUNTS = "product-counts";

    /** Key reason code: {@code DeadLetterCount} (reasons with dead letters only). */
    public static final String DEAD_LETTER_COUNTS = "dead-letter-counts";

    /** Key outcome: {@code ComplianceVolume} (outcomes with trades only). */
    public static final String COMPLIANCE_OUTCOMES = "compliance-outcomes";

    /** Key {@code ALL} or a category: {@code TopProducts}, the 10 best products, highest volume first. */
    public static final String TOP_PRODUCTS = "top-products";

    /**
     * Internal, global (every instance holds all of it, filled from {@code exchange.fx-rates} before
     * processing starts): key currency, the CNY per unit of its latest valid {@code FxRate} as a plain
     * decimal string; key {@code rejected/<partition>/<offset>}, the serialized dead letter of a
     * refused rate record.
     */
    public static final String FX_RATES = "fx-rates";

    /** Internal: key {@code rejected/<partition>/<offset>}, when the market sent that FX dead letter. */
    public static final String FX_DEAD_LETTERS_SENT = "fx-dead-letters-sent";

    /** Internal window store: key productId/transactionId of accepted trades, windows by occurredAt. */
    public static final String ACCEPTED_TRADES = "accepted-trades";

    /** Internal: changes the product-keyed side has not yet flushed to the roll-up, and its event time. */
    public static final String MARKET_PENDING = "market-pending";

    /** Internal: changes the seller-keyed side has not yet flushed to the roll-up. */
    public static final String SELLER_PENDING = "seller-pending";

    /** Internal: key scope, each input partition's top products ({@code RankingCandidates}). */
    public static final String RANKING_CANDIDATES = "ranking-candidates";

    /** Internal: the roll-up's event time, the latest of every input partition's. */
    public static final String ROLLUP_CLOCK = "rollup-clock";

    /** Internal: roll-up groups changed since they were last published to their aggregate topic. */
    public static final String ROLLUP_UNPUBLISHED = "rollup-unpublished";

    private ExchangeStores() {
    }
}
