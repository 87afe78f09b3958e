package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.Category;
import io.dex.schema.EventTimeChange;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.VolumeChange;
import io.dex.schema.WindowedVolume;
import io.dex.serde.SpecificAvroSerde;
import io.dex.streams.compliance.ComplianceThresholds;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Category windows and trading days")
class EventTimeWindowsTopologyTest {

    private static final Instant NINE = Instant.parse("2026-11-28T09:00:00Z");

    private static void trade(ExchangeDriver exchange, String transactionId, Instant at, String amount, String jurisdiction) {
        exchange.trade(Events.trade(transactionId, "P1", "M1", "M2", amount).setOccurredAt(at).setBuyerJurisdiction(jurisdiction).build());
    }

    private static List<KeyValue<Long, WindowedVolume>> windows(ExchangeDriver exchange, Instant from, Instant to) {
        List<KeyValue<Long, WindowedVolume>> windows = new ArrayList<>();
        try (WindowStoreIterator<WindowedVolume> found = exchange.<WindowedVolume>windowStore(ExchangeStores.CATEGORY_WINDOWS)
                .fetch("FINANCE", from, to)) {
            found.forEachRemaining(windows::add);
        }
        return windows;
    }

    private static Map.Entry<Long, String> window(Instant start, long trades, String volume) {
        return Map.entry(trades, volume + "@" + start);
    }

    private static List<Map.Entry<Long, String>> summary(List<KeyValue<Long, WindowedVolume>> windows) {
        return windows.stream().map(window -> Map.entry(window.value.getTrades(),
                window.value.getVolumeCny().stripTrailingZeros().toPlainString() + "@" + window.value.getWindowStart())).toList();
    }

    @Test
    @DisplayName("a trade later than the grace period is left out of its closed window, kept in the totals and counted as late")
    void grace() {
        try (ExchangeDriver exchange = new ExchangeDriver()) {
            exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
            trade(exchange, "A", NINE.plusSeconds(10), "1", "CN");
            trade(exchange, "B", NINE.plusSeconds(50), "2", "US");
            trade(exchange, "C", NINE.plusSeconds(90), "4", "CN");
            // Stream time 09:07 closes the windows of 09:00 (until 09:06) and 09:01 (until 09:07).
            trade(exchange, "D", NINE.plus(Duration.ofMinutes(7)), "8", "CN");
            trade(exchange, "E", NINE.plusSeconds(30), "16", "CN");
            trade(exchange, "F", NINE.plusSeconds(150), "32", "CN");
            exchange.flush();

            assertThat(summary(windows(exchange, NINE, NINE.plus(Duration.ofMinutes(10))))).containsExactly(
                    window(NINE, 2, "3"), window(NINE.plusSeconds(60), 1, "4"),
                    window(NINE.plusSeconds(120), 1, "32"), window(NINE.plusSeconds(420), 1, "8"));
            WindowedVolume first = windows(exchange, NINE, NINE).get(0).value;
            assertThat(first.getWindowEnd()).isEqualTo(NINE.plusSeconds(60));
            assertThat(first.getCrossBorderTrades()).isEqualTo(1);
            assertThat(first.getCrossBorderVolumeCny()).isEqualTo(new BigDecimal("2.0000"));
            assertThat(exchange.<TradingVolume>store(ExchangeStores.CATEGORY_VOLUMES).get("FINANCE").getVolumeCny())
                    .isEqualTo(new BigDecimal("63.0000"));
            assertThat(exchange.metricTotal("late-trades", "window", "category-window")).isEqualTo(1.0);
            assertThat(exchange.metricTotal("late-trades", "window", "trading-day")).isZero();
            assertThat(exchange.<TradingDayVolume>store(ExchangeStores.TRADING_DAYS).get("2026-11-28").getTrades()).isEqualTo(6);

            Map<String, WindowedVolume> published = exchange.latest(ExchangeTopics.CATEGORY_WINDOW_VOLUME);
            assertThat(published).containsKeys("FINANCE@2026-11-28T09:00:00Z", "FINANCE@2026-11-28T09:07:00Z");
            assertThat(published.get("FINANCE@2026-11-28T09:00:00Z").getTrades()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("trading days are calendar days in Asia/Shanghai, and close with the grace period too")
    void tradingDays() {
        try (ExchangeDriver exchange = new ExchangeDriver()) {
            exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
            Instant midnight = Instant.parse("2026-11-28T16:00:00Z");
            trade(exchange, "A", midnight.minusMillis(1), "1", "US");
            trade(exchange, "B", midnight, "2", "CN");
            trade(exchange, "C", midnight.plus(Duration.ofMinutes(4)), "4", "CN");
            trade(exchange, "D", midnight.minusSeconds(30), "8", "CN");
            // 00:05 in Shanghai: 27 November is closed.
            trade(exchange, "E", midnight.plus(Duration.ofMinutes(5)), "16", "CN");
            trade(exchange, "F", midnight.minusSeconds(30), "32", "CN");
            exchange.flush();

            TradingDayVolume before = exchange.<TradingDayVolume>store(ExchangeStores.TRADING_DAYS).get("2026-11-28");
            TradingDayVolume after = exchange.<TradingDayVolume>store(ExchangeStores.TRADING_DAYS).get("2026-11-29");
            assertThat(before).isEqualTo(new TradingDayVolume("2026-11-28", "Asia/Shanghai", 2L, new BigDecimal("9.0000"),
                    1L, new BigDecimal("1.0000")));
            assertThat(after).isEqualTo(new TradingDayVolume("2026-11-29", "Asia/Shanghai", 3L, new BigDecimal("22.0000"),
                    0L, new BigDecimal("0.0000")));
            assertThat(exchange.metricTotal("late-trades", "window", "trading-day")).isEqualTo(1.0);
            assertThat(exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange").getTrades()).isEqualTo(6);
            assertThat(exchange.latest(ExchangeTopics.TRADING_DAY_VOLUME)).containsOnlyKeys("2026-11-28", "2026-11-29");
        }
    }

    @Test
    @DisplayName("closed windows and days stay queryable for their retention, then go")
    void retention() {
        TopologySettings settings = new TopologySettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofDays(7), ZoneId.of("Asia/Shanghai"), ComplianceThresholds.SPEC, Duration.ofMillis(100),
                Duration.ofSeconds(1), 1);
        try (ExchangeDriver exchange = new ExchangeDriver(settings)) {
            exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
            trade(exchange, "A", NINE, "1", "CN");
            // The window closed at 09:06 and is kept for an hour after.
            trade(exchange, "B", NINE.plus(Duration.ofMinutes(66)).minusSeconds(1), "1", "CN");
            exchange.flush();
            assertThat(windows(exchange, NINE, NINE)).hasSize(1);
            trade(exchange, "C", NINE.plus(Duration.ofMinutes(70)), "1", "CN");
            exchange.flush();
            assertThat(windows(exchange, NINE, NINE)).isEmpty();

            // 28 November closed at 16:05 UTC and is kept a day after.
            trade(exchange, "D", Instant.parse("2026-11-30T12:00:00Z"), "1", "CN");
            exchange.flush();
            assertThat(exchange.entries(ExchangeStores.TRADING_DAYS)).containsOnlyKeys("2026-11-30");
        }
    }

    @Test
    @DisplayName("the roll-up closes windows on the event time of every partition: a lagging partition's change is late")
    void laggingPartition() {
        try (ExchangeDriver exchange = new ExchangeDriver()) {
            SpecificAvroSerde<AggregateDelta> deltas = new SpecificAvroSerde<>(exchange.registry, AggregateDelta.class);
            TestInputTopic<String, AggregateDelta> marketDeltas = exchange.driver.createInputTopic(
                    "dex-test-market-deltas-repartition", new StringSerializer(), deltas.serializer());
            // Another partition got to 09:10.
            marketDeltas.pipeInput("", new AggregateDelta(AggregateKind.EVENT_TIME, "", null,
                    new EventTimeChange(NINE.plus(Duration.ofMinutes(10)))));
            VolumeChange change = new VolumeChange(3L, new BigDecimal("5.0000"), 0L, new BigDecimal("0.0000"), NINE.plusSeconds(1), null);
            marketDeltas.pipeInput("FINANCE", new AggregateDelta(AggregateKind.CATEGORY_WINDOW, "FINANCE", NINE, change));
            marketDeltas.pipeInput("FINANCE", new AggregateDelta(AggregateKind.CATEGORY_WINDOW, "FINANCE", NINE.plus(Duration.ofMinutes(9)), change));
            marketDeltas.pipeInput("FINANCE", new AggregateDelta(AggregateKind.CATEGORY, "FINANCE", null, change));
            assertThat(windows(exchange, NINE, NINE.plus(Duration.ofMinutes(10)))).hasSize(1)
                    .allSatisfy(window -> assertThat(window.key).isEqualTo(NINE.plus(Duration.ofMinutes(9)).toEpochMilli()));
            assertThat(exchange.metricTotal("late-trades", "window", "category-window")).isEqualTo(3.0);
            assertThat(exchange.<TradingVolume>store(ExchangeStores.CATEGORY_VOLUMES).get("FINANCE").getTrades()).isEqualTo(3);
        }
    }
}
