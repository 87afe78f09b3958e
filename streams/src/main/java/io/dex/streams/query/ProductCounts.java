package io.dex.streams.query;

import java.util.Map;

/**
 * Listed products in total and per group ({@code GET /api/v1/product-counts}); groups without a
 * listed product are left out.
 *
 * @param total            products listed now
 * @param byCategory       listed products per category
 * @param byDeliveryMode   listed products per delivery mode
 * @param byClassification listed products per Lingang data level
 */
public record ProductCounts(long total, Map<String, Long> byCategory, Map<String, Long> byDeliveryMode,
                            Map<String, Long> byClassification) {
}
