package io.dex.producer.simulation;

import io.dex.rules.ExchangeDecimals;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The members and data products of a simulated market. The catalogue depends only on the number of
 * members and products (not on the run's seed), so simulations with different seeds against the same
 * exchange trade the same products from the same providers.
 *
 * <p>Products are numbered by popularity (index 0 is the most traded). The first
 * {@value #SHOWCASE_PRODUCTS} exercise the compliance rules: two domestic sellers own popular products
 * with personal information (one plain, one sensitive each), so their yearly cross-border sums cross
 * 100,000 and 1,000,000 subjects (and 10,000 sensitive ones) as the simulation runs; some popular
 * products are IMPORTANT data and one is CORE data, whose cross-border trades the exchange blocks.
 */
final class MarketCatalogue {

    /** Products with fixed compliance profiles at the top of the popularity ranking. */
    static final int SHOWCASE_PRODUCTS = 20;

    /** The exchange's currency and the currencies products are priced in, with their opening CNY rates. */
    static final Map<String, BigDecimal> OPENING_RATES = openingRates();

    /** A currency no FX rate is ever published for: trades in it are rejected as UNKNOWN_CURRENCY. */
    static final String CURRENCY_WITHOUT_RATE = "CHF";

    private static final long CATALOGUE_SEED = 0x0DE7_CA7AL;
    private static final List<String> FOREIGN_JURISDICTIONS =
            List.of("US", "DE", "SG", "HK", "JP", "GB", "FR", "KR", "AE", "AU", "NL", "BR");
    private static final List<DeliveryMode> DELIVERY_MODES =
            Arrays.stream(DeliveryMode.values()).filter(mode -> mode != DeliveryMode.UNKNOWN).toList();
    private static final List<String> FOREIGN_CURRENCIES =
            OPENING_RATES.keySet().stream().filter(code -> !code.equals("CNY")).toList();

    private final List<String> domesticMembers = new ArrayList<>();
    private final List<Member> foreignMembers = new ArrayList<>();
    private final List<DataProductEvent> products = new ArrayList<>();

    /**
     * A member company.
     *
     * @param id           its member id
     * @param jurisdiction its ISO 3166-1 country
     */
    record Member(String id, String jurisdiction) {
    }

    MarketCatalogue(int members, int productCount) {
        int foreign = Math.max(1, members / 5);
        String memberFormat = "member-%0" + Math.max(3, digits(members)) + "d";
        for (int i = 1; i <= members; i++) {
            String id = String.format(Locale.ROOT, memberFormat, i);
            if (i <= members - foreign) {
                domesticMembers.add(id);
            } else {
                foreignMembers.add(new Member(id, FOREIGN_JURISDICTIONS.get((i - 1) % FOREIGN_JURISDICTIONS.size())));
            }
        }
        SplittableRandom random = new SplittableRandom(CATALOGUE_SEED);
        ZipfDistribution providers = new ZipfDistribution(domesticMembers.size(), 0.8);
        String productFormat = "prod-%0" + Math.max(5, digits(productCount)) + "d";
        for (int i = 0; i < productCount; i++) {
            DataProductEvent product = randomProduct(random, String.format(Locale.ROOT, productFormat, i + 1),
                    domesticMembers.get(providers.sample(random)));
            showcase(i, product);
            products.add(product);
        }
    }

    /** Domestic members: the providers, and buyers of domestic trades. */
    List<String> domesticMembers() {
        return domesticMembers;
    }

    /** Foreign members: the buyers of cross-border trades. */
    List<Member> foreignMembers() {
        return foreignMembers;
    }

    /** Every product's listing (type LISTED, without eventId and occurredAt), most popular first. */
    List<DataProductEvent> products() {
        return products;
    }

    private DataProductEvent randomProduct(SplittableRandom random, String productId, String providerId) {
        Category category = Category.values()[random.nextInt(Category.values().length)];
        DeliveryMode mode = DELIVERY_MODES.get(random.nextInt(DELIVERY_MODES.size()));
        double level = random.nextDouble();
        Classification classification = level < 0.02 ? Classification.CORE
                : level < 0.08 ? Classification.IMPORTANT : Classification.GENERAL;
        long subjects = 0;
        boolean sensitive = false;
        if (random.nextDouble() < 0.25) {
            sensitive = random.nextDouble() < 0.2;
            subjects = Math.round(StrictMath.pow(10, 1 + random.nextDouble() * (sensitive ? 2 : 3.3)));
        }
        String currency = random.nextDouble() < 0.85 ? "CNY" : FOREIGN_CURRENCIES.get(random.nextInt(FOREIGN_CURRENCIES.size()));
        BigDecimal priceCny = BigDecimal.valueOf(StrictMath.pow(10, 2 + random.nextDouble() * 3.5));
        return DataProductEvent.newBuilder()
                .setEventId("")
                .setEventType(DataProductEventType.LISTED)
                .setProductId(productId)
                .setProviderId(providerId)
                .setName(name(category, mode, productId))
                .setCategory(category)
                .setDeliveryMode(mode)
                .setClassification(classification)
                .setPersonalInfoSubjects(subjects)
                .setSensitivePersonalInfo(sensitive)
                .setListPrice(price(priceCny, currency))
                .setCurrency(currency)
                .setOccurredAt(Instant.EPOCH)
                .build();
    }

    /** Fixed compliance profiles for the most popular products. */
    private void showcase(int index, DataProductEvent product) {
        String sellerA = domesticMembers.get(0);
        String sellerB = domesticMembers.get(1);
        switch (index) {
            case 0 -> profile(product, sellerA, Category.FINANCE, Classification.GENERAL, 5_000, false);
            case 1 -> profile(product, domesticMembers.get(domesticMembers.size() - 1), Category.TRANSPORT_LOGISTICS,
                    Classification.GENERAL, 0, false);
            case 2 -> profile(product, sellerA, Category.HEALTHCARE, Classification.GENERAL, 200, true);
            case 3 -> profile(product, product.getProviderId(), Category.GEOSPATIAL, Classification.IMPORTANT, 0, false);
            case 4 -> profile(product, sellerB, Category.TELECOM, Classification.GENERAL, 5_000, false);
            case 5 -> profile(product, product.getProviderId(), Category.ENERGY, Classification.CORE, 0, false);
            case 6 -> profile(product, sellerB, Category.HEALTHCARE, Classification.GENERAL, 150, true);
            case 7 -> profile(product, product.getProviderId(), Category.ENTERPRISE_CREDIT, Classification.IMPORTANT,
                    2_000, false);
            default -> {
                if (index < SHOWCASE_PRODUCTS) {
                    // The rest of the top sellers stay ordinary: general data without personal information.
                    profile(product, product.getProviderId(), product.getCategory(), Classification.GENERAL, 0, false);
                }
            }
        }
    }

    private static void profile(DataProductEvent product, String provider, Category category,
            Classification classification, long subjects, boolean sensitive) {
        product.setProviderId(provider);
        product.setCategory(category);
        product.setName(name(category, product.getDeliveryMode(), product.getProductId()));
        product.setClassification(classification);
        product.setPersonalInfoSubjects(subjects);
        product.setSensitivePersonalInfo(sensitive);
    }

    private static String name(Category category, DeliveryMode mode, String productId) {
        String domain = category.name().charAt(0) + category.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return domain + " " + mode.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + productId.substring(5);
    }

    /** A CNY price in {@code currency}: whole units for JPY, cents otherwise, at the money scale. */
    static BigDecimal price(BigDecimal cny, String currency) {
        int decimals = currency.equals("JPY") ? 0 : 2;
        BigDecimal price = cny.divide(OPENING_RATES.get(currency), decimals, RoundingMode.HALF_EVEN);
        return ExchangeDecimals.money(price.max(BigDecimal.ONE));
    }

    private static Map<String, BigDecimal> openingRates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("CNY", new BigDecimal("1.00000000"));
        rates.put("USD", new BigDecimal("7.12340000"));
        rates.put("EUR", new BigDecimal("7.70120000"));
        rates.put("HKD", new BigDecimal("0.91130000"));
        rates.put("JPY", new BigDecimal("0.04710000"));
        rates.put("GBP", new BigDecimal("9.03180000"));
        rates.put("SGD", new BigDecimal("5.31200000"));
        return Collections.unmodifiableMap(rates);
    }

    private static int digits(int n) {
        return String.valueOf(n).length();
    }
}
