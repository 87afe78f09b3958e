package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * The headline figures of the exchange ({@code GET /api/v1/summary}).
 *
 * @param listedProducts       products listed now
 * @param trades               accepted trades since the beginning of the trades topic
 * @param volumeCny            their volume in CNY
 * @param crossBorderTrades    accepted trades whose buyer is outside CN
 * @param crossBorderVolumeCny their volume in CNY
 * @param deadLetters          dead letters of every reason
 */
public record ExchangeSummary(long listedProducts, long trades, BigDecimal volumeCny,
                              long crossBorderTrades, BigDecimal crossBorderVolumeCny, long deadLetters) {
}
