package io.dex.serde;

/**
 * How dex's Avro serdes talk to the schema registry.
 *
 * @param autoRegister register a writer schema the registry does not know yet (producers of a
 *                     development setup); when false, an unregistered schema is an error
 */
public record SerdeSettings(boolean autoRegister) {

    /** Package of the generated contract classes, trusted for deserialization. */
    public static final String CONTRACTS_PACKAGE = "io.dex.schema";

    /** Registers unknown schemas. */
    public static final SerdeSettings AUTO_REGISTER = new SerdeSettings(true);

    /** Only uses schemas that are already registered. */
    public static final SerdeSettings USE_REGISTERED = new SerdeSettings(false);

    /** The Confluent TopicNameStrategy subject: {@code <topic>-key} or {@code <topic>-value}. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
