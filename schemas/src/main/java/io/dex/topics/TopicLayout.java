package io.dex.topics;

/**
 * How many partitions and replicas the exchange's topics get on one cluster. Every exchange topic
 * gets the same partition count, which keeps {@code exchange.trades} and
 * {@code exchange.data-products} co-partitioned (same key, same count) for the stream-table join.
 *
 * @param partitions        partitions of every topic; the unit of parallelism of the Streams application
 * @param replicationFactor replicas of every partition (1 on a single local broker, 3 in production)
 */
public record TopicLayout(int partitions, short replicationFactor) {

    /** The layout of {@code dex local}: one broker. */
    public static final TopicLayout LOCAL = new TopicLayout(6, (short) 1);

    /** Validates the layout. */
    public TopicLayout {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
    }
}
