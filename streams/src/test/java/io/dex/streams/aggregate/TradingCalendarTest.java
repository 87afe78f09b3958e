package io.dex.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Trading days in the exchange time zone")
class TradingCalendarTest {

    private final TradingCalendar shanghai = new TradingCalendar(ZoneId.of("Asia/Shanghai"));

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    @DisplayName("a Shanghai day runs from 16:00 UTC the day before")
    void shanghaiDay() {
        assertThat(shanghai.day(at("2026-11-28T15:59:59.999Z"))).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(shanghai.day(at("2026-11-28T16:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThat(shanghai.start(LocalDate.parse("2026-11-29"))).isEqualTo(at("2026-11-28T16:00:00Z"));
        assertThat(shanghai.end(LocalDate.parse("2026-11-29"))).isEqualTo(at("2026-11-29T16:00:00Z"));
    }

    @Test
    @DisplayName("the year turns at midnight in Shanghai, 16:00 UTC on 31 December")
    void year() {
        assertThat(shanghai.year(at("2026-12-31T15:59:59.999Z"))).isEqualTo(2026);
        assertThat(shanghai.year(at("2026-12-31T16:00:00Z"))).isEqualTo(2027);
    }

    @Test
    @DisplayName("days follow the zone's rules, 23 hours on a spring-forward day")
    void daylightSaving() {
        TradingCalendar newYork = new TradingCalendar(ZoneId.of("America/New_York"));
        LocalDate springForward = LocalDate.parse("2026-03-08");
        assertThat(newYork.end(springForward) - newYork.start(springForward)).isEqualTo(23 * 3_600_000L);
    }
}
