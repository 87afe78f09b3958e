package io.dex.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.TradingVolume;
import io.dex.schema.WindowedVolume;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Store entries sent between instances")
class StoreEntriesFormatTest {

    @Test
    @DisplayName("carry Avro aggregates with their decimals and timestamps unchanged")
    void avroRoundTrip() {
        TradingVolume finance = new TradingVolume("FINANCE", 3L, new BigDecimal("1200.5000"), 1L, new BigDecimal("0.0001"));
        TradingVolume energy = new TradingVolume("ENERGY", 0L, new BigDecimal("0.0000"), 0L, new BigDecimal("0.0000"));
        StoreValueCodec<TradingVolume> codec = StoreValueCodec.avro(TradingVolume.class);

        List<StoreEntry<TradingVolume>> read = StoreEntriesFormat.read(StoreEntriesFormat.write(
                List.of(new StoreEntry<>("FINANCE", finance), new StoreEntry<>("ENERGY/ü", energy)), codec), codec);

        assertThat(read).containsExactly(new StoreEntry<>("FINANCE", finance), new StoreEntry<>("ENERGY/ü", energy));
        WindowedVolume window = new WindowedVolume("TELECOM", Instant.parse("2026-11-28T09:00:00Z"),
                Instant.parse("2026-11-28T09:01:00Z"), 2L, new BigDecimal("7.0000"), 0L, new BigDecimal("0.0000"));
        StoreValueCodec<WindowedVolume> windows = StoreValueCodec.avro(WindowedVolume.class);
        assertThat(windows.decode(windows.encode(window))).isEqualTo(window);
    }

    @Test
    @DisplayName("carry counts and empty answers")
    void countsAndEmpty() {
        StoreValueCodec<Long> codec = StoreValueCodec.longs();
        assertThat(StoreEntriesFormat.read(StoreEntriesFormat.write(List.of(new StoreEntry<>("k", Long.MAX_VALUE)), codec), codec))
                .containsExactly(new StoreEntry<>("k", Long.MAX_VALUE));
        assertThat(StoreEntriesFormat.read(StoreEntriesFormat.write(List.<StoreEntry<Long>>of(), codec), codec)).isEmpty();
    }

    @Test
    @DisplayName("address keys with any characters in the internal path")
    void pathEncoding() {
        assertThat(StoreRead.key("product-counts", 3, "category/FINANCE & more").path())
                .isEqualTo("/internal/v1/stores/product-counts/key?partition=3&stale=false"
                        + "&key=category%2FFINANCE+%26+more&from=0&to=0");
        assertThat(StoreRead.windows("w", 1, "ENERGY", 10, 20).allowingStale().path())
                .isEqualTo("/internal/v1/stores/w/windows?partition=1&stale=true&key=ENERGY&from=10&to=20");
    }
}
