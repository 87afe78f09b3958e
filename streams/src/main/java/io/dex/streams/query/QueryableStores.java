package io.dex.streams.query;

import io.dex.schema.ComplianceVolume;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.ProductState;
import io.dex.schema.ProductVolumes;
import io.dex.schema.SellerComplianceHistory;
import io.dex.schema.TopProducts;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import io.dex.streams.ExchangeStores;
import java.util.List;
import java.util.Optional;

/**
 * The topology's stores the queries read (names from {@link ExchangeStores}), with how their values
 * travel between instances, and the keys the queries look up in them.
 */
public final class QueryableStores implements StoreCatalog {

    /** Key of the exchange-wide volume. */
    public static final String EXCHANGE_KEY = "exchange";

    /** Key of the total product count. */
    public static final String TOTAL_KEY = "total";

    /** Key of the overall ranking. */
    public static final String ALL_SCOPE = "ALL";

    /** Dimension of product counts per category. */
    public static final String CATEGORY_DIMENSION = "category";

    /** Dimension of product counts per delivery mode. */
    public static final String DELIVERY_MODE_DIMENSION = "deliveryMode";

    /** Dimension of product counts per classification. */
    public static final String CLASSIFICATION_DIMENSION = "classification";

    /** Product state by productId. */
    public static final StoreDescriptor<ProductState> PRODUCTS = avro(ExchangeStores.PRODUCTS, ProductState.class);

    /** Listed products by {@code dimension/group}, and under {@link #TOTAL_KEY}. */
    public static final StoreDescriptor<ProductCount> PRODUCT_COUNTS = avro(ExchangeStores.PRODUCT_COUNTS, ProductCount.class);

    /** Running volume of the whole exchange under {@link #EXCHANGE_KEY}. */
    public static final StoreDescriptor<TradingVolume> EXCHANGE_VOLUME = avro(ExchangeStores.EXCHANGE_VOLUME, TradingVolume.class);

    /** Running volume by category. */
    public static final StoreDescriptor<TradingVolume> CATEGORY_VOLUMES = avro(ExchangeStores.CATEGORY_VOLUMES, TradingVolume.class);

    /** Running volume by productId, in total and per category it traded under. */
    public static final StoreDescriptor<ProductVolumes> PRODUCT_VOLUMES = avro(ExchangeStores.PRODUCT_VOLUMES, ProductVolumes.class);

    /** Running sales and purchases by memberId. */
    public static final StoreDescriptor<MemberVolume> MEMBER_VOLUMES = avro(ExchangeStores.MEMBER_VOLUMES, MemberVolume.class);

    /** Running volume by buyer jurisdiction. */
    public static final StoreDescriptor<TradingVolume> JURISDICTION_VOLUMES = avro(ExchangeStores.JURISDICTION_VOLUMES, TradingVolume.class);

    /** Window store of volume by category. */
    public static final StoreDescriptor<WindowedVolume> CATEGORY_WINDOWS = avro(ExchangeStores.CATEGORY_WINDOWS, WindowedVolume.class);

    /** Volume by ISO date of the trading day. */
    public static final StoreDescriptor<TradingDayVolume> TRADING_DAYS = avro(ExchangeStores.TRADING_DAYS, TradingDayVolume.class);

    /** Rankings by {@link #ALL_SCOPE} or category. */
    public static final StoreDescriptor<TopProducts> TOP_PRODUCTS = avro(ExchangeStores.TOP_PRODUCTS, TopProducts.class);

    /** Dead letters by reason. */
    public static final StoreDescriptor<DeadLetterCount> DEAD_LETTER_COUNTS = avro(ExchangeStores.DEAD_LETTER_COUNTS, DeadLetterCount.class);

    /** Classified trades by outcome. */
    public static final StoreDescriptor<ComplianceVolume> COMPLIANCE_OUTCOMES = avro(ExchangeStores.COMPLIANCE_OUTCOMES, ComplianceVolume.class);

    /** Each seller's sums per year, by memberId. */
    public static final StoreDescriptor<SellerComplianceHistory> SELLER_COMPLIANCE =
            avro(ExchangeStores.SELLER_COMPLIANCE, SellerComplianceHistory.class);

    private static final List<StoreDescriptor<?>> ALL = List.of(PRODUCTS, PRODUCT_COUNTS, EXCHANGE_VOLUME,
            CATEGORY_VOLUMES, PRODUCT_VOLUMES, MEMBER_VOLUMES, JURISDICTION_VOLUMES, CATEGORY_WINDOWS, TRADING_DAYS,
            TOP_PRODUCTS, DEAD_LETTER_COUNTS, COMPLIANCE_OUTCOMES, SELLER_COMPLIANCE);

    /** Key of a provider's product count. */
    public static String providerKey(String memberId) {
        return "provider/" + memberId;
    }

    @Override
    public Optional<StoreDescriptor<?>> byName(String name) {
        return ALL.stream().filter(store -> store.name().equals(name)).findFirst();
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> StoreDescriptor<V> avro(String name, Class<V> type) {
        return new StoreDescriptor<>(name, StoreValueCodec.avro(type));
    }
}
