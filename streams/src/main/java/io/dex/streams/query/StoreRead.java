package io.dex.streams.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One read of one partition of a state store, executed locally or sent to the instance holding the
 * partition ({@code GET /internal/v1/stores/{store}/{kind}?partition=...}).
 *
 * @param kind      what to read
 * @param store     the store name
 * @param partition the partition
 * @param stale     whether a standby or restoring copy may answer
 * @param key       the key, for {@link Kind#KEY} and {@link Kind#WINDOWS}
 * @param fromMs    earliest window start, inclusive, for {@link Kind#WINDOWS}
 * @param toMs      latest window start, inclusive, for {@link Kind#WINDOWS}
 */
public record StoreRead(Kind kind, String store, int partition, boolean stale, String key, long fromMs, long toMs) {

    /** Path prefix of the internal endpoints. */
    public static final String PATH_PREFIX = "/internal/v1/stores/";

    /** What a read returns. */
    public enum Kind {
        /** The value of one key, if any. */
        KEY,
        /** Every entry of the partition. */
        ENTRIES,
        /** The windows of one key whose start is in range. */
        WINDOWS
    }

    /** The value of {@code key} in the partition. */
    public static StoreRead key(String store, int partition, String key) {
        return new StoreRead(Kind.KEY, store, partition, false, key, 0, 0);
    }

    /** Every entry of the partition. */
    public static StoreRead entries(String store, int partition) {
        return new StoreRead(Kind.ENTRIES, store, partition, false, "", 0, 0);
    }

    /** The windows of {@code key} starting in {@code [fromMs, toMs]}. */
    public static StoreRead windows(String store, int partition, String key, long fromMs, long toMs) {
        return new StoreRead(Kind.WINDOWS, store, partition, false, key, fromMs, toMs);
    }

    /** The same read, answered by whatever copy a host has: standby or restoring. */
    public StoreRead allowingStale() {
        return new StoreRead(kind, store, partition, true, key, fromMs, toMs);
    }

    /** Path and query of the internal endpoint that performs this read. */
    public String path() {
        return PATH_PREFIX + encode(store) + "/" + kind.name().toLowerCase(Locale.ROOT)
                + "?partition=" + partition + "&stale=" + stale + "&key=" + encode(key)
                + "&from=" + fromMs + "&to=" + toMs;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
