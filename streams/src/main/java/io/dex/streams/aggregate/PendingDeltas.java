package io.dex.streams.aggregate;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import io.dex.schema.CountChange;
import io.dex.schema.EventTimeChange;
import io.dex.schema.VolumeChange;
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
 * trades become one delta per group. They live in a changelogged store, so that changes whose input
 * offsets are committed are never lost, and in a map that saves deserializing them on every trade.
 * The same store keeps the task's event time (the latest occurredAt it accepted), which outlives
 * flushes: one changelog for both.
 */
public final class PendingDeltas {

    private static final AggregateGroup EVENT_TIME = AggregateGroup.of(AggregateKind.EVENT_TIME, "");

    /** Window changes go out oldest first, so that the roll-up sees event time advance as the task did. */
    private static final Comparator<Map.Entry<String, AggregateDelta>> FLUSH_ORDER = Comparator
            .comparingLong((Map.Entry<String, AggregateDelta> entry) -> latestEventTime(entry.getValue()))
            .thenComparing(Map.Entry::getKey);

    private final KeyValueStore<String, AggregateDelta> store;
    private final Map<String, AggregateDelta> pending = new HashMap<>();
    private long eventTime = Long.MIN_VALUE;

    /** The deltas and event time kept in {@code store}, as restored. */
    public PendingDeltas(KeyValueStore<String, AggregateDelta> store) {
        this.store = store;
        try (KeyValueIterator<String, AggregateDelta> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, AggregateDelta> entry = all.next();
                if (entry.key.equals(EVENT_TIME.storeKey())) {
                    eventTime = ((EventTimeChange) entry.value.getChange()).getEventTime().toEpochMilli();
                } else {
                    pending.put(entry.key, entry.value);
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
            store.put(EVENT_TIME.storeKey(), eventTimeDelta());
        }
    }

    /** The task's event time as a delta for the roll-up. */
    public AggregateDelta eventTimeDelta() {
        return EVENT_TIME.delta(new EventTimeChange(Instant.ofEpochMilli(eventTime)));
    }

    /** Adds trades to a volume group; {@code eventTime} is the latest occurredAt among them. */
    public void addVolume(AggregateGroup group, Volume volume, long eventTime) {
        String key = group.storeKey();
        AggregateDelta current = pending.get(key);
        VolumeChange change = current == null
                ? volume.toChange(eventTime)
                : Volume.of((VolumeChange) current.getChange()).plus(volume)
                        .toChange(Math.max(eventTime, latestEventTime(current)));
        update(key, group.delta(change));
    }

    /** Adds {@code count} (negative to subtract) to a count group. */
    public void addCount(AggregateGroup group, long count) {
        String key = group.storeKey();
        AggregateDelta current = pending.get(key);
        long total = current == null ? count : Math.addExact(((CountChange) current.getChange()).getCount(), count);
        update(key, group.delta(new CountChange(total)));
    }

    /** Whether no delta is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Every pending delta, counts first and volumes by their latest event time; forgets them (not the event time). */
    public List<AggregateDelta> drain() {
        List<Map.Entry<String, AggregateDelta>> entries = new ArrayList<>(pending.entrySet());
        entries.sort(FLUSH_ORDER);
        List<AggregateDelta> deltas = new ArrayList<>(entries.size());
        for (Map.Entry<String, AggregateDelta> entry : entries) {
            store.delete(entry.getKey());
            deltas.add(entry.getValue());
        }
        pending.clear();
        return deltas;
    }

    private void update(String key, AggregateDelta delta) {
        pending.put(key, delta);
        store.put(key, delta);
    }

    private static long latestEventTime(AggregateDelta delta) {
        return delta.getChange() instanceof VolumeChange volume ? volume.getLatestEventTime().toEpochMilli() : Long.MIN_VALUE;
    }
}
