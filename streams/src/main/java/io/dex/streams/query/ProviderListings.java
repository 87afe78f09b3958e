package io.dex.streams.query;

/**
 * How many products one member lists now ({@code GET /api/v1/product-counts/providers/{memberId}}).
 *
 * @param memberId the provider
 * @param listed   its listed products
 */
public record ProviderListings(String memberId, long listed) {
}
