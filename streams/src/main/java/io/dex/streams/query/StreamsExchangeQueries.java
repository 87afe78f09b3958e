package io.dex.streams.query;

import io.dex.schema.Category;
import io.dex.schema.ComplianceOutcome;
import io.dex.schema.ComplianceVolume;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.ProductVolumes;
import io.dex.schema.SellerComplianceHistory;
import io.dex.schema.SellerComplianceYear;
import io.dex.schema.TopProducts;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers the operators' questions from the topology's state stores, read across all instances by
 * {@link ClusterStores}.
 */
public final class StreamsExchangeQueries implements ExchangeQueries {

    private static final BigDecimal ZERO = new BigDecimal("0.0000");

    private final ClusterStores cluster;
    private final ZoneId exchangeZone;
    private final Clock clock;

    /** Queries over {@code cluster}; seller years default to today's in {@code exchangeZone} when a seller has none. */
    public StreamsExchangeQueries(ClusterStores cluster, ZoneId exchangeZone, Clock clock) {
        this.cluster = cluster;
        this.exchangeZone = exchangeZone;
        this.clock = clock;
    }

    @Override
    public ExchangeSummary summary() {
        Optional<TradingVolume> exchange = cluster.get(QueryableStores.EXCHANGE_VOLUME, QueryableStores.EXCHANGE_KEY);
        long listed = cluster.get(QueryableStores.PRODUCT_COUNTS, QueryableStores.TOTAL_KEY).map(ProductCount::getListed).orElse(0L);
        long deadLetters = cluster.all(QueryableStores.DEAD_LETTER_COUNTS).stream().mapToLong(entry -> entry.value().getCount()).sum();
        return new ExchangeSummary(listed,
                exchange.map(TradingVolume::getTrades).orElse(0L),
                exchange.map(TradingVolume::getVolumeCny).orElse(ZERO),
                exchange.map(TradingVolume::getCrossBorderTrades).orElse(0L),
                exchange.map(TradingVolume::getCrossBorderVolumeCny).orElse(ZERO),
                deadLetters);
    }

    @Override
    public ProductCounts productCounts() {
        Map<String, Map<String, Long>> byDimension = new TreeMap<>();
        long total = 0;
        for (StoreEntry<ProductCount> entry : cluster.all(QueryableStores.PRODUCT_COUNTS)) {
            ProductCount count = entry.value();
            if (entry.key().equals(QueryableStores.TOTAL_KEY)) {
                total = count.getListed();
            } else if (count.getListed() > 0) {
                byDimension.computeIfAbsent(count.getDimension(), dimension -> new TreeMap<>())
                        .put(count.getGroup(), count.getListed());
            }
        }
        return new ProductCounts(total,
                byDimension.getOrDefault(QueryableStores.CATEGORY_DIMENSION, Map.of()),
                byDimension.getOrDefault(QueryableStores.DELIVERY_MODE_DIMENSION, Map.of()),
                byDimension.getOrDefault(QueryableStores.CLASSIFICATION_DIMENSION, Map.of()));
    }

    @Override
    public ProviderListings providerListings(String memberId) {
        Optional<ProductCount> count = cluster.get(QueryableStores.PRODUCT_COUNTS, QueryableStores.providerKey(memberId));
        if (count.isEmpty()) {
            requireKnownMember(memberId);
        }
        return new ProviderListings(memberId, count.map(ProductCount::getListed).orElse(0L));
    }

    @Override
    public List<CategoryVolume> categoryVolumes() {
        return cluster.all(QueryableStores.CATEGORY_VOLUMES).stream()
                .map(StoreEntry::value)
                .map(volume -> new CategoryVolume(volume.getScope(), volume.getTrades(), volume.getVolumeCny(),
                        volume.getCrossBorderTrades(), volume.getCrossBorderVolumeCny()))
                .sorted(Comparator.comparing(CategoryVolume::category))
                .toList();
    }

    @Override
    public List<WindowVolume> categoryWindows(Category category, Instant from, Instant to) {
        return cluster.windows(QueryableStores.CATEGORY_WINDOWS, category.name(), from, to).stream()
                .map(StoreEntry::value)
                .map(window -> new WindowVolume(window.getWindowStart(), window.getWindowEnd(), window.getTrades(),
                        window.getVolumeCny()))
                .sorted(Comparator.comparing(WindowVolume::windowStart))
                .toList();
    }

    @Override
    public List<WindowVolume> exchangeWindows(Instant from, Instant to) {
        Map<Instant, WindowVolume> byStart = new TreeMap<>();
        for (Category category : Category.values()) {
            for (WindowVolume window : categoryWindows(category, from, to)) {
                byStart.merge(window.windowStart(), window, (a, b) -> new WindowVolume(a.windowStart(), a.windowEnd(),
                        a.trades() + b.trades(), a.volumeCny().add(b.volumeCny())));
            }
        }
        return List.copyOf(byStart.values());
    }

    @Override
    public List<TradingDay> tradingDays(LocalDate from, LocalDate to) {
        return cluster.all(QueryableStores.TRADING_DAYS).stream()
                .map(StoreEntry::value)
                .map(day -> new TradingDay(LocalDate.parse(day.getDay()), day.getTrades(), day.getVolumeCny(),
                        day.getCrossBorderTrades(), day.getCrossBorderVolumeCny()))
                .filter(day -> !day.day().isBefore(from) && day.day().isBefore(to))
                .sorted(Comparator.comparing(TradingDay::day))
                .toList();
    }

    @Override
    public ProductVolume productVolume(String productId) {
        Optional<TradingVolume> volume = cluster.get(QueryableStores.PRODUCT_VOLUMES, productId).map(ProductVolumes::getTotal);
        if (volume.isEmpty() && cluster.get(QueryableStores.PRODUCTS, productId).isEmpty()) {
            throw new UnknownIdException("product", productId);
        }
        return new ProductVolume(productId, volume.map(TradingVolume::getTrades).orElse(0L),
                volume.map(TradingVolume::getVolumeCny).orElse(ZERO));
    }

    @Override
    public List<TopProduct> topProducts(int n, Optional<Category> category) {
        String scope = category.map(Category::name).orElse(QueryableStores.ALL_SCOPE);
        return cluster.get(QueryableStores.TOP_PRODUCTS, scope).map(TopProducts::getProducts).orElse(List.of()).stream()
                .limit(n)
                .map(ranked -> new TopProduct(ranked.getProductId(), ranked.getVolumeCny(), ranked.getTrades()))
                .toList();
    }

    @Override
    public MemberTrading memberTrading(String memberId) {
        Optional<MemberVolume> volume = cluster.get(QueryableStores.MEMBER_VOLUMES, memberId);
        if (volume.isEmpty()) {
            requireKnownMember(memberId);
        }
        return new MemberTrading(memberId,
                volume.map(MemberVolume::getSalesTrades).orElse(0L),
                volume.map(MemberVolume::getSalesVolumeCny).orElse(ZERO),
                volume.map(MemberVolume::getPurchaseTrades).orElse(0L),
                volume.map(MemberVolume::getPurchaseVolumeCny).orElse(ZERO));
    }

    @Override
    public List<JurisdictionVolume> jurisdictionVolumes() {
        return cluster.all(QueryableStores.JURISDICTION_VOLUMES).stream()
                .map(StoreEntry::value)
                .map(volume -> new JurisdictionVolume(volume.getScope(), volume.getTrades(), volume.getVolumeCny()))
                .sorted(Comparator.comparing(JurisdictionVolume::jurisdiction))
                .toList();
    }

    @Override
    public ComplianceOverview compliance() {
        Map<ComplianceOutcome, OutcomeVolume> byOutcome = new EnumMap<>(ComplianceOutcome.class);
        for (ComplianceOutcome outcome : ComplianceOutcome.values()) {
            byOutcome.put(outcome, new OutcomeVolume(0, ZERO));
        }
        for (StoreEntry<ComplianceVolume> entry : cluster.all(QueryableStores.COMPLIANCE_OUTCOMES)) {
            ComplianceVolume volume = entry.value();
            byOutcome.put(ComplianceOutcome.valueOf(volume.getOutcome()),
                    new OutcomeVolume(volume.getTrades(), volume.getVolumeCny()));
        }
        return new ComplianceOverview(byOutcome);
    }

    @Override
    public SellerCompliance sellerCompliance(String memberId, Optional<Integer> year) {
        List<SellerComplianceYear> years = cluster.get(QueryableStores.SELLER_COMPLIANCE, memberId)
                .map(SellerComplianceHistory::getYears).orElse(List.of());
        // The history is oldest first: its last year is that of the seller's latest classified trade.
        Optional<SellerComplianceYear> sums = year.isPresent()
                ? years.stream().filter(entry -> entry.getYear() == year.get()).findFirst()
                : years.stream().reduce((earlier, later) -> later);
        if (sums.isPresent()) {
            SellerComplianceYear found = sums.get();
            return new SellerCompliance(memberId, found.getYear(), found.getPiSubjects(), found.getSensitivePiSubjects());
        }
        if (years.isEmpty()) {
            requireKnownMember(memberId);
        }
        return new SellerCompliance(memberId, year.orElseGet(() -> LocalDate.now(clock.withZone(exchangeZone)).getYear()), 0, 0);
    }

    @Override
    public Map<String, Long> deadLettersByReason() {
        Map<String, Long> byReason = new TreeMap<>();
        for (StoreEntry<DeadLetterCount> entry : cluster.all(QueryableStores.DEAD_LETTER_COUNTS)) {
            if (entry.value().getCount() > 0) {
                byReason.put(entry.value().getReason(), entry.value().getCount());
            }
        }
        return byReason;
    }

    /** A member is known once it has listed a product or traded. */
    private void requireKnownMember(String memberId) {
        boolean known = cluster.get(QueryableStores.MEMBER_VOLUMES, memberId).isPresent()
                || cluster.get(QueryableStores.PRODUCT_COUNTS, QueryableStores.providerKey(memberId)).isPresent();
        if (!known) {
            throw new UnknownIdException("member", memberId);
        }
    }
}
