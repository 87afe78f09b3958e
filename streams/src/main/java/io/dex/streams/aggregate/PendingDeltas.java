package io.dex.streams.aggregate;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.EventTimeChange;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The changes one task collected per aggregate group since it last flushed them downstream: many
 * trades become one delta per group. They accumulate in memory and every update is written to a
 * changelogged store (compact binary, see {@link PendingChange}), so that changes whose input offsets
 * are committed are never lost. The same store keeps the task's event time (the latest occurredAt it
 * accepted), which outlives flushes: one changelog for both.
 */
public final class PendingDeltas {

    /** Record time of trades whose end-to-end latency is not followed. */
    public static final long UNTIMED = Long.MAX_VALUE;

    private static final AggregateGroup EVENT_TIME = AggregateGroup.of(AggregateKind.EVENT_TIME, "");

    /** Volume changes go out oldest first, so that the roll-up sees event time advance as the task did. */
    private static final Comparator<Map.Entry<String, PendingChange>> FLUSH_ORDER = Comparator
            .comparingLong((Map.Entry<String, PendingChange> entry) -> entry.getValue().latestEventTime())
            .thenComparing(Map.Entry::getKey);

    private final KeyValueStore<String, byte[]> store;
    private final Map<String, PendingChange> pending = new HashMap<>();
    private long eventTime = Long.MIN_VALUE;

    /** The changes and event time kept in {@code store}, as restored. */
    public PendingDeltas(KeyValueStore<String, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                if (entry.key.equals(EVENT_TIME.storeKey())) {
                    eventTime = ByteBuffer.wrap(entry.value).getLong();
                } else {
                    pending.put(entry.key, PendingChange.decode(AggregateGroup.parse(entry.key), entry.value));
                }
            }
        }
    }

    /** The latest event time the task accepted, {@link Long#MIN_VALUE} before any. */
    public long eventTime() {
        return eventTime;
    }

    /** Moves the task's event time on to {@code time}, unless it is already later. */
    public void advanceEventTime(long time) {
        if (time > eventTime) {
            eventTime = time;
            store.put(EVENT_TIME.storeKey(), ByteBuffer.allocate(Long.BYTES).putLong(time).array());
        }
    }

    /** The task's event time as a delta for the roll-up. */
    public AggregateDelta eventTimeDelta() {
        return EVENT_TIME.delta(new EventTimeChange(Instant.ofEpochMilli(eventTime)));
    }

    /**
     * Adds trades to a volume group; {@code latest} is the latest occurredAt among them and
     * {@code recordTime} the earliest timestamp of their records, where their end-to-end latency
     * starts ({@link #UNTIMED} where it is not followed).
     */
    public void addVolume(AggregateGroup group, Volume volume, long latest, long recordTime) {
        String key = group.storeKey();
        PendingChange change = pending.computeIfAbsent(key, k -> PendingChange.volume(group));
        change.add(volume, latest, recordTime);
        store.put(key, change.encode());
    }

    /** Adds {@code count} (negative to subtract) to a count group. */
    public void addCount(AggregateGroup group, long count) {
        String key = group.storeKey();
        PendingChange change = pending.computeIfAbsent(key, k -> PendingChange.count(group));
        change.add(count);
        store.put(key, change.encode());
    }

    /** Whether no delta is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Every pending delta, counts first and volumes by their latest event time; forgets them (not the event time). */
    public List<AggregateDelta> drain() {
        List<Map.Entry<String, PendingChange>> entries = new ArrayList<>(pending.entrySet());
        entries.sort(FLUSH_ORDER);
        List<AggregateDelta> deltas = new ArrayList<>(entries.size());
        for (Map.Entry<String, PendingChange> entry : entries) {
            store.delete(entry.getKey());
            deltas.add(entry.getValue().toDelta());
        }
        pending.clear();
        return deltas;
    }
}
