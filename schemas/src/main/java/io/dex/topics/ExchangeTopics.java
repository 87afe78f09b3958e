package io.dex.topics;

import io.dex.schema.ComplianceRecord;
import io.dex.schema.ComplianceVolume;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.FxRate;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.SellerComplianceYear;
import io.dex.schema.TopProducts;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import java.util.List;
import java.util.Optional;

/** Every topic of the exchange, defined once. Nobody else spells a topic name. */
public final class ExchangeTopics {

    /** Product lifecycle events, key productId; compacted: the latest state of every product. */
    public static final ExchangeTopic<DataProductEvent> DATA_PRODUCTS = new ExchangeTopic<>(
            "exchange.data-products", DataProductEvent.class, true,
            "Data products listed, updated and delisted by members (key productId)");

    /**
     * Trades, key productId, co-partitioned with {@link #DATA_PRODUCTS}. Stamped on append: the
     * end-to-end latency of SPEC "metrics" starts when the broker appends a trade.
     */
    public static final ExchangeTopic<TradeEvent> TRADES = new ExchangeTopic<>(
            "exchange.trades", TradeEvent.class, false,
            "Trades of data products between members (key productId)").withLogAppendTime();

    /** FX rates to CNY, key currency; compacted: the latest rate per currency. */
    public static final ExchangeTopic<FxRate> FX_RATES = new ExchangeTopic<>(
            "exchange.fx-rates", FxRate.class, true,
            "CNY per unit of each currency (key currency)");

    /** Every rejected or unreadable record, with its reason and original bytes. */
    public static final ExchangeTopic<DeadLetter> DEAD_LETTERS = new ExchangeTopic<>(
            "exchange.dead-letters", DeadLetter.class, false,
            "Rejected and unreadable records with reason, source position and original bytes");

    /** The classification of every accepted cross-border trade. */
    public static final ExchangeTopic<ComplianceRecord> COMPLIANCE = new ExchangeTopic<>(
            "exchange.compliance", ComplianceRecord.class, false,
            "Cross-border trades classified under the CAC 2024 provisions (key transactionId)");

    /** Listed products per group. */
    public static final ExchangeTopic<ProductCount> PRODUCT_COUNTS = aggregate(
            "product-counts", ProductCount.class, "Listed products in total and per category, delivery mode, classification and provider");

    /** Running volume of the whole exchange, key {@code exchange}. */
    public static final ExchangeTopic<TradingVolume> EXCHANGE_VOLUME = aggregate(
            "volume.exchange", TradingVolume.class, "Running trading volume of the whole exchange");

    /** Running volume per category. */
    public static final ExchangeTopic<TradingVolume> CATEGORY_VOLUME = aggregate(
            "volume.categories", TradingVolume.class, "Running trading volume per category");

    /** Running volume per product. */
    public static final ExchangeTopic<TradingVolume> PRODUCT_VOLUME = aggregate(
            "volume.products", TradingVolume.class, "Running trading volume per product");

    /** Running volume per member, as seller and as buyer. */
    public static final ExchangeTopic<MemberVolume> MEMBER_VOLUME = aggregate(
            "volume.members", MemberVolume.class, "Running sales and purchases per member");

    /** Running volume per buyer jurisdiction. */
    public static final ExchangeTopic<TradingVolume> JURISDICTION_VOLUME = aggregate(
            "volume.jurisdictions", TradingVolume.class, "Running trading volume per buyer jurisdiction");

    /** Volume per category and tumbling event-time window. */
    public static final ExchangeTopic<WindowedVolume> CATEGORY_WINDOW_VOLUME = aggregate(
            "volume.category-windows", WindowedVolume.class, "Trading volume per category and event-time window");

    /** Volume per trading day in the exchange time zone. */
    public static final ExchangeTopic<TradingDayVolume> TRADING_DAY_VOLUME = aggregate(
            "volume.trading-days", TradingDayVolume.class, "Trading volume per trading day in the exchange time zone");

    /** Top products overall and per category. */
    public static final ExchangeTopic<TopProducts> TOP_PRODUCTS = aggregate(
            "top-products", TopProducts.class, "The 10 products with the highest running volume, overall and per category");

    /** Dead letters per reason. */
    public static final ExchangeTopic<DeadLetterCount> DEAD_LETTER_COUNTS = aggregate(
            "dead-letter-counts", DeadLetterCount.class, "Dead letters per reason");

    /** Classified cross-border trades per outcome. */
    public static final ExchangeTopic<ComplianceVolume> COMPLIANCE_VOLUME = aggregate(
            "compliance.outcomes", ComplianceVolume.class, "Cross-border trades and volume per compliance outcome");

    /** Each seller's year-to-date personal-information sums. */
    public static final ExchangeTopic<SellerComplianceYear> SELLER_COMPLIANCE = aggregate(
            "compliance.sellers", SellerComplianceYear.class, "Each seller's year-to-date cross-border personal-information sums");

    /** Every topic, inputs first. */
    public static final List<ExchangeTopic<?>> ALL = List.of(
            DATA_PRODUCTS, TRADES, FX_RATES, DEAD_LETTERS, COMPLIANCE,
            PRODUCT_COUNTS, EXCHANGE_VOLUME, CATEGORY_VOLUME, PRODUCT_VOLUME, MEMBER_VOLUME,
            JURISDICTION_VOLUME, CATEGORY_WINDOW_VOLUME, TRADING_DAY_VOLUME, TOP_PRODUCTS,
            DEAD_LETTER_COUNTS, COMPLIANCE_VOLUME, SELLER_COMPLIANCE);

    private ExchangeTopics() {
    }

    /** The topic with the given name, if it is one of the exchange's. */
    public static Optional<ExchangeTopic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> ExchangeTopic<V> aggregate(
            String suffix, Class<V> valueType, String description) {
        return new ExchangeTopic<>("exchange.agg." + suffix, valueType, true, description);
    }
}
