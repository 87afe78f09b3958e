package io.dex.streams.live;

import io.dex.streams.query.CategoryVolume;
import io.dex.streams.query.ComplianceOverview;
import io.dex.streams.query.ExchangeQueries;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.JurisdictionVolume;
import io.dex.streams.query.ProductCounts;
import io.dex.streams.query.TopProduct;
import io.dex.streams.query.WindowVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the operators' dashboard shows, taken at one moment: the body of each
 * {@code snapshot} event of {@code GET /api/v1/live}.
 *
 * @param summary             the headline figures
 * @param productCounts       listed products per group
 * @param categories          running volume per category
 * @param topProducts         the overall ranking
 * @param recentWindows       exchange-wide volume per event-time window of the recent past
 * @param jurisdictions       running volume per buyer jurisdiction
 * @param deadLettersByReason dead letters per reason
 * @param compliance          trades and volume per compliance outcome
 */
public record LiveSnapshot(ExchangeSummary summary, ProductCounts productCounts, List<CategoryVolume> categories,
                           List<TopProduct> topProducts, List<WindowVolume> recentWindows,
                           List<JurisdictionVolume> jurisdictions, Map<String, Long> deadLettersByReason,
                           ComplianceOverview compliance) {

    /** How far back the recent windows reach. */
    public static final Duration RECENT = Duration.ofMinutes(30);

    /** Takes a snapshot of {@code queries}; the recent windows are those starting in the 30 minutes before {@code now}. */
    public static LiveSnapshot take(ExchangeQueries queries, Instant now) {
        return new LiveSnapshot(queries.summary(), queries.productCounts(), queries.categoryVolumes(),
                queries.topProducts(10, Optional.empty()),
                queries.exchangeWindows(now.minus(RECENT), now.plusSeconds(1)),
                queries.jurisdictionVolumes(), queries.deadLettersByReason(), queries.compliance());
    }
}
