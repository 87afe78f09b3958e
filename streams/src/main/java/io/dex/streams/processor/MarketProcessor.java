package io.dex.streams.processor;

import io.dex.rules.DataProductRules;
import io.dex.rules.FieldViolation;
import io.dex.schema.AggregateKind;
import io.dex.schema.ComplianceCandidate;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DeadLetter;
import io.dex.schema.ProductState;
import io.dex.schema.ProductVolumes;
import io.dex.schema.RankedProduct;
import io.dex.schema.RankingChange;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.streams.ExchangeStores;
import io.dex.streams.TopologySettings;
import io.dex.streams.aggregate.AggregateGroup;
import io.dex.streams.aggregate.GracePeriod;
import io.dex.streams.aggregate.GroupVolume;
import io.dex.streams.aggregate.PendingDeltas;
import io.dex.streams.aggregate.TradingCalendar;
import io.dex.streams.aggregate.TumblingWindows;
import io.dex.streams.aggregate.Volume;
import io.dex.streams.aggregate.VolumeAggregator;
import io.dex.streams.compliance.ComplianceClassifier;
import io.dex.streams.deadletter.Rejection;
import io.dex.streams.input.Received;
import io.dex.streams.input.RecordKeys;
import io.dex.streams.product.ProductCountChanges;
import io.dex.streams.product.ProductLifecycle;
import io.dex.streams.ranking.TopProductsRanking;
import io.dex.streams.trade.TradeValidator;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The product-keyed side of the exchange, one task per partition of {@code exchange.data-products}
 * and {@code exchange.trades} (co-partitioned by productId), with the FX rates of the global
 * {@value ExchangeStores#FX_RATES} store. It keeps product state, judges each trade against it as of
 * processing, remembers accepted trades, keeps per-product volumes and this partition's top products,
 * and pre-aggregates every other volume per group, flushing one delta per group downstream every
 * flush interval instead of sending each trade on. Cross-border trades go on to the seller-keyed
 * classification. The task of partition 0 also sends the FX intake's dead letters on.
 *
 * <p>Product state and volumes are read from maps that mirror their changelogged stores; the
 * stores are the durable copy and refill the maps whenever the task starts.
 */
public final class MarketProcessor implements Processor<byte[], Received<?>, String, Outbound> {

    /** Scope of the exchange-wide ranking. */
    public static final String ALL_PRODUCTS = "ALL";

    private final TopologySettings settings;
    private final VolumeAggregator aggregator;
    private final Deserializer<DeadLetter> deadLetterValues;

    private ProcessorContext<String, Outbound> context;
    private KeyValueStore<String, ProductState> productStore;
    private FxRateTable rates;
    private KeyValueStore<String, Long> fxDeadLettersSent;
    private WindowStore<String, Long> acceptedStore;
    private KeyValueStore<String, ProductVolumes> productVolumeStore;
    private TaskOutbox outbox;
    private ExchangeMetrics metrics;

    private final Map<String, ProductState> products = new HashMap<>();
    private final Map<String, ProductVolumes> productVolumes = new HashMap<>();
    private final Map<String, TopProductsRanking> rankings = new HashMap<>();
    private final Set<String> changedRankings = new LinkedHashSet<>();
    private final Set<String> changedProductVolumes = new LinkedHashSet<>();
    private PendingDeltas pending;
    private long sentEventTime;

    /** A processor with the given settings, reading the FX intake's dead letters with {@code deadLetterValues}. */
    public MarketProcessor(TopologySettings settings, Deserializer<DeadLetter> deadLetterValues) {
        this.settings = settings;
        this.deadLetterValues = deadLetterValues;
        this.aggregator = new VolumeAggregator(new TumblingWindows(settings.windowSize()),
                new TradingCalendar(settings.timeZone()), new GracePeriod(settings.grace()));
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        productStore = context.getStateStore(ExchangeStores.PRODUCTS);
        rates = new FxRateTable(context.getStateStore(ExchangeStores.FX_RATES), deadLetterValues);
        fxDeadLettersSent = context.getStateStore(ExchangeStores.FX_DEAD_LETTERS_SENT);
        acceptedStore = context.getStateStore(ExchangeStores.ACCEPTED_TRADES);
        productVolumeStore = context.getStateStore(ExchangeStores.PRODUCT_VOLUMES);
        pending = new PendingDeltas(context.getStateStore(ExchangeStores.MARKET_PENDING));
        metrics = new ExchangeMetrics(context.metrics());
        outbox = new TaskOutbox(context, metrics);
        restore();
        context.schedule(settings.flushInterval(), PunctuationType.WALL_CLOCK_TIME, now -> flush());
        context.schedule(settings.publishInterval(), PunctuationType.WALL_CLOCK_TIME, now -> publish());
    }

    /** Refills the maps from the stores; everything derived is sent again on the first flush. */
    private void restore() {
        products.clear();
        productVolumes.clear();
        rankings.clear();
        StoreContents.forEach(productStore, products::put);
        StoreContents.forEach(productVolumeStore, (productId, volumes) -> {
            // Updated in place by every trade from now on: a map of our own, copied once per task start.
            volumes.setByCategory(new HashMap<>(volumes.getByCategory()));
            productVolumes.put(productId, volumes);
            changedProductVolumes.add(productId);
            TradingVolume total = volumes.getTotal();
            rank(ALL_PRODUCTS, new RankedProduct(productId, total.getVolumeCny(), total.getTrades()));
            volumes.getByCategory().forEach(this::rank);
        });
        changedRankings.addAll(rankings.keySet());
        sentEventTime = Long.MIN_VALUE;
    }

    @Override
    public void process(Record<byte[], Received<?>> record) {
        Received<?> received = record.value();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Object event = received == null ? null : received.event();
        if (event instanceof TradeEvent trade) {
            onTrade(record, key, trade);
        } else if (event instanceof DataProductEvent product) {
            onProduct(record, key, product);
        } else {
            String problem = received == null ? "the record has no value" : received.problem();
            reject(record, key, Rejection.unreadable(problem));
        }
    }

    private void onProduct(Record<byte[], Received<?>> record, String key, DataProductEvent event) {
        List<FieldViolation> violations = new ArrayList<>(RecordKeys.violations(key, "productId", event.getProductId()));
        violations.addAll(DataProductRules.violations(event));
        if (!violations.isEmpty()) {
            reject(record, key, Rejection.malformed(violations));
            return;
        }
        ProductState before = products.get(event.getProductId());
        ProductLifecycle.Outcome outcome = ProductLifecycle.apply(before, event);
        if (outcome instanceof ProductLifecycle.Refused refused) {
            reject(record, key, refused.rejection());
            return;
        }
        ProductState after = ((ProductLifecycle.Changed) outcome).state();
        products.put(after.getProductId(), after);
        productStore.put(after.getProductId(), after);
        ProductCountChanges.between(before, after)
                .forEach((group, change) -> pending.addCount(AggregateGroup.of(AggregateKind.PRODUCT_COUNT, group), change));
    }

    private void onTrade(Record<byte[], Received<?>> record, String key, TradeEvent trade) {
        long recordTime = record.value().recordTimestamp();
        boolean stamped = recordTime != Received.UNSTAMPED;
        TradeValidator.Verdict verdict = TradeValidator.validate(key, trade, stamped ? Instant.ofEpochMilli(recordTime) : null,
                products.get(trade.getProductId()), rates, this::wasAccepted);
        if (verdict instanceof TradeValidator.Invalid invalid) {
            reject(record, key, invalid.rejection());
            return;
        }
        TradeValidator.Valid valid = (TradeValidator.Valid) verdict;
        ProductState product = valid.product();
        boolean crossBorder = VolumeAggregator.isCrossBorder(trade.getBuyerJurisdiction());
        if (crossBorder && ComplianceClassifier.isBlocked(product.getClassification())) {
            // Rejected, so not remembered as accepted: sent again, it is judged afresh (and blocked again).
            reject(record, key, new Rejection(RejectionReason.CROSS_BORDER_BLOCKED, "product " + product.getProductId()
                    + " is classified CORE: core data may not leave the country (buyer in "
                    + trade.getBuyerJurisdiction() + ")"));
            outbox.send(trade.getSellerId(), new Outbound.Candidate(candidate(trade, product, valid.volumeCny())));
            return;
        }
        accept(trade, product, valid.volumeCny(), stamped ? recordTime : PendingDeltas.UNTIMED);
        if (crossBorder) {
            outbox.send(trade.getSellerId(), new Outbound.Candidate(candidate(trade, product, valid.volumeCny())));
        }
    }

    /**
     * Accepts a valid trade whose record was appended to its topic at {@code appended}
     * ({@link PendingDeltas#UNTIMED} when unknown).
     */
    private void accept(TradeEvent trade, ProductState product, BigDecimal volumeCny, long appended) {
        long eventTime = trade.getOccurredAt().toEpochMilli();
        acceptedStore.put(acceptedKey(trade), eventTime, eventTime);
        pending.advanceEventTime(eventTime);
        String category = product.getCategory().name();
        VolumeAggregator.Contributions contributions = aggregator.contributions(trade, category, volumeCny, pending.eventTime());
        for (GroupVolume group : contributions.groups()) {
            pending.addVolume(group.group(), group.volume(), eventTime, appended);
        }
        if (contributions.windowClosed()) {
            metrics.lateTrades(ExchangeMetrics.CATEGORY_WINDOW, 1);
        }
        if (contributions.dayClosed()) {
            metrics.lateTrades(ExchangeMetrics.TRADING_DAY, 1);
        }
        addToProduct(trade.getProductId(), category, contributions.volume());
        metrics.tradeAccepted();
    }

    /**
     * Adds one trade to the product's volumes, in total and in its category, and to their rankings. The
     * product's entry is updated in place (the store keeps its own serialized copy of each put).
     */
    private void addToProduct(String productId, String category, Volume trade) {
        ProductVolumes volumes = productVolumes.computeIfAbsent(productId, id -> new ProductVolumes(id, null, new HashMap<>()));
        TradingVolume total = Volume.of(volumes.getTotal()).plus(trade).toTradingVolume(productId);
        volumes.setTotal(total);
        RankedProduct inCategory = volumes.getByCategory().merge(category, new RankedProduct(productId, trade.volumeCny(), trade.trades()),
                (earlier, added) -> new RankedProduct(productId, earlier.getVolumeCny().add(added.getVolumeCny()),
                        earlier.getTrades() + added.getTrades()));
        productVolumeStore.put(productId, volumes);
        changedProductVolumes.add(productId);
        rank(ALL_PRODUCTS, new RankedProduct(productId, total.getVolumeCny(), total.getTrades()));
        rank(category, inCategory);
    }

    private boolean wasAccepted(TradeEvent trade) {
        long eventTime = trade.getOccurredAt().toEpochMilli();
        long retention = settings.dedupRetention().toMillis();
        try (WindowStoreIterator<Long> earlier = acceptedStore.fetch(acceptedKey(trade),
                Math.max(0, eventTime - retention), eventTime + retention)) {
            return earlier.hasNext();
        }
    }

    private void rank(String scope, RankedProduct product) {
        if (rankings.computeIfAbsent(scope, s -> new TopProductsRanking()).offer(product)) {
            changedRankings.add(scope);
        }
    }

    /**
     * Sends the FX intake's new dead letters (partition 0 only), then to the roll-up the pending deltas,
     * how far event time got and the changed rankings.
     */
    private void flush() {
        int partition = context.taskId().partition();
        if (partition == 0) {
            sendFxDeadLetters();
        }
        outbox.flush(pending);
        if (pending.eventTime() > sentEventTime) {
            outbox.delta(pending.eventTimeDelta());
            sentEventTime = pending.eventTime();
        }
        for (String scope : changedRankings) {
            outbox.delta(AggregateGroup.of(AggregateKind.TOP_PRODUCTS, scope)
                    .delta(new RankingChange(partition, rankings.get(scope).products())));
        }
        changedRankings.clear();
    }

    /**
     * Every instance's FX intake keeps the same dead letters in its global store; this task sends each
     * once, remembering which in a changelogged store that moves with the task.
     */
    private void sendFxDeadLetters() {
        rates.forEachRejected(key -> fxDeadLettersSent.get(key) == null, (key, letter) -> {
            ByteBuffer originalKey = letter.getOriginalKey();
            outbox.deadLetter(originalKey == null ? null : StandardCharsets.UTF_8.decode(originalKey.duplicate()).toString(),
                    letter, pending);
            fxDeadLettersSent.put(key, context.currentSystemTimeMs());
        });
    }

    /** Publishes the products whose volume changed since the last publication. */
    private void publish() {
        for (String productId : changedProductVolumes) {
            outbox.publish(ExchangeTopics.PRODUCT_VOLUME.name(), productId, productVolumes.get(productId).getTotal());
        }
        changedProductVolumes.clear();
    }

    private void reject(Record<byte[], Received<?>> record, String key, Rejection rejection) {
        outbox.reject(rejection, pending, key, record.key(), record.value() == null ? null : record.value().bytes());
    }

    private static ComplianceCandidate candidate(TradeEvent trade, ProductState product, BigDecimal volumeCny) {
        return ComplianceCandidate.newBuilder()
                .setTransactionId(trade.getTransactionId())
                .setSellerId(trade.getSellerId())
                .setProductId(trade.getProductId())
                .setBuyerJurisdiction(trade.getBuyerJurisdiction())
                .setClassification(product.getClassification())
                .setPersonalInfoSubjects(product.getPersonalInfoSubjects())
                .setSensitivePersonalInfo(product.getSensitivePersonalInfo())
                .setVolumeCny(volumeCny)
                .setOccurredAt(trade.getOccurredAt())
                .build();
    }

    private static String acceptedKey(TradeEvent trade) {
        return trade.getProductId() + "/" + trade.getTransactionId();
    }

}
