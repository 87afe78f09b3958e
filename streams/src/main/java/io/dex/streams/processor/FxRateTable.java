package io.dex.streams.processor;

import io.dex.schema.DeadLetter;
import io.dex.streams.ExchangeStores;
import io.dex.streams.trade.FxRates;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The global {@value ExchangeStores#FX_RATES} store as the market reads it. The {@link FxRateIntake}
 * fills it with two kinds of entry: under a currency, the CNY per unit of its latest valid rate
 * ({@link #rateValue}); under {@link #rejectedKey}, the serialized dead letter of a record it refused.
 * A currency code (three capital letters) never starts with {@value #REJECTED_PREFIX}.
 */
final class FxRateTable implements FxRates {

    static final String REJECTED_PREFIX = "rejected/";
    // '0' follows '/': every rejected key sorts below it.
    private static final String REJECTED_END = "rejected0";

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Deserializer<DeadLetter> deadLetters;
    private final Map<String, Decoded> decoded = new HashMap<>();

    FxRateTable(ReadOnlyKeyValueStore<String, byte[]> store, Deserializer<DeadLetter> deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
    }

    /** How a currency's entry holds its rate: the plain decimal, so that no reader needs the registry. */
    static byte[] rateValue(BigDecimal cnyPerUnit) {
        return cnyPerUnit.toPlainString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The key of the dead letter of the record at {@code offset} of partition {@code partition}, in offset order. */
    static String rejectedKey(int partition, long offset) {
        return String.format("%s%010d/%019d", REJECTED_PREFIX, partition, offset);
    }

    @Override
    public BigDecimal latest(String currency) {
        byte[] bytes = store.get(currency);
        if (bytes == null) {
            return null;
        }
        Decoded known = decoded.get(currency);
        // The store hands out the array it holds: the same array is the same rate, parsed once.
        if (known == null || known.bytes() != bytes && !Arrays.equals(known.bytes(), bytes)) {
            known = new Decoded(bytes, new BigDecimal(new String(bytes, StandardCharsets.US_ASCII)));
            decoded.put(currency, known);
        }
        return known.cnyPerUnit();
    }

    /**
     * Calls {@code action} with the key and dead letter of every refused record whose key is
     * {@code wanted}, in partition and offset order; only those are deserialized.
     */
    void forEachRejected(Predicate<String> wanted, BiConsumer<String, DeadLetter> action) {
        try (KeyValueIterator<String, byte[]> rejected = store.range(REJECTED_PREFIX, REJECTED_END)) {
            rejected.forEachRemaining(entry -> {
                if (wanted.test(entry.key)) {
                    action.accept(entry.key, deadLetters.deserialize(ExchangeTopics.DEAD_LETTERS.name(), entry.value));
                }
            });
        }
    }

    private record Decoded(byte[] bytes, BigDecimal cnyPerUnit) {
    }
}
