package io.dex.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Reads state stores across every instance of the application: each partition from the instance
 * where it is active, or, when that instance cannot answer (it died, or the partition is restoring),
 * from an instance with a standby copy. A read of this instance's own partitions stays local; the
 * others go to their owner's internal HTTP endpoint.
 */
public final class ClusterStores {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStores local;
    private final PeerClient peers;

    /** Routes reads of {@code streams}, whose {@code application.server} is {@code self}. */
    public ClusterStores(KafkaStreams streams, HostInfo self, PeerClient peers) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalStores(streams);
        this.peers = peers;
    }

    /** The value of {@code key}, wherever it is kept. */
    public <V> Optional<V> get(StoreDescriptor<V> store, String key) {
        KeyQueryMetadata owners = metadata(store, () -> streams.queryMetadataForKey(store.name(), key, KEYS));
        List<StoreEntry<V>> found = readFromOwners(store, owners, StoreRead.key(store.name(), owners.partition(), key));
        return found.stream().findFirst().map(StoreEntry::value);
    }

    /** Every entry of the store, across all its partitions. */
    public <V> List<StoreEntry<V>> all(StoreDescriptor<V> store) {
        List<StoreEntry<V>> entries = new ArrayList<>();
        int partitions = partitionCount(store);
        for (int partition = 0; partition < partitions; partition++) {
            int fixed = partition;
            KeyQueryMetadata owners = metadata(store,
                    () -> streams.queryMetadataForKey(store.name(), "", partitionOnly(fixed, new AtomicInteger())));
            entries.addAll(readFromOwners(store, owners, StoreRead.entries(store.name(), partition)));
        }
        return entries;
    }

    /** The windows of {@code key} whose start is in {@code [from, to)}, oldest first; keys are start millis. */
    public <V> List<StoreEntry<V>> windows(StoreDescriptor<V> store, String key, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        KeyQueryMetadata owners = metadata(store, () -> streams.queryMetadataForKey(store.name(), key, KEYS));
        StoreRead read = StoreRead.windows(store.name(), owners.partition(), key, from.toEpochMilli(), to.toEpochMilli() - 1);
        return readFromOwners(store, owners, read);
    }

    private int partitionCount(StoreDescriptor<?> store) {
        AtomicInteger count = new AtomicInteger(-1);
        metadata(store, () -> streams.queryMetadataForKey(store.name(), "", partitionOnly(0, count)));
        if (count.get() < 1) {
            throw new StoreUnavailableException("the partitions of store " + store.name() + " are not known yet");
        }
        return count.get();
    }

    /** A partitioner sending every key to {@code partition}, noting how many partitions there are. */
    private static StreamPartitioner<String, Object> partitionOnly(int partition, AtomicInteger partitionCount) {
        return (topic, key, value, partitions) -> {
            partitionCount.set(partitions);
            return Optional.of(Set.of(partition));
        };
    }

    private KeyQueryMetadata metadata(StoreDescriptor<?> store, Supplier<KeyQueryMetadata> lookup) {
        KeyQueryMetadata metadata;
        try {
            metadata = lookup.get();
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("Kafka Streams is not running: " + e.getMessage(), e);
        }
        if (metadata == null) {
            throw new IllegalStateException("the topology has no store named " + store.name());
        }
        if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StoreUnavailableException("store " + store.name() + " is being (re)assigned");
        }
        return metadata;
    }

    private <V> List<StoreEntry<V>> readFromOwners(StoreDescriptor<V> store, KeyQueryMetadata owners, StoreRead read) {
        StoreUnavailableException failure = new StoreUnavailableException(
                "no instance holds store " + store.name() + " partition " + read.partition());
        List<HostInfo> standbys = new ArrayList<>(owners.standbyHosts());
        // Our own standby copy answers without a network hop.
        standbys.sort((a, b) -> Boolean.compare(!a.equals(self), !b.equals(self)));
        List<HostInfo> hosts = new ArrayList<>();
        if (owners.activeHost().port() >= 0) {
            hosts.add(owners.activeHost());
        }
        hosts.addAll(standbys);
        for (HostInfo host : hosts) {
            StoreRead attempt = host.equals(owners.activeHost()) ? read : read.allowingStale();
            try {
                return host.equals(self) ? local.execute(attempt) : peers.execute(host, attempt, store.codec());
            } catch (StoreUnavailableException e) {
                failure = e;
            }
        }
        throw failure;
    }
}
