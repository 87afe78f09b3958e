package io.dex.streams;

import io.dex.registry.InMemorySchemaRegistryClient;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DeadLetter;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The exchange topology in a {@link TopologyTestDriver} with an in-memory schema registry: typed
 * inputs for the three input topics, raw byte inputs for records that are not events, readers of the
 * output topics and access to the stores. Records are piped with their occurredAt as record timestamp.
 */
final class ExchangeDriver implements AutoCloseable {

    /** Record timestamp of FX rates, which carry no event time. */
    static final Instant RATE_PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    /** The driver's wall clock when it starts. */
    static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologySettings settings;
    final TopologyTestDriver driver;
    private final TestInputTopic<String, DataProductEvent> products;
    private final TestInputTopic<String, TradeEvent> trades;
    private final TestInputTopic<String, FxRate> rates;

    ExchangeDriver() {
        this(TopologySettings.defaults());
    }

    ExchangeDriver(TopologySettings settings) {
        this.settings = settings;
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dex-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        driver = new TopologyTestDriver(ExchangeTopology.buildTopology(settings, registry, new EndToEndLatency(meters)), config,
                STARTED);
        products = input(ExchangeTopics.DATA_PRODUCTS);
        trades = input(ExchangeTopics.TRADES);
        rates = input(ExchangeTopics.FX_RATES);
    }

    private static String stateDir() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "dex-streams-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <V extends SpecificRecord> TestInputTopic<String, V> input(ExchangeTopic<V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde(registry).serializer());
    }

    /** Publishes a product event under its productId. */
    void product(DataProductEvent event) {
        products.pipeInput(event.getProductId(), event, event.getOccurredAt());
    }

    /** Publishes a trade under its productId. */
    void trade(TradeEvent trade) {
        trades.pipeInput(trade.getProductId(), trade, trade.getOccurredAt());
    }

    /** Publishes a trade under its productId, as appended to {@code exchange.trades} at {@code appendedAt}. */
    void trade(TradeEvent trade, Instant appendedAt) {
        trades.pipeInput(trade.getProductId(), trade, appendedAt);
    }

    /** The end-to-end latency timer of the topology. */
    Timer endToEndLatency() {
        return meters.get(EndToEndLatency.TIMER).timer();
    }

    /** Publishes an FX rate under its currency. */
    void rate(FxRate rate) {
        rates.pipeInput(rate.getCurrency(), rate, RATE_PUBLISHED);
    }

    /** Publishes raw bytes to an input topic. */
    void raw(ExchangeTopic<?> topic, byte[] key, byte[] value) {
        driver.createInputTopic(topic.name(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(key, value, RATE_PUBLISHED);
    }

    /**
     * Lets every task flush and publish (wall clock advances by the publish interval), twice: the
     * roll-up takes in the market's deltas after its own publication of that round, and publishes
     * them on the next.
     */
    void flush() {
        driver.advanceWallClockTime(settings.publishInterval());
        driver.advanceWallClockTime(settings.publishInterval());
    }

    /** Every record written to {@code topic} since the last read, in order. */
    <V extends SpecificRecord> List<KeyValue<String, V>> read(ExchangeTopic<V> topic) {
        TestOutputTopic<String, V> output = driver.createOutputTopic(topic.name(), new StringDeserializer(),
                topic.valueSerde(registry).deserializer());
        return output.readKeyValuesToList();
    }

    /** The latest record per key written to {@code topic} since the last read. */
    <V extends SpecificRecord> Map<String, V> latest(ExchangeTopic<V> topic) {
        TestOutputTopic<String, V> output = driver.createOutputTopic(topic.name(), new StringDeserializer(),
                topic.valueSerde(registry).deserializer());
        return output.readKeyValuesToMap();
    }

    /** Dead letters written since the last read. */
    List<DeadLetter> deadLetters() {
        return read(ExchangeTopics.DEAD_LETTERS).stream().map(entry -> entry.value).toList();
    }

    <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Every entry of a key-value store, in key order. */
    <V> Map<String, V> entries(String name) {
        Map<String, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> all = this.<V>store(name).all()) {
            all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        return entries;
    }

    <V> WindowStore<String, V> windowStore(String name) {
        return driver.getWindowStore(name);
    }

    /** The total of the exchange metric {@code name} with the given tag, 0 when never recorded. */
    double metricTotal(String name, String tag, String tagValue) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> isMetric(entry.getKey(), name, tag, tagValue))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .sum();
    }

    private static boolean isMetric(MetricName metric, String name, String tag, String tagValue) {
        return metric.name().equals(name + "-total") && metric.group().equals("stream-dex-metrics")
                && (tag == null || tagValue.equals(metric.tags().get(tag)));
    }

    /** All metrics, for diagnostics. */
    Map<MetricName, ? extends Metric> metrics() {
        return driver.metrics();
    }

    @Override
    public void close() {
        driver.close();
    }
}
