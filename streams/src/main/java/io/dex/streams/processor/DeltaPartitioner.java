package io.dex.streams.processor;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions deltas for the roll-up by their group, with Kafka's default partitioner, so that a
 * store's key finds its partition; event-time progress goes to every partition, so that each roll-up
 * task knows the exchange's event time.
 */
public final class DeltaPartitioner implements StreamPartitioner<String, AggregateDelta> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, AggregateDelta delta, int numPartitions) {
        if (delta.getKind() == AggregateKind.EVENT_TIME) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}
