package io.dex.rules;

import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import java.util.List;

/**
 * The field rules of a {@link DataProductEvent} that need no exchange state (SPEC "events"). LISTED and
 * UPDATED carry the product's full state, so every field is required; DELISTED needs only eventId,
 * eventType, productId, providerId and occurredAt. A field that is present must be valid whatever the
 * event type. Unknown products and foreign providers are the topology's rules.
 */
public final class DataProductRules {

    /** Product names are 1-200 characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final String FOR_FULL_STATE = "for LISTED and UPDATED";

    private DataProductRules() {
    }

    /** Every broken rule of {@code event}, in schema field order; empty when the event is well-formed. */
    public static List<FieldViolation> violations(DataProductEvent event) {
        FieldChecks checks = new FieldChecks();
        if (checks.required("eventId", event.getEventId()) && event.getEventId().isEmpty()) {
            checks.add("eventId", "must not be empty");
        }
        DataProductEventType type = event.getEventType();
        if (checks.required("eventType", type)) {
            checks.knownSymbol("eventType", type);
        }
        checks.id("productId", event.getProductId());
        checks.id("providerId", event.getProviderId());
        boolean full = type == DataProductEventType.LISTED || type == DataProductEventType.UPDATED;
        if (checks.requiredWhen("name", event.getName(), full, FOR_FULL_STATE)) {
            checks.text("name", event.getName(), MAX_NAME_LENGTH);
        }
        checks.requiredWhen("category", event.getCategory(), full, FOR_FULL_STATE);
        if (checks.requiredWhen("deliveryMode", event.getDeliveryMode(), full, FOR_FULL_STATE)) {
            checks.knownSymbol("deliveryMode", event.getDeliveryMode());
        }
        if (checks.requiredWhen("classification", event.getClassification(), full, FOR_FULL_STATE)) {
            checks.knownSymbol("classification", event.getClassification());
        }
        if (checks.requiredWhen("personalInfoSubjects", event.getPersonalInfoSubjects(), full, FOR_FULL_STATE)) {
            checks.nonNegative("personalInfoSubjects", event.getPersonalInfoSubjects());
        }
        checks.requiredWhen("sensitivePersonalInfo", event.getSensitivePersonalInfo(), full, FOR_FULL_STATE);
        if (checks.requiredWhen("listPrice", event.getListPrice(), full, FOR_FULL_STATE)) {
            checks.positiveDecimal("listPrice", event.getListPrice(), ExchangeDecimals.MONEY_SCALE,
                    ExchangeDecimals.capacity(ExchangeDecimals.MONEY_SCALE));
        }
        if (checks.requiredWhen("currency", event.getCurrency(), full, FOR_FULL_STATE)) {
            checks.currency("currency", event.getCurrency());
        }
        checks.required("occurredAt", event.getOccurredAt());
        return checks.toList();
    }
}
