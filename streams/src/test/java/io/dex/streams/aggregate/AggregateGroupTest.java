package io.dex.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.schema.AggregateKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Aggregate groups")
class AggregateGroupTest {

    @Test
    @DisplayName("store keys read back as the group they were made of")
    void roundTrip() {
        for (AggregateGroup group : new AggregateGroup[] {
                AggregateGroup.of(AggregateKind.PRODUCT_COUNT, "provider/M-1.a_b"),
                AggregateGroup.of(AggregateKind.TRADING_DAY, "2026-11-28"),
                AggregateGroup.of(AggregateKind.EVENT_TIME, ""),
                new AggregateGroup(AggregateKind.CATEGORY_WINDOW, "ENERGY", 1_764_320_400_000L)}) {
            assertThat(AggregateGroup.parse(group.storeKey())).isEqualTo(group);
        }
        assertThat(AggregateGroup.of(AggregateKind.SALES, "M1").storeKey()).isEqualTo("SALES:M1");
    }

    @Test
    @DisplayName("only category windows have a window start")
    void windowStart() {
        assertThatThrownBy(() -> new AggregateGroup(AggregateKind.CATEGORY, "ENERGY", 0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregateGroup.of(AggregateKind.CATEGORY_WINDOW, "ENERGY")).isInstanceOf(IllegalArgumentException.class);
    }
}
