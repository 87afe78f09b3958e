package io.dex.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.AggregateKind;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The volume groups of a trade")
class VolumeAggregatorTest {

    private static final Instant AT = Instant.parse("2026-11-28T15:58:30Z");

    private final VolumeAggregator aggregator = new VolumeAggregator(new TumblingWindows(Duration.ofMinutes(1)),
            new TradingCalendar(ZoneId.of("Asia/Shanghai")), new GracePeriod(Duration.ofMinutes(5)));

    private static TradeEvent trade(String jurisdiction) {
        return TradeEvent.newBuilder().setTransactionId("T1").setProductId("P1").setSellerId("S").setBuyerId("B")
                .setBuyerJurisdiction(jurisdiction).setAmount(new BigDecimal("1.0000")).setCurrency("CNY")
                .setOccurredAt(AT).build();
    }

    private static List<AggregateGroup> groups(VolumeAggregator.Contributions contributions) {
        return contributions.groups().stream().map(GroupVolume::group).toList();
    }

    @Test
    @DisplayName("an on-time trade counts in the exchange, its category, jurisdiction, seller, buyer, window and day")
    void onTime() {
        VolumeAggregator.Contributions contributions = aggregator.contributions(
                trade("US"), "ENERGY", new BigDecimal("7.5000"), AT.toEpochMilli());
        assertThat(groups(contributions)).containsExactly(
                AggregateGroup.of(AggregateKind.EXCHANGE, "exchange"),
                AggregateGroup.of(AggregateKind.CATEGORY, "ENERGY"),
                AggregateGroup.of(AggregateKind.JURISDICTION, "US"),
                AggregateGroup.of(AggregateKind.SALES, "S"),
                AggregateGroup.of(AggregateKind.PURCHASES, "B"),
                new AggregateGroup(AggregateKind.CATEGORY_WINDOW, "ENERGY", Instant.parse("2026-11-28T15:58:00Z").toEpochMilli()),
                AggregateGroup.of(AggregateKind.TRADING_DAY, "2026-11-28"));
        assertThat(contributions.groups()).allSatisfy(group ->
                assertThat(group.volume()).isEqualTo(new Volume(1, new BigDecimal("7.5000"), 1, new BigDecimal("7.5000"))));
        assertThat(contributions.windowClosed()).isFalse();
        assertThat(contributions.dayClosed()).isFalse();
    }

    @Test
    @DisplayName("a domestic trade has no cross-border part")
    void domestic() {
        VolumeAggregator.Contributions contributions = aggregator.contributions(
                trade("CN"), "ENERGY", new BigDecimal("7.5000"), AT.toEpochMilli());
        assertThat(contributions.volume()).isEqualTo(new Volume(1, new BigDecimal("7.5000"), 0, new BigDecimal("0.0000")));
    }

    @Test
    @DisplayName("past the grace period a trade leaves out its closed window, then its closed day")
    void late() {
        // The window 15:58-15:59 closes at 16:04, the day (until 16:00 UTC) at 16:05.
        long windowClosed = Instant.parse("2026-11-28T16:04:00Z").toEpochMilli();
        VolumeAggregator.Contributions lateForWindow = aggregator.contributions(trade("CN"), "ENERGY", BigDecimal.ONE.setScale(4), windowClosed);
        assertThat(lateForWindow.windowClosed()).isTrue();
        assertThat(lateForWindow.dayClosed()).isFalse();
        assertThat(groups(lateForWindow)).contains(AggregateGroup.of(AggregateKind.TRADING_DAY, "2026-11-28"))
                .noneMatch(group -> group.kind() == AggregateKind.CATEGORY_WINDOW);
        assertThat(aggregator.contributions(trade("CN"), "ENERGY", BigDecimal.ONE.setScale(4), windowClosed - 1).windowClosed()).isFalse();
        long dayClosed = Instant.parse("2026-11-28T16:05:00Z").toEpochMilli();
        VolumeAggregator.Contributions lateForDay = aggregator.contributions(trade("CN"), "ENERGY", BigDecimal.ONE.setScale(4), dayClosed);
        assertThat(lateForDay.dayClosed()).isTrue();
        assertThat(groups(lateForDay)).hasSize(5);
    }
}
