package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * Running volume of one category ({@code GET /api/v1/volume/categories}).
 *
 * @param category             the category trades counted under at the time of each trade
 * @param trades               accepted trades
 * @param volumeCny            their volume in CNY
 * @param crossBorderTrades    cross-border trades among them
 * @param crossBorderVolumeCny their volume in CNY
 */
public record CategoryVolume(String category, long trades, BigDecimal volumeCny,
                             long crossBorderTrades, BigDecimal crossBorderVolumeCny) {
}
