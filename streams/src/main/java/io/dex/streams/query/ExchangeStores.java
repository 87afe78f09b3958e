package io.dex.streams.query;

import io.dex.schema.ComplianceVolume;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.SellerComplianceYear;
import io.dex.schema.TopProducts;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import java.util.List;
import java.util.Optional;

/**
 * The topology's queryable stores and the keys the queries read from them (the keys of the
 * matching {@code exchange.agg.*} topics).
 *
 * @param products           product state by productId
 * @param productCounts      listed products by {@code dimension/group}, and {@code total}
 * @param exchangeVolume     running volume of the whole exchange under {@link #EXCHANGE_KEY}
 * @param categoryVolume     running volume by category
 * @param productVolume      running volume by productId
 * @param memberVolume       running sales and purchases by memberId
 * @param jurisdictionVolume running volume by buyer jurisdiction
 * @param categoryWindows    window store of volume by category
 * @param tradingDays        volume by ISO date of the trading day
 * @param topProducts        rankings by {@link #ALL_SCOPE} or category
 * @param deadLetterCounts   dead letters by reason
 * @param complianceVolume   classified trades by outcome
 * @param sellerCompliance   year-to-date sums by {@code memberId/year}
 */
public record ExchangeStores(
        StoreDescriptor<?> products,
        StoreDescriptor<ProductCount> productCounts,
        StoreDescriptor<TradingVolume> exchangeVolume,
        StoreDescriptor<TradingVolume> categoryVolume,
        StoreDescriptor<TradingVolume> productVolume,
        StoreDescriptor<MemberVolume> memberVolume,
        StoreDescriptor<TradingVolume> jurisdictionVolume,
        StoreDescriptor<WindowedVolume> categoryWindows,
        StoreDescriptor<TradingDayVolume> tradingDays,
        StoreDescriptor<TopProducts> topProducts,
        StoreDescriptor<DeadLetterCount> deadLetterCounts,
        StoreDescriptor<ComplianceVolume> complianceVolume,
        StoreDescriptor<SellerComplianceYear> sellerCompliance) implements StoreCatalog {

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

    /** Dimension of product counts per provider. */
    public static final String PROVIDER_DIMENSION = "provider";

    /** Key of a provider's product count. */
    public static String providerKey(String memberId) {
        return PROVIDER_DIMENSION + "/" + memberId;
    }

    /** Key of a seller's sums in one year. */
    public static String sellerYearKey(String memberId, int year) {
        return memberId + "/" + year;
    }

    /** Every store. */
    public List<StoreDescriptor<?>> all() {
        return List.of(products, productCounts, exchangeVolume, categoryVolume, productVolume, memberVolume,
                jurisdictionVolume, categoryWindows, tradingDays, topProducts, deadLetterCounts, complianceVolume,
                sellerCompliance);
    }

    @Override
    public Optional<StoreDescriptor<?>> byName(String name) {
        return all().stream().filter(store -> store.name().equals(name)).findFirst();
    }
}
