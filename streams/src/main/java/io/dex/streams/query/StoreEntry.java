package io.dex.streams.query;

/**
 * One entry read from a state store. For window stores the key is the window start in epoch
 * milliseconds.
 *
 * @param key   the store key
 * @param value the value
 * @param <V>   the value type
 */
public record StoreEntry<V>(String key, V value) {
}
