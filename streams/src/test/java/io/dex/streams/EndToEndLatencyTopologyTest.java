package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End-to-end latency: a trade's append to exchange.trades until the roll-up applies it")
class EndToEndLatencyTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();

    @AfterEach
    void close() {
        exchange.close();
    }

    @Test
    @DisplayName("every accepted trade is timed once, from the earliest append of its flush to the roll-up; rejected trades are not timed")
    void timesAcceptedTrades() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        Instant started = ExchangeDriver.STARTED;
        // Trades occur a second before they reach the exchange, which is just before the driver's start.
        Instant occurred = started.minusSeconds(1);
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "10").setOccurredAt(occurred).build(), started.minusMillis(250));
        exchange.trade(Events.trade("T2", "P1", "M1", "M3", "20").setOccurredAt(occurred).build(), started.minusMillis(100));
        exchange.trade(Events.trade("T3", "P-UNKNOWN", "M1", "M3", "20").setOccurredAt(occurred).build(), started.minusMillis(100));

        exchange.flush();

        // The driver's first step moves the wall clock on by the publish interval: the market flushes
        // then and the roll-up applies the delta at once; both trades are timed from the earlier
        // append (the conservative reading).
        long expected = 250 + exchange.settings.publishInterval().toMillis();
        Timer latency = exchange.endToEndLatency();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0 * expected);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo((double) expected);

        exchange.flush();
        assertThat(latency.count()).as("a flush without trades times nothing").isEqualTo(2);
    }

    @Test
    @DisplayName("an append later than the roll-up's clock (a skewed clock) counts as no latency, never a negative one")
    void skewedClock() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        Instant appended = ExchangeDriver.STARTED.plus(Duration.ofHours(1));
        exchange.trade(Events.trade("T1", "P1", "M1", "M2", "10").setOccurredAt(appended.minusSeconds(1)).build(), appended);

        exchange.flush();

        Timer latency = exchange.endToEndLatency();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isZero();
    }
}
