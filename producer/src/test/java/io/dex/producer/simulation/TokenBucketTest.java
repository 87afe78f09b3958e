package io.dex.producer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TokenBucket")
class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private int takeAll(TokenBucket bucket) {
        int taken = 0;
        while (bucket.tryTake() == 0) {
            taken++;
        }
        return taken;
    }

    @ParameterizedTest(name = "burst {0}, {1} ns idle: {2} tokens")
    @CsvSource({"1000, 250000000, 250", "10, 5000000000, 10", "1000, 0, 0"})
    @DisplayName("starts empty, yields rate x elapsed tokens, and holds at most the burst")
    void rateAndBurst(int burst, long idleNanos, int expected) {
        TokenBucket bucket = new TokenBucket(1000, burst, now::get);
        now.addAndGet(idleNanos);
        assertThat(takeAll(bucket)).isEqualTo(expected);
    }

    @Test
    @DisplayName("says how long until the next token")
    void timeToNextToken() {
        TokenBucket bucket = new TokenBucket(100, 1, now::get);
        assertThat(bucket.tryTake()).isBetween(10_000_000L, 10_000_001L);
        now.addAndGet(4_000_000L);
        assertThat(bucket.tryTake()).isBetween(6_000_000L, 6_000_001L);
        now.addAndGet(6_000_000L);
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    @DisplayName("keeps the long-run rate exact when taken in uneven steps")
    void longRun() {
        TokenBucket bucket = new TokenBucket(5000, 50, now::get);
        long taken = 0;
        long elapsedNanos = 0;
        for (int step = 0; step < 10_000; step++) {
            long advance = step % 3 == 0 ? 100_000L : 1_450_000L;
            now.addAndGet(advance);
            elapsedNanos += advance;
            taken += takeAll(bucket);
        }
        // Floating-point accrual may leave the last token a hair short.
        assertThat(taken).isBetween(elapsedNanos * 5000 / 1_000_000_000L - 1, elapsedNanos * 5000 / 1_000_000_000L);
    }

    @Test
    @DisplayName("refuses a rate that is not positive")
    void invalid() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
