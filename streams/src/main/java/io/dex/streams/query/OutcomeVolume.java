package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * Classified cross-border trades with one compliance outcome.
 *
 * @param trades    trades with the outcome
 * @param volumeCny their volume in CNY (for BLOCKED, what it would have been)
 */
public record OutcomeVolume(long trades, BigDecimal volumeCny) {
}
