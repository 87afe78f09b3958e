package io.dex.streams.query;

/**
 * A queryable state store of the topology: its name and how its values travel between instances.
 * Every store has String keys.
 *
 * @param name  the store name in the topology
 * @param codec the codec of its values
 * @param <V>   the value type
 */
public record StoreDescriptor<V>(String name, StoreValueCodec<V> codec) {
}
