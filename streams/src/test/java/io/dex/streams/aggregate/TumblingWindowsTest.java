package io.dex.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tumbling windows and grace")
class TumblingWindowsTest {

    @Test
    @DisplayName("windows align to the epoch")
    void alignment() {
        TumblingWindows minutes = new TumblingWindows(Duration.ofMinutes(1));
        long t = Instant.parse("2026-11-28T09:00:59.999Z").toEpochMilli();
        assertThat(minutes.start(t)).isEqualTo(Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());
        assertThat(minutes.end(minutes.start(t))).isEqualTo(Instant.parse("2026-11-28T09:01:00Z").toEpochMilli());
        assertThat(minutes.start(Instant.parse("2026-11-28T09:01:00Z").toEpochMilli()))
                .isEqualTo(Instant.parse("2026-11-28T09:01:00Z").toEpochMilli());
        assertThat(new TumblingWindows(Duration.ofMillis(10)).start(-1)).isEqualTo(-10);
    }

    @Test
    @DisplayName("a window closes when stream time reaches its end plus the grace period")
    void grace() {
        GracePeriod fiveMinutes = new GracePeriod(Duration.ofMinutes(5));
        long end = 600_000;
        assertThat(fiveMinutes.isClosed(end, end + 299_999)).isFalse();
        assertThat(fiveMinutes.isClosed(end, end + 300_000)).isTrue();
        assertThat(fiveMinutes.isClosed(end, Long.MIN_VALUE)).isFalse();
        assertThat(new GracePeriod(Duration.ZERO).isClosed(end, end)).isTrue();
    }
}
