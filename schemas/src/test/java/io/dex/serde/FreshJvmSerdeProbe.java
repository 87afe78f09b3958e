package io.dex.serde;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;

/**
 * Runs one serde in a JVM of its own, so that nothing else has touched Avro before: {@code
 * serialize URL TOPIC} prints the wire bytes of {@link #sample()}, {@code deserialize URL TOPIC
 * BASE64} prints the record read from them. Exits non-zero on any exception.
 */
public final class FreshJvmSerdeProbe {

    private FreshJvmSerdeProbe() {
    }

    /** A record with enums, optional fields, a decimal and a timestamp. */
    public static DataProductEvent sample() {
        return DataProductEvent.newBuilder()
                .setEventId("e-1").setEventType(DataProductEventType.LISTED)
                .setProductId("p-1").setProviderId("m-1").setName("Port congestion index")
                .setCategory(Category.TRANSPORT_LOGISTICS).setDeliveryMode(DeliveryMode.API)
                .setClassification(Classification.IMPORTANT)
                .setPersonalInfoSubjects(0L).setSensitivePersonalInfo(false)
                .setListPrice(new BigDecimal("1200.5000")).setCurrency("CNY")
                .setOccurredAt(Instant.parse("2026-11-28T09:00:00Z"))
                .build();
    }

    /** See the class comment. */
    public static void main(String[] args) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(args[1]);
        switch (args[0]) {
            // A producer needs only the serializer, a consumer only the deserializer.
            case "serialize" -> System.out.println(Base64.getEncoder().encodeToString(
                    new AvroSerializer<DataProductEvent>(registry, SerdeSettings.AUTO_REGISTER).serialize(args[2], sample())));
            case "deserialize" -> System.out.println(
                    AvroDeserializer.specific(registry, DataProductEvent.class).deserialize(args[2], Base64.getDecoder().decode(args[3])));
            default -> throw new IllegalArgumentException("serialize or deserialize, not " + args[0]);
        }
    }
}
