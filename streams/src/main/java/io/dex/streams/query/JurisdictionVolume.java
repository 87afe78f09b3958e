package io.dex.streams.query;

import java.math.BigDecimal;

/**
 * Running volume bought from one jurisdiction ({@code GET /api/v1/volume/jurisdictions}).
 *
 * @param jurisdiction ISO 3166-1 alpha-2 code of the buyers
 * @param trades       accepted trades
 * @param volumeCny    their volume in CNY
 */
public record JurisdictionVolume(String jurisdiction, long trades, BigDecimal volumeCny) {
}
