package io.dex.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dex.schema.ComplianceOutcome;
import io.dex.streams.query.ComplianceOverview;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.OutcomeVolume;
import io.dex.streams.query.TradingDay;
import io.dex.streams.query.WindowVolume;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("API JSON conventions")
class ApiJsonTest {

    private final ObjectMapper json = ApiJson.mapper();

    @Test
    @DisplayName("writes decimals as exact plain strings and counts as numbers")
    void decimalsAndCounts() throws Exception {
        String text = json.writeValueAsString(new ExchangeSummary(3, 2, new BigDecimal("0.0001"), 1,
                new BigDecimal("123456789012345.5000"), 0));
        assertThat(text).isEqualTo("{\"listedProducts\":3,\"trades\":2,\"volumeCny\":\"0.0001\",\"crossBorderTrades\":1,"
                + "\"crossBorderVolumeCny\":\"123456789012345.5000\",\"deadLetters\":0}");
    }

    @Test
    @DisplayName("writes instants and days as ISO-8601 strings")
    void timesAsIso() throws Exception {
        assertThat(json.writeValueAsString(new WindowVolume(Instant.parse("2026-11-28T09:00:00Z"),
                Instant.parse("2026-11-28T09:01:00Z"), 1, new BigDecimal("5.0000"))))
                .isEqualTo("{\"windowStart\":\"2026-11-28T09:00:00Z\",\"windowEnd\":\"2026-11-28T09:01:00Z\","
                        + "\"trades\":1,\"volumeCny\":\"5.0000\"}");
        assertThat(json.writeValueAsString(new TradingDay(LocalDate.of(2026, 2, 3), 0, new BigDecimal("0.0000"), 0,
                new BigDecimal("0.0000")))).startsWith("{\"day\":\"2026-02-03\",");
    }

    @Test
    @DisplayName("keys compliance figures by outcome name")
    void outcomes() throws Exception {
        Map<ComplianceOutcome, OutcomeVolume> byOutcome = new LinkedHashMap<>();
        byOutcome.put(ComplianceOutcome.BLOCKED, new OutcomeVolume(2, new BigDecimal("10.0000")));
        assertThat(json.writeValueAsString(new ComplianceOverview(byOutcome)))
                .isEqualTo("{\"byOutcome\":{\"BLOCKED\":{\"trades\":2,\"volumeCny\":\"10.0000\"}}}");
    }
}
