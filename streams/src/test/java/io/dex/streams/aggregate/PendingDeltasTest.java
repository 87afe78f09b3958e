package io.dex.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.CountChange;
import io.dex.schema.VolumeChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pending deltas")
class PendingDeltasTest {

    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("pending"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    private static Volume volume(String cny, boolean crossBorder) {
        return Volume.ofTrade(new BigDecimal(cny).setScale(4), crossBorder);
    }

    @Test
    @DisplayName("changes of one group add up into one delta with the latest event time")
    void addUp() {
        PendingDeltas pending = new PendingDeltas(store);
        AggregateGroup category = AggregateGroup.of(AggregateKind.CATEGORY, "ENERGY");
        pending.addVolume(category, volume("1.5", false), 2_000, 5_000);
        pending.addVolume(category, volume("2.25", true), 1_000, 4_000);
        AggregateGroup total = AggregateGroup.of(AggregateKind.PRODUCT_COUNT, "total");
        pending.addCount(total, 1);
        pending.addCount(total, 1);
        pending.addCount(total, -1);
        List<AggregateDelta> deltas = pending.drain();
        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).getChange()).isEqualTo(new CountChange(1L));
        VolumeChange change = (VolumeChange) deltas.get(1).getChange();
        assertThat(change.getTrades()).isEqualTo(2);
        assertThat(change.getVolumeCny()).isEqualTo(new BigDecimal("3.7500"));
        assertThat(change.getCrossBorderTrades()).isEqualTo(1);
        assertThat(change.getCrossBorderVolumeCny()).isEqualTo(new BigDecimal("2.2500"));
        assertThat(change.getLatestEventTime()).isEqualTo(Instant.ofEpochMilli(2_000));
        assertThat(change.getEarliestRecordTime()).as("where the end-to-end latency starts").isEqualTo(Instant.ofEpochMilli(4_000));
        assertThat(pending.isEmpty()).isTrue();
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    @DisplayName("volume deltas leave oldest first, so windows close downstream as they did here")
    void flushOrder() {
        PendingDeltas pending = new PendingDeltas(store);
        pending.addVolume(new AggregateGroup(AggregateKind.CATEGORY_WINDOW, "ENERGY", 120_000L), volume("1", false), 130_000, PendingDeltas.UNTIMED);
        pending.addVolume(new AggregateGroup(AggregateKind.CATEGORY_WINDOW, "ENERGY", 60_000L), volume("1", false), 70_000, PendingDeltas.UNTIMED);
        pending.addVolume(AggregateGroup.of(AggregateKind.TRADING_DAY, "1970-01-01"), volume("1", false), 100_000, PendingDeltas.UNTIMED);
        assertThat(pending.drain()).extracting(delta -> ((VolumeChange) delta.getChange()).getLatestEventTime().toEpochMilli())
                .containsExactly(70_000L, 100_000L, 130_000L);
    }

    @Test
    @DisplayName("what is pending, and the event time, survive in the store for a task that restarts")
    void restored() {
        PendingDeltas before = new PendingDeltas(store);
        before.addVolume(AggregateGroup.of(AggregateKind.EXCHANGE, "exchange"), volume("4", true), 1, PendingDeltas.UNTIMED);
        before.addCount(AggregateGroup.of(AggregateKind.DEAD_LETTERS, "SELF_TRADE"), 3);
        before.advanceEventTime(7_000);
        before.advanceEventTime(5_000);
        PendingDeltas restarted = new PendingDeltas(store);
        assertThat(restarted.eventTime()).isEqualTo(7_000);
        restarted.addVolume(AggregateGroup.of(AggregateKind.EXCHANGE, "exchange"), volume("1", false), 2, 9);
        List<AggregateDelta> deltas = restarted.drain();
        assertThat(deltas.get(0).getChange()).isEqualTo(new CountChange(3L));
        VolumeChange change = (VolumeChange) deltas.get(1).getChange();
        assertThat(change.getTrades()).isEqualTo(2);
        assertThat(change.getVolumeCny()).isEqualTo(new BigDecimal("5.0000"));
        assertThat(change.getCrossBorderVolumeCny()).isEqualTo(new BigDecimal("4.0000"));
        assertThat(change.getLatestEventTime()).isEqualTo(Instant.ofEpochMilli(2));
        assertThat(change.getEarliestRecordTime()).as("only the timed trade counts").isEqualTo(Instant.ofEpochMilli(9));
        assertThat(new PendingDeltas(store).eventTime()).as("a flush keeps the event time").isEqualTo(7_000);
    }

    @Test
    @DisplayName("sums beyond a long of ten-thousandths are kept exactly")
    void largeSums() {
        BigDecimal huge = new BigDecimal("999999999999.9999");
        PendingDeltas pending = new PendingDeltas(store);
        AggregateGroup exchange = AggregateGroup.of(AggregateKind.EXCHANGE, "exchange");
        for (int i = 0; i < 10_000; i++) {
            pending.addVolume(exchange, Volume.ofTrade(huge, false), i, PendingDeltas.UNTIMED);
        }
        VolumeChange change = (VolumeChange) new PendingDeltas(store).drain().get(0).getChange();
        assertThat(change.getVolumeCny()).isEqualTo(huge.multiply(BigDecimal.valueOf(10_000)));
        assertThat(change.getTrades()).isEqualTo(10_000);
    }
}
