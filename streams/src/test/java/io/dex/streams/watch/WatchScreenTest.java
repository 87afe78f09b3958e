package io.dex.streams.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.ComplianceOutcome;
import io.dex.streams.query.CategoryVolume;
import io.dex.streams.query.ComplianceOverview;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.OutcomeVolume;
import io.dex.streams.query.TopProduct;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dex watch screen")
class WatchScreenTest {

    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    private static WatchView view() {
        Map<ComplianceOutcome, OutcomeVolume> outcomes = new EnumMap<>(ComplianceOutcome.class);
        outcomes.put(ComplianceOutcome.EXEMPT, new OutcomeVolume(3, new BigDecimal("300.0000")));
        outcomes.put(ComplianceOutcome.STANDARD_CONTRACT, new OutcomeVolume(0, new BigDecimal("0.0000")));
        outcomes.put(ComplianceOutcome.SECURITY_ASSESSMENT, new OutcomeVolume(0, new BigDecimal("0.0000")));
        outcomes.put(ComplianceOutcome.BLOCKED, new OutcomeVolume(1, new BigDecimal("99.9950")));
        return new WatchView(
                new ExchangeSummary(12, 1234, new BigDecimal("1234567.8950"), 3, new BigDecimal("308641.9738"), 5),
                List.of(new CategoryVolume("ENERGY", 4, new BigDecimal("10.0000"), 0, new BigDecimal("0.0000")),
                        new CategoryVolume("FINANCE", 1230, new BigDecimal("1234557.8950"), 3, new BigDecimal("308641.9738"))),
                List.of(new TopProduct("P-1", new BigDecimal("1000000.0000"), 1000), new TopProduct("P-2", new BigDecimal("5.5000"), 1)),
                new ComplianceOverview(outcomes));
    }

    @Test
    @DisplayName("prints the summary, the categories by volume, the ranking and every outcome as plain text")
    void plainText() {
        String text = new WatchScreen(false).render(view(), "http://127.0.0.1:8080", AT);

        assertThat(text).doesNotContain("\033").startsWith("dex watch  http://127.0.0.1:8080  2026-11-28T09:00:00Z\n");
        assertThat(text).containsSubsequence("Listed products", "12", "Trades", "1,234", "Volume CNY", "1,234,567.90",
                "Cross-border volume CNY", "308,641.97", "25.0 % of volume", "Dead letters", "5");
        // FINANCE has the larger volume, so it comes first.
        assertThat(text).containsSubsequence("FINANCE", "1,230", "1,234,557.90", "ENERGY", "4", "10.00");
        assertThat(text).containsSubsequence(" 1 P-1", "1,000", "1,000,000.00", " 2 P-2", "5.50");
        assertThat(text).containsSubsequence("EXEMPT", "300.00", "STANDARD_CONTRACT", "SECURITY_ASSESSMENT", "BLOCKED", "100.00");
    }

    @Test
    @DisplayName("clears the screen and bolds headings when refreshing in a terminal")
    void ansi() {
        String text = new WatchScreen(true).render(view(), "u", AT);
        assertThat(text).startsWith("\033[H\033[2J\033[1mdex watch\033[0m");
        assertThat(new WatchScreen(false).renderFailure("u", AT, "connection refused"))
                .endsWith("Cannot read the aggregates: connection refused\n");
    }
}
