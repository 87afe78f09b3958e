package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * Running volume of one product ({@code GET /api/v1/volume/products/{productId}}).
 *
 * @param productId the product
 * @param trades    its accepted trades
 * @param volumeCny their volume in CNY
 */
public record ProductVolume(String productId, long trades, BigDecimal volumeCny) {
}
