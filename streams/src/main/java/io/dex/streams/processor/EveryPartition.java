package io.dex.streams.processor;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends each record to every partition of the topic: a broadcast, for what every task of the next
 * stage needs (FX rates, event-time progress).
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class EveryPartition<K, V> implements StreamPartitioner<K, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        return Optional.of(of(numPartitions));
    }

    /** Partitions 0 to {@code numPartitions} - 1. */
    static Set<Integer> of(int numPartitions) {
        return IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
