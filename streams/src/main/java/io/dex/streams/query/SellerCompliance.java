package io.dex.streams.query;

/**
 * A seller's year-to-date personal-information sums over its cross-border trades
 * ({@code GET /api/v1/compliance/sellers/{memberId}}).
 *
 * @param memberId            the seller
 * @param year                calendar year in the exchange time zone
 * @param piSubjects          persons of products without sensitive personal information
 * @param sensitivePiSubjects persons of products with sensitive personal information
 */
public record SellerCompliance(String memberId, int year, long piSubjects, long sensitivePiSubjects) {
}
