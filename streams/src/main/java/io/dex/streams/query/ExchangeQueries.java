package io.dex.streams.query;

import io.dex.schema.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every question operators ask of the live aggregates, answered for the whole exchange whichever
 * instance is asked. Methods throw {@link UnknownIdException} for ids never seen and
 * {@link StoreUnavailableException} while the stores they need cannot be read.
 */
public interface ExchangeQueries {

    /** The headline figures. */
    ExchangeSummary summary();

    /** Listed products in total and per group. */
    ProductCounts productCounts();

    /** Products one member lists now. */
    ProviderListings providerListings(String memberId);

    /** Running volume of every category with trades. */
    List<CategoryVolume> categoryVolumes();

    /** Closed and open windows of a category whose start is in {@code [from, to)}, oldest first. */
    List<WindowVolume> categoryWindows(Category category, Instant from, Instant to);

    /** Windows of all categories together whose start is in {@code [from, to)}, oldest first. */
    List<WindowVolume> exchangeWindows(Instant from, Instant to);

    /** Trading days in {@code [from, to)}, oldest first. */
    List<TradingDay> tradingDays(LocalDate from, LocalDate to);

    /** Running volume of one product. */
    ProductVolume productVolume(String productId);

    /** The {@code n} products with the highest volume, overall or within one category. */
    List<TopProduct> topProducts(int n, Optional<Category> category);

    /** A member's sales and purchases. */
    MemberTrading memberTrading(String memberId);

    /** Running volume per buyer jurisdiction with trades. */
    List<JurisdictionVolume> jurisdictionVolumes();

    /** Trades and volume per compliance outcome. */
    ComplianceOverview compliance();

    /** A seller's sums in {@code year}, or in the year of its latest classified trade when empty. */
    SellerCompliance sellerCompliance(String memberId, Optional<Integer> year);

    /** Dead letters per reason code, reasons without dead letters left out. */
    Map<String, Long> deadLettersByReason();
}
