package io.dex.streams.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Trading days and compliance years: calendar days and years in the exchange time zone. Kafka's
 * tumbling windows align to the UTC epoch, so a day in Asia/Shanghai (UTC+8) is not one of them; its
 * bounds come from the zone's rules instead, which also keeps days right in zones with daylight saving.
 */
public final class TradingCalendar {

    private final ZoneId zone;

    /** The calendar of {@code zone}. */
    public TradingCalendar(ZoneId zone) {
        this.zone = zone;
    }

    /** The exchange time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The trading day of the instant {@code epochMillis}. */
    public LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }

    /** The calendar year of the instant {@code epochMillis}. */
    public int year(long epochMillis) {
        return day(epochMillis).getYear();
    }

    /** The first instant of {@code day}, in epoch milliseconds. */
    public long start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The first instant after {@code day}, in epoch milliseconds. */
    public long end(LocalDate day) {
        return start(day.plusDays(1));
    }
}
