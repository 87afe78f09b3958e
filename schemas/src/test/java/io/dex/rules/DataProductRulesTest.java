package io.dex.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("DataProductRules")
class DataProductRulesTest {

    private static DataProductEvent listed(Consumer<DataProductEvent> change) {
        DataProductEvent event = new DataProductEvent("ev-1", DataProductEventType.LISTED, "prod-1", "member-1",
                "Port container arrivals", Category.TRANSPORT_LOGISTICS, DeliveryMode.API, Classification.GENERAL,
                0L, false, new BigDecimal("99.5000"), "CNY", Instant.parse("2026-11-28T09:00:00Z"));
        change.accept(event);
        return event;
    }

    private static DataProductEvent delisted() {
        DataProductEvent event = new DataProductEvent();
        event.setEventId("ev-2");
        event.setEventType(DataProductEventType.DELISTED);
        event.setProductId("prod-1");
        event.setProviderId("member-1");
        event.setOccurredAt(Instant.parse("2026-11-29T09:00:00Z"));
        return event;
    }

    @Test
    @DisplayName("a full LISTED event has no violations")
    void wellFormed() {
        assertThat(DataProductRules.violations(listed(e -> { }))).isEmpty();
    }

    @ParameterizedTest(name = "{0} needs every field")
    @EnumSource(value = DataProductEventType.class, names = {"LISTED", "UPDATED"})
    @DisplayName("LISTED and UPDATED need every field, in schema order")
    void fullStateRequired(DataProductEventType type) {
        DataProductEvent event = new DataProductEvent();
        event.setEventType(type);
        assertThat(DataProductRules.violations(event)).extracting(FieldViolation::toString).containsExactly(
                "eventId: is required",
                "productId: is required",
                "providerId: is required",
                "name: is required for LISTED and UPDATED",
                "category: is required for LISTED and UPDATED",
                "deliveryMode: is required for LISTED and UPDATED",
                "classification: is required for LISTED and UPDATED",
                "personalInfoSubjects: is required for LISTED and UPDATED",
                "sensitivePersonalInfo: is required for LISTED and UPDATED",
                "listPrice: is required for LISTED and UPDATED",
                "currency: is required for LISTED and UPDATED",
                "occurredAt: is required");
    }

    @Test
    @DisplayName("DELISTED needs only eventId, eventType, productId, providerId and occurredAt")
    void delistedMinimal() {
        assertThat(DataProductRules.violations(delisted())).isEmpty();
        assertThat(DataProductRules.violations(new DataProductEvent())).extracting(FieldViolation::field)
                .containsExactly("eventId", "eventType", "productId", "providerId", "occurredAt");
    }

    @Test
    @DisplayName("fields a DELISTED carries anyway must still be valid")
    void delistedPresentFieldsValidated() {
        DataProductEvent event = delisted();
        event.setListPrice(new BigDecimal("-1"));
        event.setCurrency("ABC");
        assertThat(DataProductRules.violations(event)).extracting(FieldViolation::field)
                .containsExactly("listPrice", "currency");
    }

    @Test
    @DisplayName("an empty eventId is invalid")
    void emptyEventId() {
        assertThat(DataProductRules.violations(listed(e -> e.setEventId(""))))
                .containsExactly(new FieldViolation("eventId", "must not be empty"));
    }

    @Test
    @DisplayName("UNKNOWN symbols (from newer writers) are invalid")
    void unknownSymbols() {
        DataProductEvent event = listed(e -> {
            e.setDeliveryMode(DeliveryMode.UNKNOWN);
            e.setClassification(Classification.UNKNOWN);
        });
        assertThat(DataProductRules.violations(event)).extracting(FieldViolation::field)
                .containsExactly("deliveryMode", "classification");
        DataProductEvent unknownType = delisted();
        unknownType.setEventType(DataProductEventType.UNKNOWN);
        assertThat(DataProductRules.violations(unknownType))
                .containsExactly(new FieldViolation("eventType",
                        "is UNKNOWN (a symbol this version of the exchange does not know)"));
    }

    @Test
    @DisplayName("product and provider ids follow the id rule: 64 characters are fine, 65 are not")
    void ids() {
        assertThat(DataProductRules.violations(listed(e -> e.setProductId("p".repeat(64))))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setProductId("p".repeat(65)))))
                .extracting(FieldViolation::field).containsExactly("productId");
        assertThat(DataProductRules.violations(listed(e -> e.setProviderId("member#1"))))
                .extracting(FieldViolation::field).containsExactly("providerId");
    }

    @Test
    @DisplayName("names have 1-200 characters, counted as Unicode characters")
    void nameLength() {
        assertThat(DataProductRules.violations(listed(e -> e.setName("x")))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setName("数".repeat(200))))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setName("😀".repeat(200))))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setName("x".repeat(201)))))
                .containsExactly(new FieldViolation("name", "must be at most 200 characters, has 201"));
        assertThat(DataProductRules.violations(listed(e -> e.setName(""))))
                .containsExactly(new FieldViolation("name", "must not be empty or blank"));
        assertThat(DataProductRules.violations(listed(e -> e.setName("   "))))
                .containsExactly(new FieldViolation("name", "must not be empty or blank"));
    }

    @Test
    @DisplayName("personalInfoSubjects is 0 or more")
    void personalInfoSubjects() {
        assertThat(DataProductRules.violations(listed(e -> e.setPersonalInfoSubjects(0L)))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setPersonalInfoSubjects(2_000_000L)))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setPersonalInfoSubjects(-1L))))
                .containsExactly(new FieldViolation("personalInfoSubjects", "must be 0 or more, is -1"));
    }

    @Test
    @DisplayName("listPrice is above 0, with at most 4 fraction digits, within precision 20")
    void listPrice() {
        assertThat(DataProductRules.violations(listed(e -> e.setListPrice(new BigDecimal("0.0001"))))).isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setListPrice(BigDecimal.ZERO))))
                .containsExactly(new FieldViolation("listPrice", "must be greater than 0, is 0"));
        assertThat(DataProductRules.violations(listed(e -> e.setListPrice(new BigDecimal("0.00001")))))
                .extracting(FieldViolation::field).containsExactly("listPrice");
        assertThat(DataProductRules.violations(listed(e -> e.setListPrice(new BigDecimal("9999999999999999.9999")))))
                .isEmpty();
        assertThat(DataProductRules.violations(listed(e -> e.setListPrice(new BigDecimal("1E16")))))
                .extracting(FieldViolation::field).containsExactly("listPrice");
    }

    @Test
    @DisplayName("the currency is an ISO 4217 code")
    void currency() {
        assertThat(DataProductRules.violations(listed(e -> e.setCurrency("RMB"))))
                .containsExactly(new FieldViolation("currency", "'RMB' is not an ISO 4217 currency code"));
    }
}
