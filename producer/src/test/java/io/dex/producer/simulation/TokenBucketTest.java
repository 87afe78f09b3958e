package io.dex.producer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

    @Test
    @DisplayName("starts empty and yields rate x elapsed tokens")
    void rate() {
        TokenBucket bucket = new TokenBucket(1000, 1000, now::get);
        assertThat(takeAll(bucket)).isZero();
        now.addAndGet(250_000_000L);
        assertThat(takeAll(bucket)).isEqualTo(250);
    }

    @Test
    @DisplayName("holds at most the burst after an idle moment")
    void burst() {
        TokenBucket bucket = new TokenBucket(1000, 10, now::get);
        now.addAndGet(5_000_000_000L);
        assertThat(takeAll(bucket)).isEqualTo(10);
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
