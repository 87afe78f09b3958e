package io.dex.streams.processor;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.ComplianceVolume;
import io.dex.schema.CountChange;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.EventTimeChange;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.RankedProduct;
import io.dex.schema.RankingCandidates;
import io.dex.schema.RankingChange;
import io.dex.schema.TopProducts;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.VolumeChange;
import io.dex.schema.WindowedVolume;
import io.dex.streams.ExchangeStores;
import io.dex.streams.TopologySettings;
import io.dex.streams.aggregate.AggregateGroup;
import io.dex.streams.aggregate.GracePeriod;
import io.dex.streams.aggregate.TradingCalendar;
import io.dex.streams.aggregate.Volume;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.streams.product.ProductCountChanges;
import io.dex.streams.ranking.TopProductsRanking;
import io.dex.topics.ExchangeTopics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roll-up, partitioned by aggregate group: adds the pre-aggregated deltas of every task to the
 * running totals, windows, trading days, counts and rankings, which interactive queries read, and
 * publishes each changed group to its {@code exchange.agg.*} topic at most once per publish interval.
 *
 * <p>Event time here is the latest of every input partition's (they all send it here), so a category
 * window or trading day closes for the whole exchange at once: a change that arrives for a closed
 * window is left out of it and counted as late, while it stays in the running totals.
 */
public final class RollupProcessor implements Processor<String, AggregateDelta, String, Outbound> {

    private static final Logger LOG = LoggerFactory.getLogger(RollupProcessor.class);
    private static final String CLOCK = "event-time";

    private final TopologySettings settings;
    private final EndToEndLatency latency;
    private final TradingCalendar calendar;
    private final GracePeriod grace;

    private ProcessorContext<String, Outbound> context;
    private TaskOutbox outbox;
    private ExchangeMetrics metrics;
    private KeyValueStore<String, TradingVolume> exchange;
    private KeyValueStore<String, TradingVolume> categories;
    private KeyValueStore<String, TradingVolume> jurisdictions;
    private KeyValueStore<String, MemberVolume> members;
    private WindowStore<String, WindowedVolume> windows;
    private KeyValueStore<String, TradingDayVolume> days;
    private KeyValueStore<String, ProductCount> productCounts;
    private KeyValueStore<String, DeadLetterCount> deadLetterCounts;
    private KeyValueStore<String, ComplianceVolume> outcomes;
    private KeyValueStore<String, RankingCandidates> candidates;
    private KeyValueStore<String, TopProducts> topProducts;
    private KeyValueStore<String, Long> clockStore;
    private KeyValueStore<String, Long> unpublished;
    private long streamTime;
    private LocalDate purgedOn;

    /** A roll-up with the given settings, timing each trade from its append until the roll-up applies it into {@code latency}. */
    public RollupProcessor(TopologySettings settings, EndToEndLatency latency) {
        this.settings = settings;
        this.latency = latency;
        this.calendar = new TradingCalendar(settings.timeZone());
        this.grace = new GracePeriod(settings.grace());
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        metrics = new ExchangeMetrics(context.metrics());
        outbox = new TaskOutbox(context, metrics);
        exchange = context.getStateStore(ExchangeStores.EXCHANGE_VOLUME);
        categories = context.getStateStore(ExchangeStores.CATEGORY_VOLUMES);
        jurisdictions = context.getStateStore(ExchangeStores.JURISDICTION_VOLUMES);
        members = context.getStateStore(ExchangeStores.MEMBER_VOLUMES);
        windows = context.getStateStore(ExchangeStores.CATEGORY_WINDOWS);
        days = context.getStateStore(ExchangeStores.TRADING_DAYS);
        productCounts = context.getStateStore(ExchangeStores.PRODUCT_COUNTS);
        deadLetterCounts = context.getStateStore(ExchangeStores.DEAD_LETTER_COUNTS);
        outcomes = context.getStateStore(ExchangeStores.COMPLIANCE_OUTCOMES);
        candidates = context.getStateStore(ExchangeStores.RANKING_CANDIDATES);
        topProducts = context.getStateStore(ExchangeStores.TOP_PRODUCTS);
        clockStore = context.getStateStore(ExchangeStores.ROLLUP_CLOCK);
        unpublished = context.getStateStore(ExchangeStores.ROLLUP_UNPUBLISHED);
        Long clock = clockStore.get(CLOCK);
        streamTime = clock == null ? Long.MIN_VALUE : clock;
        purgedOn = null;
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    @Override
    public void process(Record<String, AggregateDelta> record) {
        AggregateDelta delta = record.value();
        String group = delta.getGroup();
        switch (delta.getKind()) {
            case EXCHANGE -> {
                VolumeChange change = (VolumeChange) delta.getChange();
                addTo(exchange, group, Volume.of(change));
                // Every accepted trade is in exactly one exchange delta: the place to time it once.
                if (change.getEarliestRecordTime() != null) {
                    latency.record(change.getEarliestRecordTime().toEpochMilli(), context.currentSystemTimeMs(), change.getTrades());
                }
            }
            case CATEGORY -> addTo(categories, group, volume(delta));
            case JURISDICTION -> addTo(jurisdictions, group, volume(delta));
            case SALES, PURCHASES -> addToMember(delta.getKind(), group, volume(delta));
            case CATEGORY_WINDOW -> addToWindow(group, delta.getWindowStart().toEpochMilli(), (VolumeChange) delta.getChange());
            case TRADING_DAY -> addToDay(group, (VolumeChange) delta.getChange());
            case PRODUCT_COUNT -> addToProductCount(group, count(delta));
            case DEAD_LETTERS -> {
                DeadLetterCount current = deadLetterCounts.get(group);
                deadLetterCounts.put(group, new DeadLetterCount(group, (current == null ? 0 : current.getCount()) + count(delta)));
            }
            case COMPLIANCE_OUTCOME -> {
                Volume sum = Volume.of(outcomes.get(group)).plus(volume(delta));
                outcomes.put(group, new ComplianceVolume(group, sum.trades(), sum.volumeCny()));
            }
            case TOP_PRODUCTS -> {
                if (!rank(group, (RankingChange) delta.getChange())) {
                    return;
                }
            }
            case EVENT_TIME -> {
                advance(((EventTimeChange) delta.getChange()).getEventTime().toEpochMilli());
                return;
            }
            default -> {
                LOG.warn("Skipping a change of aggregate {} unknown to this version (group {})", delta.getKind(), group);
                metrics.unknownChange();
                return;
            }
        }
        markChanged(delta);
    }

    private void addTo(KeyValueStore<String, TradingVolume> store, String group, Volume change) {
        store.put(group, Volume.of(store.get(group)).plus(change).toTradingVolume(group));
    }

    private void addToMember(AggregateKind kind, String memberId, Volume change) {
        MemberVolume current = members.get(memberId);
        Volume sales = current == null ? Volume.ZERO : new Volume(current.getSalesTrades(), current.getSalesVolumeCny(),
                current.getCrossBorderSalesTrades(), current.getCrossBorderSalesVolumeCny());
        Volume purchases = current == null ? Volume.ZERO : new Volume(current.getPurchaseTrades(), current.getPurchaseVolumeCny(),
                current.getCrossBorderPurchaseTrades(), current.getCrossBorderPurchaseVolumeCny());
        if (kind == AggregateKind.SALES) {
            sales = sales.plus(change);
        } else {
            purchases = purchases.plus(change);
        }
        members.put(memberId, new MemberVolume(memberId,
                sales.trades(), sales.volumeCny(), sales.crossBorderTrades(), sales.crossBorderVolumeCny(),
                purchases.trades(), purchases.volumeCny(), purchases.crossBorderTrades(), purchases.crossBorderVolumeCny()));
    }

    private void addToWindow(String category, long start, VolumeChange change) {
        long end = start + settings.windowSize().toMillis();
        if (isLate(end, change, ExchangeMetrics.CATEGORY_WINDOW)) {
            return;
        }
        Volume sum = Volume.of(windows.fetch(category, start)).plus(Volume.of(change));
        windows.put(category, new WindowedVolume(category, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end),
                sum.trades(), sum.volumeCny(), sum.crossBorderTrades(), sum.crossBorderVolumeCny()), start);
    }

    private void addToDay(String day, VolumeChange change) {
        if (isLate(calendar.end(LocalDate.parse(day)), change, ExchangeMetrics.TRADING_DAY)) {
            return;
        }
        Volume sum = Volume.of(days.get(day)).plus(Volume.of(change));
        days.put(day, new TradingDayVolume(day, calendar.zone().getId(),
                sum.trades(), sum.volumeCny(), sum.crossBorderTrades(), sum.crossBorderVolumeCny()));
    }

    /** Whether the window ending at {@code end} closed before {@code change} arrived; counts its trades as late if so. */
    private boolean isLate(long end, VolumeChange change, String window) {
        advance(change.getLatestEventTime().toEpochMilli());
        if (grace.isClosed(end, streamTime)) {
            metrics.lateTrades(window, change.getTrades());
            return true;
        }
        return false;
    }

    private void addToProductCount(String key, long change) {
        ProductCount current = productCounts.get(key);
        long listed = (current == null ? 0 : current.getListed()) + change;
        String dimension = ProductCountChanges.TOTAL.equals(key) ? key : key.substring(0, key.indexOf('/'));
        String group = ProductCountChanges.TOTAL.equals(key) ? key : key.substring(key.indexOf('/') + 1);
        productCounts.put(key, new ProductCount(dimension, group, listed));
    }

    /** Takes in one partition's ranking; whether the exchange's ranking changed. */
    private boolean rank(String scope, RankingChange change) {
        RankingCandidates current = candidates.get(scope);
        Map<String, List<RankedProduct>> byPartition = current == null ? new HashMap<>() : new HashMap<>(current.getByPartition());
        byPartition.put(Integer.toString(change.getPartition()), change.getProducts());
        candidates.put(scope, new RankingCandidates(scope, byPartition));
        List<RankedProduct> merged = TopProductsRanking.merge(byPartition.values());
        TopProducts before = topProducts.get(scope);
        if (before != null && TopProductsRanking.same(before.getProducts(), merged)) {
            return false;
        }
        topProducts.put(scope, new TopProducts(scope, new ArrayList<>(merged)));
        return true;
    }

    private void advance(long eventTime) {
        if (eventTime > streamTime) {
            streamTime = eventTime;
            clockStore.put(CLOCK, streamTime);
        }
    }

    private void markChanged(AggregateDelta delta) {
        // Sales and purchases are one record per member downstream.
        AggregateKind kind = delta.getKind() == AggregateKind.PURCHASES ? AggregateKind.SALES : delta.getKind();
        AggregateGroup changed = new AggregateGroup(kind, delta.getGroup(),
                delta.getWindowStart() == null ? null : delta.getWindowStart().toEpochMilli());
        unpublished.put(changed.storeKey(), context.currentSystemTimeMs());
    }

    /** Publishes every group changed since the last publication; forgets trading days past their retention. */
    private void publish() {
        List<String> changed = new ArrayList<>();
        StoreContents.forEach(unpublished, (key, markedAt) -> changed.add(key));
        for (String key : changed) {
            publish(AggregateGroup.parse(key));
            unpublished.delete(key);
        }
        purgeTradingDays();
    }

    private void publish(AggregateGroup changed) {
        String group = changed.group();
        switch (changed.kind()) {
            case EXCHANGE -> outbox.publish(ExchangeTopics.EXCHANGE_VOLUME.name(), group, exchange.get(group));
            case CATEGORY -> outbox.publish(ExchangeTopics.CATEGORY_VOLUME.name(), group, categories.get(group));
            case JURISDICTION -> outbox.publish(ExchangeTopics.JURISDICTION_VOLUME.name(), group, jurisdictions.get(group));
            case SALES -> outbox.publish(ExchangeTopics.MEMBER_VOLUME.name(), group, members.get(group));
            case CATEGORY_WINDOW -> {
                WindowedVolume window = windows.fetch(group, changed.windowStart());
                if (window != null) {
                    outbox.publish(ExchangeTopics.CATEGORY_WINDOW_VOLUME.name(),
                            group + "@" + Instant.ofEpochMilli(changed.windowStart()), window);
                }
            }
            case TRADING_DAY -> outbox.publish(ExchangeTopics.TRADING_DAY_VOLUME.name(), group, days.get(group));
            case PRODUCT_COUNT -> outbox.publish(ExchangeTopics.PRODUCT_COUNTS.name(), group, productCounts.get(group));
            case DEAD_LETTERS -> outbox.publish(ExchangeTopics.DEAD_LETTER_COUNTS.name(), group, deadLetterCounts.get(group));
            case COMPLIANCE_OUTCOME -> outbox.publish(ExchangeTopics.COMPLIANCE_VOLUME.name(), group, outcomes.get(group));
            case TOP_PRODUCTS -> outbox.publish(ExchangeTopics.TOP_PRODUCTS.name(), group, topProducts.get(group));
            default -> throw new IllegalStateException("no aggregate topic for " + changed.kind());
        }
    }

    /** Once per day of event time, drops the trading days whose retention has passed. */
    private void purgeTradingDays() {
        if (streamTime == Long.MIN_VALUE || calendar.day(streamTime).equals(purgedOn)) {
            return;
        }
        purgedOn = calendar.day(streamTime);
        long retention = settings.tradingDayRetention().toMillis() + grace.graceMs();
        List<String> expired = new ArrayList<>();
        StoreContents.forEach(days, (day, volume) -> {
            if (streamTime - calendar.end(LocalDate.parse(day)) >= retention) {
                expired.add(day);
            }
        });
        expired.forEach(days::delete);
    }

    private static Volume volume(AggregateDelta delta) {
        return Volume.of((VolumeChange) delta.getChange());
    }

    private static long count(AggregateDelta delta) {
        return ((CountChange) delta.getChange()).getCount();
    }
}
