package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * One place in a top-products ranking ({@code GET /api/v1/volume/products/top}).
 *
 * @param productId the product
 * @param volumeCny its running volume in CNY within the ranking's scope
 * @param trades    its accepted trades within that scope
 */
public record TopProduct(String productId, BigDecimal volumeCny, long trades) {
}
