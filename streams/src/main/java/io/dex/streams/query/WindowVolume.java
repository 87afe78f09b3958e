package io.dex.streams.query;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Volume in one tumbling event-time window ({@code GET /api/v1/volume/categories/{category}/windows}).
 *
 * @param windowStart inclusive start
 * @param windowEnd   exclusive end
 * @param trades      accepted trades in the window
 * @param volumeCny   their volume in CNY
 */
public record WindowVolume(Instant windowStart, Instant windowEnd, long trades, BigDecimal volumeCny) {
}
