package io.dex.streams.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DeliveryMode;
import io.dex.schema.ProductState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Product count changes")
class ProductCountChangesTest {

    private static ProductState state(boolean listed, String provider, Category category) {
        return new ProductState("P1", provider, "n", category, DeliveryMode.DATASET, Classification.IMPORTANT, 0L, false,
                new BigDecimal("1.0000"), "CNY", listed, Instant.EPOCH);
    }

    @Test
    @DisplayName("a listing counts once in total and in each group")
    void listing() {
        assertThat(ProductCountChanges.between(null, state(true, "M1", Category.ENERGY))).isEqualTo(Map.of(
                "total", 1L, "category/ENERGY", 1L, "deliveryMode/DATASET", 1L,
                "classification/IMPORTANT", 1L, "provider/M1", 1L));
    }

    @Test
    @DisplayName("a delisting takes the product out of every group")
    void delisting() {
        assertThat(ProductCountChanges.between(state(true, "M1", Category.ENERGY), state(false, "M1", Category.ENERGY)))
                .isEqualTo(Map.of("total", -1L, "category/ENERGY", -1L, "deliveryMode/DATASET", -1L,
                        "classification/IMPORTANT", -1L, "provider/M1", -1L));
    }

    @Test
    @DisplayName("a change of category moves the product, and nothing else changes")
    void recategorising() {
        assertThat(ProductCountChanges.between(state(true, "M1", Category.ENERGY), state(true, "M1", Category.FINANCE)))
                .isEqualTo(Map.of("category/ENERGY", -1L, "category/FINANCE", 1L));
    }

    @Test
    @DisplayName("an update that changes no group changes no count; nor does a delisted product")
    void nothing() {
        assertThat(ProductCountChanges.between(state(true, "M1", Category.ENERGY), state(true, "M1", Category.ENERGY))).isEmpty();
        assertThat(ProductCountChanges.between(null, state(false, "M1", Category.ENERGY))).isEmpty();
    }

    @Test
    @DisplayName("relisting by another provider moves the product between providers")
    void relisting() {
        assertThat(ProductCountChanges.between(state(false, "M1", Category.ENERGY), state(true, "M2", Category.ENERGY)))
                .isEqualTo(Map.of("total", 1L, "category/ENERGY", 1L, "deliveryMode/DATASET", 1L,
                        "classification/IMPORTANT", 1L, "provider/M2", 1L));
    }
}
