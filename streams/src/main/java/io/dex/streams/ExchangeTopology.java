package io.dex.streams;

import io.dex.registry.SchemaRegistryClient;
import io.dex.schema.AggregateDelta;
import io.dex.schema.ComplianceCandidate;
import io.dex.schema.ComplianceVolume;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeadLetterCount;
import io.dex.schema.FxRate;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductCount;
import io.dex.schema.ProductState;
import io.dex.schema.ProductVolumes;
import io.dex.schema.RankingCandidates;
import io.dex.schema.SellerComplianceHistory;
import io.dex.schema.TopProducts;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import io.dex.serde.SpecificAvroSerde;
import io.dex.streams.input.OccurredAtExtractor;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.streams.input.Received;
import io.dex.streams.input.ReceivedSerde;
import io.dex.streams.processor.ComplianceProcessor;
import io.dex.streams.processor.DeltaPartitioner;
import io.dex.streams.processor.FxRateIntake;
import io.dex.streams.processor.MarketProcessor;
import io.dex.streams.processor.Outbound;
import io.dex.streams.processor.PublicationSerde;
import io.dex.streams.processor.PublicationTopic;
import io.dex.streams.processor.RollupProcessor;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The exchange's aggregation topology (SPEC "semantics", "compliance"), built in one place. A global
 * store and three stages, each a sub-topology (see {@code streams/README.md}):
 * <ol>
 *   <li>FX intake: validates {@code exchange.fx-rates} into the global {@code fx-rates} store, which
 *       every instance fills before it processes any trade.</li>
 *   <li>Market, keyed by productId, over the co-partitioned {@code exchange.data-products} and
 *       {@code exchange.trades}: product state, trade validation, dedup, per-product volumes, the
 *       partition's top products, and per-group pre-aggregation of every other volume.</li>
 *   <li>Compliance, keyed by seller: classification of cross-border trades against the seller's
 *       running yearly sums.</li>
 *   <li>Roll-up, keyed by aggregate group: adds the deltas up into the queryable totals and publishes
 *       them to {@code exchange.agg.*}.</li>
 * </ol>
 * Only cross-border trades and one delta per group and flush interval cross a repartition, however
 * many trades there are.
 */
public final class ExchangeTopology {

    /**
     * The inputs of the stream tasks, joined by productId and so co-partitioned; the application's
     * consumer group commits their offsets.
     */
    public static final List<ExchangeTopic<?>> TASK_INPUTS = List.of(ExchangeTopics.DATA_PRODUCTS, ExchangeTopics.TRADES);

    /** The input of the global FX store, which every instance reads whole, outside the consumer group. */
    public static final ExchangeTopic<FxRate> GLOBAL_INPUT = ExchangeTopics.FX_RATES;

    private ExchangeTopology() {
    }

    /**
     * The topology with {@code settings}, reading and writing contracts registered in {@code registry},
     * timing every accepted trade from its append to {@code exchange.trades} until the roll-up makes it
     * visible in the aggregates into {@code latency}.
     */
    public static Topology buildTopology(TopologySettings settings, SchemaRegistryClient registry, EndToEndLatency latency) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, settings, registry);
        PublicationSerde publications = new PublicationSerde(registry);
        SpecificAvroSerde<AggregateDelta> deltas = avro(registry, AggregateDelta.class);
        Serde<DeadLetter> deadLetters = ExchangeTopics.DEAD_LETTERS.valueSerde(registry);

        // FX intake: a global store, complete before any trade is judged against it. Not logged: the
        // compacted exchange.fx-rates is its changelog, read again through the intake on every rebuild.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ExchangeStores.FX_RATES),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                GLOBAL_INPUT.name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withTimestampExtractor(new UsePartitionTimeOnInvalidTimestamp())
                        .withName("fx-intake"),
                () -> new FxRateIntake(new ReceivedSerde<>(registry, FxRate.class).deserializer(), deadLetters.serializer()));

        // Stage 1: market, keyed by productId.
        KStream<byte[], Received<?>> products = widen(builder.stream(ExchangeTopics.DATA_PRODUCTS.name(),
                Consumed.with(Serdes.ByteArray(), new ReceivedSerde<>(registry, DataProductEvent.class))
                        .withTimestampExtractor(new OccurredAtExtractor()).withName("data-products-source")));
        KStream<byte[], Received<?>> trades = widen(builder.stream(ExchangeTopics.TRADES.name(),
                Consumed.with(Serdes.ByteArray(), new ReceivedSerde<>(registry, TradeEvent.class))
                        .withTimestampExtractor(new OccurredAtExtractor()).withName("trades-source")));
        KStream<String, Outbound> marketOut = products
                .merge(trades, Named.as("market-inputs"))
                .process(() -> new MarketProcessor(settings, deadLetters.deserializer()), Named.as("market"),
                        ExchangeStores.PRODUCTS, ExchangeStores.FX_DEAD_LETTERS_SENT, ExchangeStores.ACCEPTED_TRADES,
                        ExchangeStores.PRODUCT_VOLUMES, ExchangeStores.MARKET_PENDING);
        Map<String, KStream<String, Outbound>> market = split(marketOut, "market",
                Outbound.Publication.class, Outbound.Delta.class, Outbound.Candidate.class);
        publish(market.get(branch("market", Outbound.Publication.class)), "market", publications);

        // Stage 2: compliance, keyed by seller.
        KStream<String, Outbound> complianceOut = market.get(branch("market", Outbound.Candidate.class))
                .mapValues(out -> ((Outbound.Candidate) out).candidate(), Named.as("market-candidate-unwrap"))
                .repartition(Repartitioned.with(Serdes.String(), avro(registry, ComplianceCandidate.class))
                        .withName("compliance-candidates"))
                .process(() -> new ComplianceProcessor(settings), Named.as("compliance"),
                        ExchangeStores.SELLER_COMPLIANCE, ExchangeStores.SELLER_PENDING);
        Map<String, KStream<String, Outbound>> compliance = split(complianceOut, "compliance",
                Outbound.Publication.class, Outbound.Delta.class);
        publish(compliance.get(branch("compliance", Outbound.Publication.class)), "compliance", publications);

        // Stage 3: roll-up, keyed by aggregate group.
        int rollupPartitions = settings.rollupPartitions();
        KStream<String, Outbound> rollupOut = toRollup(market, "market", deltas, rollupPartitions)
                .merge(toRollup(compliance, "compliance", deltas, rollupPartitions), Named.as("rollup-inputs"))
                .process(() -> new RollupProcessor(settings, latency), Named.as("rollup"),
                        ExchangeStores.EXCHANGE_VOLUME, ExchangeStores.CATEGORY_VOLUMES, ExchangeStores.JURISDICTION_VOLUMES,
                        ExchangeStores.MEMBER_VOLUMES, ExchangeStores.CATEGORY_WINDOWS, ExchangeStores.TRADING_DAYS,
                        ExchangeStores.PRODUCT_COUNTS, ExchangeStores.DEAD_LETTER_COUNTS, ExchangeStores.COMPLIANCE_OUTCOMES,
                        ExchangeStores.RANKING_CANDIDATES, ExchangeStores.TOP_PRODUCTS, ExchangeStores.ROLLUP_CLOCK,
                        ExchangeStores.ROLLUP_UNPUBLISHED);
        publish(rollupOut, "rollup", publications);
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder, TopologySettings settings, SchemaRegistryClient registry) {
        Serde<Long> longs = Serdes.Long();
        builder.addStateStore(keyValue(ExchangeStores.PRODUCTS, avro(registry, ProductState.class)));
        builder.addStateStore(keyValue(ExchangeStores.FX_DEAD_LETTERS_SENT, longs));
        // Every accepted trade has its own key, so a cache would only delay the changelog.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(ExchangeStores.ACCEPTED_TRADES,
                settings.dedupRetention(), Duration.ofMillis(1), false), Serdes.String(), longs));
        builder.addStateStore(keyValue(ExchangeStores.PRODUCT_VOLUMES, avro(registry, ProductVolumes.class)));
        builder.addStateStore(keyValue(ExchangeStores.MARKET_PENDING, Serdes.ByteArray()));
        builder.addStateStore(keyValue(ExchangeStores.SELLER_COMPLIANCE, avro(registry, SellerComplianceHistory.class)));
        builder.addStateStore(keyValue(ExchangeStores.SELLER_PENDING, Serdes.ByteArray()));
        builder.addStateStore(keyValue(ExchangeStores.EXCHANGE_VOLUME, avro(registry, TradingVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.CATEGORY_VOLUMES, avro(registry, TradingVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.JURISDICTION_VOLUMES, avro(registry, TradingVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.MEMBER_VOLUMES, avro(registry, MemberVolume.class)));
        // Closed windows stay for the retention after closing: start + size + grace + retention. No record
        // cache: it would keep serving windows past their retention until evicted.
        Duration windowLifetime = settings.windowRetention().plus(settings.windowSize()).plus(settings.grace());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(ExchangeStores.CATEGORY_WINDOWS,
                windowLifetime, settings.windowSize(), false), Serdes.String(), avro(registry, WindowedVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.TRADING_DAYS, avro(registry, TradingDayVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.PRODUCT_COUNTS, avro(registry, ProductCount.class)));
        builder.addStateStore(keyValue(ExchangeStores.DEAD_LETTER_COUNTS, avro(registry, DeadLetterCount.class)));
        builder.addStateStore(keyValue(ExchangeStores.COMPLIANCE_OUTCOMES, avro(registry, ComplianceVolume.class)));
        builder.addStateStore(keyValue(ExchangeStores.RANKING_CANDIDATES, avro(registry, RankingCandidates.class)));
        builder.addStateStore(keyValue(ExchangeStores.TOP_PRODUCTS, avro(registry, TopProducts.class)));
        builder.addStateStore(keyValue(ExchangeStores.ROLLUP_CLOCK, longs));
        builder.addStateStore(keyValue(ExchangeStores.ROLLUP_UNPUBLISHED, longs));
    }

    /** An in-memory store, changelogged, with the record cache that batches its changelog writes per commit. */
    private static <V> StoreBuilder<?> keyValue(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values).withCachingEnabled();
    }

    private static <T extends SpecificRecord> SpecificAvroSerde<T> avro(SchemaRegistryClient registry, Class<T> type) {
        return new SpecificAvroSerde<>(registry, type);
    }

    /** One branch per kind of outbound record, named {@code <processor>-<kind>}. */
    @SafeVarargs
    private static Map<String, KStream<String, Outbound>> split(
            KStream<String, Outbound> out, String processor, Class<? extends Outbound>... kinds) {
        BranchedKStream<String, Outbound> branches = out.split(Named.as(processor + "-"));
        for (Class<? extends Outbound> kind : kinds) {
            branches = branches.branch((key, value) -> kind.isInstance(value), Branched.as(kindName(kind)));
        }
        return branches.noDefaultBranch();
    }

    private static String branch(String processor, Class<? extends Outbound> kind) {
        return processor + "-" + kindName(kind);
    }

    private static String kindName(Class<? extends Outbound> kind) {
        return kind.getSimpleName().toLowerCase();
    }

    /** Sends publications to the exchange topic each names. */
    @SuppressWarnings("unchecked")
    private static void publish(KStream<String, Outbound> out, String processor, PublicationSerde publications) {
        // The branch holds only publications; the cast saves a node per record.
        KStream<String, Outbound.Publication> only = (KStream<String, Outbound.Publication>) (KStream<?, ?>) out;
        only.to(new PublicationTopic(), Produced.with(Serdes.String(), publications).withName(processor + "-to-exchange-topics"));
    }

    /**
     * The deltas of one stage, repartitioned by group for the roll-up. Every stage's deltas topic has
     * the same number of partitions, so that a group lands in the same roll-up task whichever stage
     * sent it, and few: each transaction writes every partition it touches, and the deltas are few.
     */
    private static KStream<String, AggregateDelta> toRollup(Map<String, KStream<String, Outbound>> stage, String processor,
                                                            SpecificAvroSerde<AggregateDelta> deltas, int partitions) {
        return stage.get(branch(processor, Outbound.Delta.class))
                .mapValues(out -> ((Outbound.Delta) out).delta(), Named.as(processor + "-delta-unwrap"))
                .repartition(Repartitioned.with(Serdes.String(), deltas)
                        .withName(processor + "-deltas")
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(new DeltaPartitioner()));
    }

    /** A stream of received events of some type, to merge inputs of different types. */
    @SuppressWarnings("unchecked")
    private static <T> KStream<byte[], Received<?>> widen(KStream<byte[], Received<T>> stream) {
        return (KStream<byte[], Received<?>>) (KStream<?, ?>) stream;
    }
}
