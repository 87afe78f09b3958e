package io.dex.streams;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Well-formed events for tests, to be varied with their Avro builders. */
final class Events {

    /** A moment of the exchange's business (a Saturday, 17:00 in Shanghai). */
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private Events() {
    }

    /** LISTED of a GENERAL API product without personal information, priced 100 CNY. */
    static DataProductEvent.Builder listed(String productId, String providerId, Category category) {
        return DataProductEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(DataProductEventType.LISTED)
                .setProductId(productId)
                .setProviderId(providerId)
                .setName("Product " + productId)
                .setCategory(category)
                .setDeliveryMode(DeliveryMode.API)
                .setClassification(Classification.GENERAL)
                .setPersonalInfoSubjects(0L)
                .setSensitivePersonalInfo(false)
                .setListPrice(new BigDecimal("100.0000"))
                .setCurrency("CNY")
                .setOccurredAt(T0);
    }

    /** The same product event as another type, with a fresh eventId. */
    static DataProductEvent.Builder as(DataProductEvent.Builder event, DataProductEventType type) {
        return DataProductEvent.newBuilder(event.build()).setEventId(UUID.randomUUID().toString()).setEventType(type);
    }

    /** DELISTED of a product by a provider. */
    static DataProductEvent delisted(String productId, String providerId) {
        return DataProductEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setEventType(DataProductEventType.DELISTED)
                .setProductId(productId)
                .setProviderId(providerId)
                .setOccurredAt(T0)
                .build();
    }

    /** A domestic trade in CNY at {@link #T0}. */
    static TradeEvent.Builder trade(String transactionId, String productId, String sellerId, String buyerId, String amount) {
        return TradeEvent.newBuilder()
                .setTransactionId(transactionId)
                .setProductId(productId)
                .setSellerId(sellerId)
                .setBuyerId(buyerId)
                .setBuyerJurisdiction("CN")
                .setAmount(new BigDecimal(amount).setScale(4))
                .setCurrency("CNY")
                .setOccurredAt(T0);
    }

    /** A rate of {@code currency}, effective at {@link #T0}. */
    static FxRate rate(String currency, String cnyPerUnit) {
        return new FxRate(currency, new BigDecimal(cnyPerUnit).setScale(8), T0);
    }
}
