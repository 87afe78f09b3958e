package io.dex.producer.simulation;

import io.dex.producer.EventKind;
import io.dex.rules.ExchangeDecimals;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The events of a simulated market, as a pure function of its settings, seed, start time and nominal
 * rate: the same arguments give the same events in the same order (pacing is the
 * {@link MarketSimulator}'s business). First the opening FX rates, then every product's listing, then
 * trades of Zipf-distributed popularity with domestic and foreign buyers, interleaved with occasional
 * FX moves, product updates, delistings and relistings, and the configured share of flawed trades.
 * Event times advance by {@code 1/rate} per event from the start time.
 *
 * <p>Transaction and event ids carry the seed, so runs with different seeds never collide; running
 * the same seed twice against one exchange replays the same trades, which it rejects as duplicates.
 */
public final class MarketEventGenerator {

    private static final double FX_MOVE = 0.0005;
    private static final double PRODUCT_UPDATE = 0.004;
    private static final double DELISTING = 0.001;
    private static final double RELISTING = 0.001;
    private static final double OWNERSHIP_CHANGE = 0.25;
    private static final double CATEGORY_CHANGE = 0.25;
    private static final int[] QUANTITIES = {1, 1, 1, 1, 2, 2, 3, 5};
    private static final TradeFlaw[] FLAWS = List.of(TradeFlaw.values()).subList(1, TradeFlaw.values().length)
            .toArray(TradeFlaw[]::new);

    private final SimulationSettings settings;
    private final MarketCatalogue catalogue;
    private final SplittableRandom random;
    private final ZipfDistribution popularity;
    private final long startMillis;
    private final double millisPerEvent;
    private final String run;
    private final DataProductEvent[] products;
    private final boolean[] listed;
    private final List<Integer> delisted = new ArrayList<>();
    private final Map<String, BigDecimal> rates = new LinkedHashMap<>(MarketCatalogue.OPENING_RATES);
    private final List<String> currencies = List.copyOf(MarketCatalogue.OPENING_RATES.keySet());
    private long sequence;
    private long trades;
    private TradeEvent lastAcceptable;

    /**
     * The market of {@code settings}, its first event at {@code start}, one event every {@code 1/rate}
     * seconds of event time.
     */
    public MarketEventGenerator(SimulationSettings settings, Instant start, double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + rate);
        }
        this.settings = settings;
        this.catalogue = new MarketCatalogue(settings.members(), settings.products());
        this.random = new SplittableRandom(settings.seed());
        this.popularity = new ZipfDistribution(settings.products(), 1.0);
        this.startMillis = start.toEpochMilli();
        this.millisPerEvent = 1000.0 / rate;
        this.run = Long.toHexString(settings.seed());
        this.products = catalogue.products().toArray(DataProductEvent[]::new);
        this.listed = new boolean[products.length];
    }

    /** Events generated so far. */
    public long generated() {
        return sequence;
    }

    /** The next event of the market. */
    public SimulatedEvent<?> next() {
        Instant time = Instant.ofEpochMilli(startMillis + (long) Math.floor(sequence * millisPerEvent));
        SimulatedEvent<?> event;
        if (sequence < currencies.size()) {
            String currency = currencies.get((int) sequence);
            event = fx(currency, rates.get(currency), time);
        } else if (sequence < currencies.size() + products.length) {
            event = listing((int) (sequence - currencies.size()), products[(int) (sequence - currencies.size())]
                    .getProviderId(), time);
        } else {
            event = marketMove(time);
        }
        sequence++;
        return event;
    }

    private SimulatedEvent<?> marketMove(Instant time) {
        double draw = random.nextDouble();
        if (draw < FX_MOVE) {
            return fxMove(time);
        }
        draw -= FX_MOVE;
        if (draw < PRODUCT_UPDATE) {
            int index = random.nextInt(products.length);
            if (listed[index]) {
                return update(index, time);
            }
        }
        draw -= PRODUCT_UPDATE;
        if (draw < DELISTING) {
            int index = MarketCatalogue.SHOWCASE_PRODUCTS + random.nextInt(products.length - MarketCatalogue.SHOWCASE_PRODUCTS);
            if (listed[index]) {
                return delisting(index, time);
            }
        }
        draw -= DELISTING;
        if (draw < RELISTING && !delisted.isEmpty()) {
            int index = delisted.remove(random.nextInt(delisted.size()));
            String provider = random.nextDouble() < OWNERSHIP_CHANGE
                    ? anyDomesticMember() : products[index].getProviderId();
            return listing(index, provider, time);
        }
        return trade(time);
    }

    private SimulatedEvent<FxRate> fx(String currency, BigDecimal cnyPerUnit, Instant time) {
        return new SimulatedEvent<>(EventKind.FX, new FxRate(currency, cnyPerUnit, time), TradeFlaw.NONE);
    }

    private SimulatedEvent<FxRate> fxMove(Instant time) {
        String currency = currencies.get(1 + random.nextInt(currencies.size() - 1));
        BigDecimal change = BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) * 0.02);
        BigDecimal moved = rates.get(currency).multiply(change).setScale(ExchangeDecimals.FX_RATE_SCALE, RoundingMode.HALF_EVEN);
        rates.put(currency, moved);
        return fx(currency, moved, time);
    }

    private SimulatedEvent<DataProductEvent> listing(int index, String provider, Instant time) {
        DataProductEvent product = copy(products[index]);
        product.setEventType(DataProductEventType.LISTED);
        product.setProviderId(provider);
        listed[index] = true;
        return productEvent(index, product, time);
    }

    private SimulatedEvent<DataProductEvent> update(int index, Instant time) {
        DataProductEvent product = copy(products[index]);
        product.setEventType(DataProductEventType.UPDATED);
        if (random.nextDouble() < CATEGORY_CHANGE) {
            product.setCategory(Category.values()[random.nextInt(Category.values().length)]);
        } else {
            BigDecimal factor = BigDecimal.valueOf(0.9 + random.nextDouble() * 0.2);
            int decimals = product.getCurrency().equals("JPY") ? 0 : 2;
            BigDecimal price = product.getListPrice().multiply(factor).setScale(decimals, RoundingMode.HALF_EVEN);
            product.setListPrice(ExchangeDecimals.money(price.max(BigDecimal.ONE)));
        }
        return productEvent(index, product, time);
    }

    private SimulatedEvent<DataProductEvent> delisting(int index, Instant time) {
        listed[index] = false;
        delisted.add(index);
        DataProductEvent delisting = new DataProductEvent();
        delisting.setEventType(DataProductEventType.DELISTED);
        delisting.setProductId(products[index].getProductId());
        delisting.setProviderId(products[index].getProviderId());
        return productEvent(index, delisting, time);
    }

    private SimulatedEvent<DataProductEvent> productEvent(int index, DataProductEvent event, Instant time) {
        event.setEventId("ev-" + run + "-" + sequence);
        event.setOccurredAt(time);
        if (event.getEventType() != DataProductEventType.DELISTED) {
            products[index] = copy(event);
        }
        return new SimulatedEvent<>(EventKind.PRODUCT, event, TradeFlaw.NONE);
    }

    private SimulatedEvent<TradeEvent> trade(Instant time) {
        TradeFlaw flaw = random.nextDouble() < settings.invalidShare() ? FLAWS[random.nextInt(FLAWS.length)] : TradeFlaw.NONE;
        if (flaw == TradeFlaw.DUPLICATE && lastAcceptable != null) {
            TradeEvent again = new TradeEvent(lastAcceptable.getTransactionId(), lastAcceptable.getProductId(),
                    lastAcceptable.getSellerId(), lastAcceptable.getBuyerId(), lastAcceptable.getBuyerJurisdiction(),
                    lastAcceptable.getAmount(), lastAcceptable.getCurrency(), lastAcceptable.getOccurredAt());
            return new SimulatedEvent<>(EventKind.TRADE, again, flaw);
        }
        if (flaw == TradeFlaw.DELISTED_PRODUCT && !delisted.isEmpty()) {
            return new SimulatedEvent<>(EventKind.TRADE,
                    trade(products[delisted.get(random.nextInt(delisted.size()))], time), flaw);
        }
        DataProductEvent product = products[listedProduct()];
        TradeEvent trade = trade(product, time);
        switch (flaw) {
            case SELF_TRADE -> {
                trade.setBuyerId(trade.getSellerId());
                trade.setBuyerJurisdiction("CN");
            }
            case UNKNOWN_PRODUCT -> trade.setProductId("prod-unlisted-" + run + "-" + trades);
            case WRONG_SELLER -> trade.setSellerId(otherDomesticMember(product.getProviderId(), trade.getBuyerId()));
            case CURRENCY_WITHOUT_RATE -> trade.setCurrency(MarketCatalogue.CURRENCY_WITHOUT_RATE);
            case MALFORMED_AMOUNT -> trade.setAmount(trade.getAmount().negate());
            default -> {
                boolean blocked = !trade.getBuyerJurisdiction().equals("CN")
                        && product.getClassification() == Classification.CORE;
                if (!blocked) {
                    lastAcceptable = trade;
                }
                // A duplicate or a delisted product with nothing to repeat or delisted yet: a sound trade.
                flaw = TradeFlaw.NONE;
            }
        }
        return new SimulatedEvent<>(EventKind.TRADE, trade, flaw);
    }

    private TradeEvent trade(DataProductEvent product, Instant time) {
        boolean crossBorder = random.nextDouble() < settings.crossBorderShare();
        String buyer;
        String jurisdiction;
        if (crossBorder) {
            MarketCatalogue.Member member = catalogue.foreignMembers().get(random.nextInt(catalogue.foreignMembers().size()));
            buyer = member.id();
            jurisdiction = member.jurisdiction();
        } else {
            buyer = otherDomesticMember(product.getProviderId(), product.getProviderId());
            jurisdiction = "CN";
        }
        BigDecimal amount = product.getListPrice().multiply(BigDecimal.valueOf(QUANTITIES[random.nextInt(QUANTITIES.length)]));
        trades++;
        return new TradeEvent("tx-" + run + "-" + trades, product.getProductId(), product.getProviderId(), buyer,
                jurisdiction, amount, product.getCurrency(), time);
    }

    /**
     * A copy of {@code event}, every field being immutable. (Avro's copying builders look enum classes up
     * by name, which Avro's class security refuses unless the contracts package is trusted.)
     */
    static DataProductEvent copy(DataProductEvent event) {
        return new DataProductEvent(event.getEventId(), event.getEventType(), event.getProductId(),
                event.getProviderId(), event.getName(), event.getCategory(), event.getDeliveryMode(),
                event.getClassification(), event.getPersonalInfoSubjects(), event.getSensitivePersonalInfo(),
                event.getListPrice(), event.getCurrency(), event.getOccurredAt());
    }

    /** A listed product drawn by popularity (the next listed one when the drawn one is delisted). */
    private int listedProduct() {
        int index = popularity.sample(random);
        while (!listed[index]) {
            index = (index + 1) % products.length;
        }
        return index;
    }

    private String anyDomesticMember() {
        List<String> members = catalogue.domesticMembers();
        return members.get(random.nextInt(members.size()));
    }

    /** A domestic member other than {@code one} and {@code other}, falling back to one that is not {@code one}. */
    private String otherDomesticMember(String one, String other) {
        List<String> members = catalogue.domesticMembers();
        for (int attempt = 0; attempt < 8; attempt++) {
            String member = members.get(random.nextInt(members.size()));
            if (!member.equals(one) && !member.equals(other)) {
                return member;
            }
        }
        int at = members.indexOf(one);
        return members.get((at + 1) % members.size());
    }
}
