package io.dex.streams.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Volume of one trading day in the exchange time zone ({@code GET /api/v1/volume/daily}).
 *
 * @param day                  the calendar day
 * @param trades               accepted trades of the day
 * @param volumeCny            their volume in CNY
 * @param crossBorderTrades    cross-border trades of the day
 * @param crossBorderVolumeCny their volume in CNY
 */
public record TradingDay(LocalDate day, long trades, BigDecimal volumeCny,
                         long crossBorderTrades, BigDecimal crossBorderVolumeCny) {
}
