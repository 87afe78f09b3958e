package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.FxRate;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.ProductVolumes;
import io.dex.schema.RankedProduct;
import io.dex.schema.TopProducts;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random event streams through the whole topology, checked against a plain reference model of the
 * exchange written here from SPEC "semantics".
 */
class ExchangeInvariantsProperties {

    private static final List<Category> CATEGORIES = List.of(Category.FINANCE, Category.ENERGY, Category.TELECOM);

    /** One step of a random history. */
    sealed interface Step permits ProductStep, TradeStep, RateStep, GarbageStep, FlushStep {
    }

    record ProductStep(DataProductEventType type, String productId, String providerId, Category category,
                       Classification classification) implements Step {
    }

    record TradeStep(String transactionId, String productId, String sellerId, String buyerId, String jurisdiction,
                     BigDecimal amount, String currency, long minute) implements Step {
    }

    record RateStep(BigDecimal cnyPerUnit) implements Step {
    }

    record GarbageStep() implements Step {
    }

    record FlushStep() implements Step {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<String> products = Arbitraries.of("P0", "P1", "P2", "P3", "P4");
        Arbitrary<String> members = Arbitraries.of("M0", "M1", "M2");
        // Mostly the product's usual owner, so that many trades pass; sometimes another member.
        Arbitrary<String> ownerOrNot = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")), Tuple.of(1, members));
        Arbitrary<Step> product = Combinators.combine(
                Arbitraries.of(DataProductEventType.LISTED, DataProductEventType.LISTED, DataProductEventType.UPDATED,
                        DataProductEventType.DELISTED),
                Arbitraries.of("P0", "P1", "P2", "P3"), ownerOrNot, Arbitraries.of(CATEGORIES),
                Arbitraries.of(Classification.GENERAL, Classification.GENERAL, Classification.IMPORTANT, Classification.CORE))
                .as((type, productId, provider, category, classification) ->
                        new ProductStep(type, productId, provider.isEmpty() ? owner(productId) : provider, category, classification));
        Arbitrary<Step> trade = Combinators.combine(
                Arbitraries.of("T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7"), products, ownerOrNot, members,
                Arbitraries.of("CN", "CN", "US", "DE"),
                Arbitraries.integers().between(0, 50_000_000).withDistribution(RandomDistribution.uniform())
                        .map(tenThousandths -> BigDecimal.valueOf(tenThousandths, 4)),
                Arbitraries.of("CNY", "CNY", "USD", "EUR"), Arbitraries.longs().between(0, 30))
                .as((transactionId, productId, seller, buyer, jurisdiction, amount, currency, minute) -> new TradeStep(
                        transactionId, productId, seller.isEmpty() ? owner(productId) : seller, buyer, jurisdiction,
                        amount, currency, minute));
        Arbitrary<Step> rate = Arbitraries.integers().between(1, 1_000_000_000).withDistribution(RandomDistribution.uniform())
                .map(units -> new RateStep(BigDecimal.valueOf(units, 8)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(4, product), Tuple.of(10, trade), Tuple.of(1, rate),
                Tuple.of(1, Arbitraries.just(new GarbageStep())),
                Tuple.of(1, Arbitraries.just(new FlushStep())));
        return step.list().ofMinSize(30).ofMaxSize(80);
    }

    private static String owner(String productId) {
        return "M" + (productId.charAt(1) - '0') % 3;
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.NONE)
    void everyTradeIsCountedOrDeadLetteredAndEveryFigureIsExact(@ForAll("histories") List<Step> history) {
        Model model = new Model();
        try (ExchangeDriver exchange = new ExchangeDriver()) {
            for (Step step : history) {
                play(exchange, model, step);
            }
            exchange.flush();

            List<DeadLetter> letters = exchange.deadLetters();
            long tradeLetters = letters.stream()
                    .filter(letter -> letter.getSourceTopic().equals(ExchangeTopics.TRADES.name())).count();
            TradingVolume total = exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange");
            long accepted = total == null ? 0 : total.getTrades();
            assertThat(accepted + tradeLetters).as("every trade counted or dead-lettered").isEqualTo(model.tradesSent);
            assertThat(accepted).isEqualTo(model.acceptedTrades);
            // The histories must exercise both ways a trade can go.
            Statistics.label("some trades accepted").collect(accepted > 0);
            Statistics.label("some trades accepted").coverage(check -> check.check(true).percentage(p -> p >= 30));
            Statistics.label("some trades dead-lettered").collect(tradeLetters > 0);
            Statistics.label("some trades dead-lettered").coverage(check -> check.check(true).percentage(p -> p >= 30));
            assertThat(total == null ? BigDecimal.ZERO : total.getVolumeCny()).isEqualByComparingTo(model.volume);
            assertThat(total == null ? BigDecimal.ZERO : total.getCrossBorderVolumeCny()).isEqualByComparingTo(model.crossBorderVolume);

            assertPartsAddUp(exchange.<TradingVolume>entries(ExchangeStores.CATEGORY_VOLUMES).values(), total);
            assertPartsAddUp(exchange.<TradingVolume>entries(ExchangeStores.JURISDICTION_VOLUMES).values(), total);
            assertPartsAddUp(exchange.<ProductVolumes>entries(ExchangeStores.PRODUCT_VOLUMES).values().stream()
                    .map(ProductVolumes::getTotal).toList(), total);
            List<TradingVolume> sales = new ArrayList<>();
            List<TradingVolume> purchases = new ArrayList<>();
            exchange.<MemberVolume>entries(ExchangeStores.MEMBER_VOLUMES).values().forEach(member -> {
                sales.add(new TradingVolume("s", member.getSalesTrades(), member.getSalesVolumeCny(),
                        member.getCrossBorderSalesTrades(), member.getCrossBorderSalesVolumeCny()));
                purchases.add(new TradingVolume("p", member.getPurchaseTrades(), member.getPurchaseVolumeCny(),
                        member.getCrossBorderPurchaseTrades(), member.getCrossBorderPurchaseVolumeCny()));
            });
            assertPartsAddUp(sales, total);
            assertPartsAddUp(purchases, total);

            Map<String, Long> counts = new TreeMap<>();
            exchange.<ProductCount>entries(ExchangeStores.PRODUCT_COUNTS).forEach((key, count) -> {
                assertThat(count.getListed()).as(key).isNotNegative();
                if (count.getListed() > 0) {
                    counts.put(key, count.getListed());
                }
            });
            assertThat(counts).isEqualTo(model.counts());

            long counted = exchange.<DeadLetterCount>entries(ExchangeStores.DEAD_LETTER_COUNTS).values().stream()
                    .mapToLong(DeadLetterCount::getCount).sum();
            assertThat(counted).isEqualTo(letters.size());

            TopProducts top = exchange.<TopProducts>store(ExchangeStores.TOP_PRODUCTS).get("ALL");
            assertThat(top == null ? List.of() : top.getProducts().stream().map(RankedProduct::getProductId).toList())
                    .isEqualTo(model.topProducts());
        }
    }

    private static void assertPartsAddUp(Collection<TradingVolume> parts, TradingVolume total) {
        long trades = parts.stream().mapToLong(TradingVolume::getTrades).sum();
        BigDecimal volume = parts.stream().map(TradingVolume::getVolumeCny).reduce(BigDecimal.ZERO, BigDecimal::add);
        long crossBorder = parts.stream().mapToLong(TradingVolume::getCrossBorderTrades).sum();
        assertThat(trades).isEqualTo(total == null ? 0 : total.getTrades());
        assertThat(volume).isEqualByComparingTo(total == null ? BigDecimal.ZERO : total.getVolumeCny());
        assertThat(crossBorder).isEqualTo(total == null ? 0 : total.getCrossBorderTrades());
    }

    private static void play(ExchangeDriver exchange, Model model, Step step) {
        if (step instanceof ProductStep product) {
            DataProductEvent.Builder event = Events.listed(product.productId(), product.providerId(), product.category())
                    .setClassification(product.classification()).setEventType(product.type());
            exchange.product(product.type() == DataProductEventType.DELISTED
                    ? Events.delisted(product.productId(), product.providerId()) : event.build());
            model.product(product);
        } else if (step instanceof TradeStep trade) {
            exchange.trade(TradeEvent.newBuilder().setTransactionId(trade.transactionId()).setProductId(trade.productId())
                    .setSellerId(trade.sellerId()).setBuyerId(trade.buyerId()).setBuyerJurisdiction(trade.jurisdiction())
                    .setAmount(trade.amount()).setCurrency(trade.currency())
                    .setOccurredAt(Events.T0.plus(Duration.ofMinutes(trade.minute()))).build());
            model.trade(trade);
        } else if (step instanceof RateStep rate) {
            exchange.rate(new FxRate("USD", rate.cnyPerUnit(), Events.T0));
            model.usdRate = rate.cnyPerUnit();
        } else if (step instanceof GarbageStep) {
            exchange.raw(ExchangeTopics.TRADES, "P0".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            model.tradesSent++;
        } else {
            exchange.flush();
        }
    }

    /** The exchange as SPEC "semantics" describes it, kept as plainly as possible. */
    static final class Model {
        final Map<String, ProductStep> listed = new HashMap<>();
        final Map<String, ProductStep> delisted = new HashMap<>();
        final Set<String> acceptedIds = new HashSet<>();
        final Map<String, BigDecimal> productVolumes = new HashMap<>();
        BigDecimal usdRate;
        long tradesSent;
        long acceptedTrades;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal crossBorderVolume = BigDecimal.ZERO;

        void product(ProductStep step) {
            ProductStep current = listed.get(step.productId());
            if (current != null && !current.providerId().equals(step.providerId())) {
                return;
            }
            if (step.type() == DataProductEventType.DELISTED) {
                if (current != null) {
                    delisted.put(step.productId(), listed.remove(step.productId()));
                }
            } else if (step.type() == DataProductEventType.LISTED || current != null) {
                listed.put(step.productId(), step);
                delisted.remove(step.productId());
            }
        }

        void trade(TradeStep trade) {
            tradesSent++;
            ProductStep product = listed.get(trade.productId());
            BigDecimal rate = switch (trade.currency()) {
                case "CNY" -> BigDecimal.ONE;
                case "USD" -> usdRate;
                default -> null;
            };
            boolean crossBorder = !trade.jurisdiction().equals("CN");
            String id = trade.productId() + "/" + trade.transactionId();
            if (trade.amount().signum() <= 0 || product == null || !product.providerId().equals(trade.sellerId())
                    || trade.buyerId().equals(trade.sellerId()) || rate == null || acceptedIds.contains(id)
                    || crossBorder && product.classification() == Classification.CORE) {
                return;
            }
            acceptedIds.add(id);
            acceptedTrades++;
            BigDecimal volumeCny = trade.amount().multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
            volume = volume.add(volumeCny);
            if (crossBorder) {
                crossBorderVolume = crossBorderVolume.add(volumeCny);
            }
            productVolumes.merge(trade.productId(), volumeCny, BigDecimal::add);
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new TreeMap<>();
            for (ProductStep product : listed.values()) {
                counts.merge("total", 1L, Long::sum);
                counts.merge("category/" + product.category(), 1L, Long::sum);
                counts.merge("deliveryMode/API", 1L, Long::sum);
                counts.merge("classification/" + product.classification(), 1L, Long::sum);
                counts.merge("provider/" + product.providerId(), 1L, Long::sum);
            }
            return counts;
        }

        List<String> topProducts() {
            return productVolumes.entrySet().stream()
                    .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).map(Map.Entry::getKey).toList();
        }
    }
}
