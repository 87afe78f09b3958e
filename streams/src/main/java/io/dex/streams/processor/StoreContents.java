package io.dex.streams.processor;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Reads whole stores, as processors do when a task starts. */
final class StoreContents {

    private StoreContents() {
    }

    /** Calls {@code action} with every entry of {@code store}. */
    static <V> void forEach(KeyValueStore<String, V> store, BiConsumer<String, V> action) {
        try (KeyValueIterator<String, V> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                action.accept(entry.key, entry.value);
            }
        }
    }
}
