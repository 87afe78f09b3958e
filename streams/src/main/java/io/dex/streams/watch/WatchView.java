package io.dex.streams.watch;

import io.dex.streams.query.CategoryVolume;
import io.dex.streams.query.ComplianceOverview;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.TopProduct;
import java.util.List;

/**
 * The figures one refresh of {@code dex watch} shows.
 *
 * @param summary     the headline figures
 * @param categories  running volume per category
 * @param topProducts the overall ranking
 * @param compliance  trades and volume per compliance outcome
 */
public record WatchView(ExchangeSummary summary, List<CategoryVolume> categories, List<TopProduct> topProducts,
                        ComplianceOverview compliance) {
}
