package io.dex.producer.simulation;

/**
 * The shape of a simulated market.
 *
 * @param members            member companies (at least 3); about a fifth are foreign buyers when trades
 *                           cross borders, the rest are domestic providers and buyers
 * @param products           data products in the catalogue (at least 20)
 * @param seed               the seed of everything that happens in the market after the catalogue
 * @param crossBorderShare   share of trades bought from abroad, 0-1
 * @param invalidShare       share of trades that the exchange must reject (self trades, unknown products,
 *                           wrong sellers, duplicates, unknown currencies, malformed amounts...), 0-1
 */
public record SimulationSettings(int members, int products, long seed, double crossBorderShare, double invalidShare) {

    /** Validates the settings. */
    public SimulationSettings {
        if (members < 3) {
            throw new IllegalArgumentException("members must be at least 3, got " + members);
        }
        if (products < MarketCatalogue.SHOWCASE_PRODUCTS) {
            throw new IllegalArgumentException("products must be at least " + MarketCatalogue.SHOWCASE_PRODUCTS
                    + ", got " + products);
        }
        requireShare("crossBorderShare", crossBorderShare);
        requireShare("invalidShare", invalidShare);
    }

    /** The exchange's target market (100 members, 5,000 products) with the given seed. */
    public static SimulationSettings standard(long seed) {
        return new SimulationSettings(100, 5000, seed, 0.2, 0.001);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + share);
        }
    }
}
