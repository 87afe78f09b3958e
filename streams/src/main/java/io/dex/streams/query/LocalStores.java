package io.dex.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Executes store reads against the partitions this instance holds, active or standby. */
public final class LocalStores {

    private final KafkaStreams streams;

    /** Reads the stores of {@code streams}. */
    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * The entries {@code read} selects, values typed as the store holds them.
     *
     * @throws StoreUnavailableException when this instance cannot read that partition now
     */
    @SuppressWarnings("unchecked")
    public <V> List<StoreEntry<V>> execute(StoreRead read) {
        try {
            return switch (read.kind()) {
                case KEY -> {
                    V value = (V) keyValueStore(read).get(read.key());
                    yield value == null ? List.of() : List.of(new StoreEntry<>(read.key(), value));
                }
                case ENTRIES -> entries(keyValueStore(read).all());
                case WINDOWS -> {
                    List<StoreEntry<V>> windows = new ArrayList<>();
                    ReadOnlyWindowStore<String, Object> store = store(read, QueryableStoreTypes.windowStore());
                    try (WindowStoreIterator<Object> found = store.fetch(
                            read.key(), Instant.ofEpochMilli(read.fromMs()), Instant.ofEpochMilli(read.toMs()))) {
                        while (found.hasNext()) {
                            KeyValue<Long, Object> window = found.next();
                            windows.add(new StoreEntry<>(Long.toString(window.key), (V) window.value));
                        }
                    }
                    yield windows;
                }
            };
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException(
                    "store " + read.store() + " partition " + read.partition() + " is not queryable here: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> List<StoreEntry<V>> entries(KeyValueIterator<String, Object> found) {
        List<StoreEntry<V>> entries = new ArrayList<>();
        try (found) {
            found.forEachRemaining(entry -> entries.add(new StoreEntry<>(entry.key, (V) entry.value)));
        }
        return entries;
    }

    private ReadOnlyKeyValueStore<String, Object> keyValueStore(StoreRead read) {
        return store(read, QueryableStoreTypes.keyValueStore());
    }

    private <T> T store(StoreRead read, QueryableStoreType<T> type) {
        StoreQueryParameters<T> parameters = StoreQueryParameters.fromNameAndType(read.store(), type)
                .withPartition(read.partition());
        return streams.store(read.stale() ? parameters.enableStaleStores() : parameters);
    }
}
