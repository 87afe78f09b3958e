package io.dex.streams.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.ProductState;
import io.dex.schema.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Product lifecycle and ownership")
class ProductLifecycleTest {

    private static final Instant AT = Instant.parse("2026-11-28T09:00:00Z");

    private static DataProductEvent event(DataProductEventType type, String provider, Category category) {
        DataProductEvent.Builder event = DataProductEvent.newBuilder()
                .setEventId("e").setEventType(type).setProductId("P1").setProviderId(provider).setOccurredAt(AT);
        if (type != DataProductEventType.DELISTED) {
            event.setName("Freight index").setCategory(category).setDeliveryMode(DeliveryMode.API)
                    .setClassification(Classification.GENERAL).setPersonalInfoSubjects(10L)
                    .setSensitivePersonalInfo(true).setListPrice(new BigDecimal("9.5000")).setCurrency("USD");
        }
        return event.build();
    }

    private static ProductState state(ProductLifecycle.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ProductLifecycle.Changed.class);
        return ((ProductLifecycle.Changed) outcome).state();
    }

    private static RejectionReason reason(ProductLifecycle.Outcome outcome) {
        assertThat(outcome).isInstanceOf(ProductLifecycle.Refused.class);
        return ((ProductLifecycle.Refused) outcome).rejection().reason();
    }

    @Test
    @DisplayName("LISTED makes a product listed with the event's full state")
    void listing() {
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        assertThat(listed.getListed()).isTrue();
        assertThat(listed.getProviderId()).isEqualTo("M1");
        assertThat(listed.getCategory()).isEqualTo(Category.ENERGY);
        assertThat(listed.getPersonalInfoSubjects()).isEqualTo(10L);
        assertThat(listed.getSensitivePersonalInfo()).isTrue();
        assertThat(listed.getCurrency()).isEqualTo("USD");
    }

    @Test
    @DisplayName("UPDATED and LISTED again by the owner replace the state")
    void updating() {
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        assertThat(state(ProductLifecycle.apply(listed, event(DataProductEventType.UPDATED, "M1", Category.FINANCE))).getCategory())
                .isEqualTo(Category.FINANCE);
        assertThat(state(ProductLifecycle.apply(listed, event(DataProductEventType.LISTED, "M1", Category.TELECOM))).getCategory())
                .isEqualTo(Category.TELECOM);
    }

    @Test
    @DisplayName("DELISTED keeps the last listing, not listed")
    void delisting() {
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        ProductState delisted = state(ProductLifecycle.apply(listed, event(DataProductEventType.DELISTED, "M1", null)));
        assertThat(delisted.getListed()).isFalse();
        assertThat(delisted.getCategory()).isEqualTo(Category.ENERGY);
        assertThat(delisted.getProviderId()).isEqualTo("M1");
    }

    @Test
    @DisplayName("UPDATED or DELISTED of a product never listed, or delisted, is UNKNOWN_PRODUCT")
    void notListed() {
        assertThat(reason(ProductLifecycle.apply(null, event(DataProductEventType.UPDATED, "M1", Category.ENERGY))))
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        assertThat(reason(ProductLifecycle.apply(null, event(DataProductEventType.DELISTED, "M1", null))))
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        ProductState delisted = state(ProductLifecycle.apply(listed, event(DataProductEventType.DELISTED, "M1", null)));
        assertThat(reason(ProductLifecycle.apply(delisted, event(DataProductEventType.UPDATED, "M1", Category.ENERGY))))
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        assertThat(reason(ProductLifecycle.apply(delisted, event(DataProductEventType.DELISTED, "M1", null))))
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
        // Not listed comes first: a stranger's UPDATED of a delisted product is not a mismatch.
        assertThat(reason(ProductLifecycle.apply(delisted, event(DataProductEventType.UPDATED, "M2", Category.ENERGY))))
                .isEqualTo(RejectionReason.UNKNOWN_PRODUCT);
    }

    @Test
    @DisplayName("only the listing provider may change a listed product")
    void providerMismatch() {
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        for (DataProductEventType type : new DataProductEventType[] {
                DataProductEventType.LISTED, DataProductEventType.UPDATED, DataProductEventType.DELISTED}) {
            ProductLifecycle.Outcome outcome = ProductLifecycle.apply(listed, event(type, "M2", Category.FINANCE));
            assertThat(reason(outcome)).as(type.name()).isEqualTo(RejectionReason.PROVIDER_MISMATCH);
            assertThat(((ProductLifecycle.Refused) outcome).rejection().detail()).contains("M1").contains("M2");
        }
    }

    @Test
    @DisplayName("a delisted product may be listed again by another provider, who then owns it")
    void relistingPassesOwnership() {
        ProductState listed = state(ProductLifecycle.apply(null, event(DataProductEventType.LISTED, "M1", Category.ENERGY)));
        ProductState delisted = state(ProductLifecycle.apply(listed, event(DataProductEventType.DELISTED, "M1", null)));
        ProductState relisted = state(ProductLifecycle.apply(delisted, event(DataProductEventType.LISTED, "M2", Category.FINANCE)));
        assertThat(relisted.getListed()).isTrue();
        assertThat(relisted.getProviderId()).isEqualTo("M2");
        assertThat(reason(ProductLifecycle.apply(relisted, event(DataProductEventType.UPDATED, "M1", Category.FINANCE))))
                .isEqualTo(RejectionReason.PROVIDER_MISMATCH);
    }
}
