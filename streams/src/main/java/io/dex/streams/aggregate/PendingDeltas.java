package io.dex.streams.aggregate;

import io.dex.schema.AggregateDelta;
import io.dex.schema.CountChange;
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
 */
public final class PendingDeltas {

    /** Window changes go out oldest first, so that the roll-up sees event time advance as the task did. */
    private static final Comparator<Map.Entry<String, AggregateDelta>> FLUSH_ORDER = Comparator
            .comparingLong((Map.Entry<String, AggregateDelta> entry) -> latestEventTime(entry.getValue()))
            .thenComparing(Map.Entry::getKey);

    private final KeyValueStore<String, AggregateDelta> store;
    private final Map<String, AggregateDelta> pending = new HashMap<>();

    /** The deltas kept in {@code store}, as restored. */
    public PendingDeltas(KeyValueStore<String, AggregateDelta> store) {
        this.store = store;
        try (KeyValueIterator<String, AggregateDelta> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, AggregateDelta> entry = all.next();
                pending.put(entry.key, entry.value);
            }
        }
    }

    /**
     * Adds trades to a volume group; {@code eventTime} is the latest occurredAt among them and
     * {@code recordTime} the earliest timestamp of their records, or null where the end-to-end
     * latency is not followed.
     */
    public void addVolume(AggregateGroup group, Volume volume, long eventTime, Instant recordTime) {
        String key = group.storeKey();
        AggregateDelta current = pending.get(key);
        VolumeChange change;
        if (current == null) {
            change = volume.toChange(eventTime, recordTime);
        } else {
            VolumeChange before = (VolumeChange) current.getChange();
            change = Volume.of(before).plus(volume).toChange(Math.max(eventTime, latestEventTime(current)),
                    earliest(before.getEarliestRecordTime(), recordTime));
        }
        update(key, group.delta(change));
    }

    /** Adds {@code count} (negative to subtract) to a count group. */
    public void addCount(AggregateGroup group, long count) {
        String key = group.storeKey();
        AggregateDelta current = pending.get(key);
        long total = current == null ? count : Math.addExact(((CountChange) current.getChange()).getCount(), count);
        update(key, group.delta(new CountChange(total)));
    }

    /** Whether nothing is pending. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Every pending delta, counts first and volumes by their latest event time; forgets them. */
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

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static long latestEventTime(AggregateDelta delta) {
        return delta.getChange() instanceof VolumeChange volume ? volume.getLatestEventTime().toEpochMilli() : Long.MIN_VALUE;
    }
}
