package io.dex.producer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dex.producer.EventKind;
import io.dex.rules.FieldViolation;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MarketEventGenerator")
class MarketEventGeneratorTest {

    private static final Instant START = Instant.parse("2026-11-28T01:00:00Z");
    private static final double RATE = 5000;
    private static final int EVENTS = 100_000;
    private static List<SimulatedEvent<?>> market;

    @BeforeAll
    static void generate() {
        market = events(new SimulationSettings(100, 5000, 42, 0.2, 0.02), EVENTS);
    }

    private static List<SimulatedEvent<?>> events(SimulationSettings settings, int count) {
        MarketEventGenerator generator = new MarketEventGenerator(settings, START, RATE);
        List<SimulatedEvent<?>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(generator.next());
        }
        return events;
    }

    private static <V> List<V> ofKind(EventKind<?> kind, Class<V> type) {
        return market.stream().filter(e -> e.kind() == kind).map(e -> type.cast(e.event())).toList();
    }

    @Test
    @DisplayName("the same seed gives the same events in the same order")
    void sameSeed() {
        SimulationSettings settings = SimulationSettings.standard(7);
        assertThat(events(settings, 30_000)).isEqualTo(events(settings, 30_000));
    }

    @Test
    @DisplayName("another seed gives other trades (the catalogue and its opening stay the same)")
    void otherSeed() {
        List<SimulatedEvent<?>> one = events(SimulationSettings.standard(7), 30_000);
        List<SimulatedEvent<?>> two = events(SimulationSettings.standard(8), 30_000);
        assertThat(one).isNotEqualTo(two);
        assertThat(one.subList(7, 5007)).extracting(e -> ((DataProductEvent) e.event()).getProviderId())
                .isEqualTo(two.subList(7, 5007).stream().map(e -> ((DataProductEvent) e.event()).getProviderId()).toList());
        assertThat(((TradeEvent) one.get(5007 + 10).event()).getTransactionId()).startsWith("tx-7-");
    }

    @Test
    @DisplayName("opens with FX rates (CNY at 1), then lists every product, then trades")
    void opening() {
        List<FxRate> opening = market.subList(0, 7).stream().map(e -> (FxRate) e.event()).toList();
        assertThat(opening).extracting(FxRate::getCurrency).containsExactly("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "SGD");
        assertThat(opening.get(0).getCnyPerUnit()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(market.subList(7, 5007)).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.PRODUCT);
            assertThat(((DataProductEvent) e.event()).getEventType()).isEqualTo(DataProductEventType.LISTED);
        });
        assertThat(market.subList(7, 5007)).extracting(e -> ((DataProductEvent) e.event()).getProductId())
                .doesNotHaveDuplicates().hasSize(5000);
        assertThat(market.get(5007).kind()).isEqualTo(EventKind.TRADE);
    }

    @Test
    @DisplayName("event times advance by 1/rate from the start")
    void eventTimes() {
        assertThat(eventTime(market.get(0))).isEqualTo(START);
        SimulatedEvent<?> last = market.get(EVENTS - 1);
        Instant expected = START.plusMillis((long) Math.floor((EVENTS - 1) * 1000.0 / RATE));
        assertThat(eventTime(last)).isEqualTo(expected);
    }

    private static <V extends SpecificRecord> Instant eventTime(SimulatedEvent<V> event) {
        return event.kind().eventTime(event.event());
    }

    private static <V extends SpecificRecord> List<FieldViolation> violations(SimulatedEvent<V> event) {
        return event.kind().violations(event.event());
    }

    @Test
    @DisplayName("sound events pass the field rules; malformed ones break them")
    void soundEventsAreValid() {
        for (SimulatedEvent<?> event : market) {
            assertThat(violations(event).isEmpty()).as("%s", event).isEqualTo(!event.flaw().malformed());
        }
    }

    @Test
    @DisplayName("listings span every category, delivery mode and classification, with and without personal information")
    void catalogueVariety() {
        List<DataProductEvent> listings = ofKind(EventKind.PRODUCT, DataProductEvent.class).stream()
                .filter(p -> p.getEventType() == DataProductEventType.LISTED).toList();
        assertThat(listings.stream().map(DataProductEvent::getCategory).distinct()).containsExactlyInAnyOrder(Category.values());
        assertThat(listings.stream().map(DataProductEvent::getDeliveryMode).distinct())
                .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(DeliveryMode.UNKNOWN)));
        Map<Classification, Long> levels = new HashMap<>();
        listings.forEach(p -> levels.merge(p.getClassification(), 1L, Long::sum));
        assertThat(levels.get(Classification.GENERAL)).isGreaterThan(4000);
        assertThat(levels.get(Classification.IMPORTANT)).isBetween(100L, 600L);
        assertThat(levels.get(Classification.CORE)).isBetween(20L, 200L);
        assertThat(listings.stream().filter(p -> p.getPersonalInfoSubjects() > 0).count()).isBetween(800L, 2000L);
        assertThat(listings.stream().filter(DataProductEvent::getSensitivePersonalInfo).count()).isBetween(100L, 500L);
        assertThat(listings.stream().map(DataProductEvent::getCurrency).distinct()).contains("CNY", "USD", "EUR", "JPY");
    }

    @Test
    @DisplayName("updates, delistings, relistings (some by another provider) and FX moves happen")
    void lifecycle() {
        List<DataProductEvent> products = ofKind(EventKind.PRODUCT, DataProductEvent.class).subList(5000, ofKind(EventKind.PRODUCT, DataProductEvent.class).size());
        assertThat(products).extracting(DataProductEvent::getEventType)
                .contains(DataProductEventType.UPDATED, DataProductEventType.DELISTED, DataProductEventType.LISTED);
        Map<String, String> provider = new HashMap<>();
        boolean ownershipPassed = false;
        for (DataProductEvent event : ofKind(EventKind.PRODUCT, DataProductEvent.class)) {
            String before = provider.put(event.getProductId(), event.getProviderId());
            ownershipPassed |= before != null && !before.equals(event.getProviderId());
        }
        assertThat(ownershipPassed).isTrue();
        assertThat(ofKind(EventKind.FX, FxRate.class)).hasSizeGreaterThan(7 + 20);
    }

    @Test
    @DisplayName("trades follow Zipf-like popularity: the top product sells far more than the 100th")
    void popularity() {
        Map<String, Long> perProduct = new HashMap<>();
        ofKind(EventKind.TRADE, TradeEvent.class).forEach(t -> perProduct.merge(t.getProductId(), 1L, Long::sum));
        long first = perProduct.get("prod-00001");
        long hundredth = perProduct.getOrDefault("prod-00100", 0L);
        assertThat(first).isGreaterThan(10 * hundredth);
        assertThat(perProduct.size()).isGreaterThan(2000);
    }

    @Test
    @DisplayName("about the configured share of trades crosses borders, and of trades is flawed, with every flaw")
    void shares() {
        List<SimulatedEvent<?>> trades = market.stream().filter(e -> e.kind() == EventKind.TRADE).toList();
        long crossBorder = trades.stream().filter(e -> e.flaw() == TradeFlaw.NONE)
                .filter(e -> !((TradeEvent) e.event()).getBuyerJurisdiction().equals("CN")).count();
        long sound = trades.stream().filter(e -> e.flaw() == TradeFlaw.NONE).count();
        assertThat((double) crossBorder / sound).isCloseTo(0.2, within(0.01));
        long flawed = trades.stream().filter(e -> e.flaw() != TradeFlaw.NONE).count();
        assertThat((double) flawed / trades.size()).isCloseTo(0.02, within(0.004));
        assertThat(trades.stream().map(SimulatedEvent::flaw).distinct())
                .containsExactlyInAnyOrder(TradeFlaw.values());
    }

    @Test
    @DisplayName("each flaw is what it claims: self trades, unknown products, wrong sellers, duplicates, currencies")
    void flawsAreReal() {
        Map<String, String> providers = new HashMap<>();
        Set<String> listed = new HashSet<>();
        Set<String> transactions = new HashSet<>();
        for (SimulatedEvent<?> event : market) {
            if (event.event() instanceof DataProductEvent product) {
                if (product.getEventType() == DataProductEventType.DELISTED) {
                    listed.remove(product.getProductId());
                } else {
                    listed.add(product.getProductId());
                    providers.put(product.getProductId(), product.getProviderId());
                }
            } else if (event.event() instanceof TradeEvent trade) {
                boolean known = providers.containsKey(trade.getProductId());
                switch (event.flaw()) {
                    case SELF_TRADE -> assertThat(trade.getBuyerId()).isEqualTo(trade.getSellerId());
                    case UNKNOWN_PRODUCT -> assertThat(known).isFalse();
                    case DELISTED_PRODUCT -> assertThat(known && !listed.contains(trade.getProductId())).isTrue();
                    case WRONG_SELLER -> assertThat(trade.getSellerId()).isNotEqualTo(providers.get(trade.getProductId()));
                    case CURRENCY_WITHOUT_RATE -> assertThat(trade.getCurrency()).isEqualTo("CHF");
                    case DUPLICATE -> assertThat(transactions.contains(trade.getProductId() + "/" + trade.getTransactionId()))
                            .as("a duplicate repeats an earlier trade").isTrue();
                    case MALFORMED_AMOUNT -> assertThat(trade.getAmount().signum()).isNegative();
                    case NONE -> {
                        assertThat(listed.contains(trade.getProductId())).as("sound trades buy listed products").isTrue();
                        assertThat(trade.getSellerId()).isEqualTo(providers.get(trade.getProductId()))
                                .isNotEqualTo(trade.getBuyerId());
                        assertThat(transactions.add(trade.getProductId() + "/" + trade.getTransactionId())).isTrue();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("some sellers cross the compliance thresholds: 100,000 and 1,000,000 subjects, 10,000 sensitive")
    void complianceThresholds() {
        Map<String, DataProductEvent> products = new HashMap<>();
        Map<String, Long> pi = new HashMap<>();
        Map<String, Long> sensitive = new HashMap<>();
        for (SimulatedEvent<?> event : market) {
            if (event.event() instanceof DataProductEvent product && product.getEventType() != DataProductEventType.DELISTED) {
                products.put(product.getProductId(), product);
            } else if (event.event() instanceof TradeEvent trade && event.flaw() == TradeFlaw.NONE
                    && !trade.getBuyerJurisdiction().equals("CN")) {
                DataProductEvent product = products.get(trade.getProductId());
                if (product.getClassification() != Classification.CORE) {
                    (product.getSensitivePersonalInfo() ? sensitive : pi)
                            .merge(trade.getSellerId(), product.getPersonalInfoSubjects(), Long::sum);
                }
            }
        }
        assertThat(pi.values()).anyMatch(sum -> sum >= 1_000_000);
        assertThat(pi.values()).anyMatch(sum -> sum >= 100_000 && sum < 1_000_000);
        assertThat(sensitive.values()).anyMatch(sum -> sum >= 10_000);
        assertThat(pi.values()).anyMatch(sum -> sum < 100_000);
    }

    @Test
    @DisplayName("a blocked (CORE) product sells across borders")
    void coreCrossBorder() {
        Map<String, Classification> levels = new HashMap<>();
        ofKind(EventKind.PRODUCT, DataProductEvent.class).stream().filter(p -> p.getClassification() != null)
                .forEach(p -> levels.put(p.getProductId(), p.getClassification()));
        assertThat(ofKind(EventKind.TRADE, TradeEvent.class)).anyMatch(t -> !t.getBuyerJurisdiction().equals("CN")
                && levels.get(t.getProductId()) == Classification.CORE);
    }
}
