package io.dex.topics;

import io.dex.registry.SchemaRegistryClient;
import io.dex.serde.SerdeSettings;
import io.dex.serde.SpecificAvroSerde;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the exchange: its name, the contract of its values, and how long the broker keeps
 * its records. Keys are always UTF-8 strings (a productId, a currency, a group name...).
 *
 * @param name        the topic name
 * @param valueType   the generated Avro class of its values
 * @param compacted     whether the topic keeps only the latest value per key
 * @param logAppendTime whether the broker stamps each record with the time it appended it, rather
 *                      than keeping the producer's timestamp
 * @param description   what the topic holds, for {@code dex topics describe}
 * @param <V>           the value type
 */
public record ExchangeTopic<V extends SpecificRecord>(
        String name, Class<V> valueType, boolean compacted, boolean logAppendTime, String description) {

    /** A topic whose records keep the producer's timestamp. */
    public ExchangeTopic(String name, Class<V> valueType, boolean compacted, String description) {
        this(name, valueType, compacted, false, description);
    }

    /** This topic, with records stamped by the broker on append. */
    public ExchangeTopic<V> withLogAppendTime() {
        return new ExchangeTopic<>(name, valueType, compacted, true, description);
    }

    /**
     * The broker configuration of the topic: never deleted by time, compacted where stated, and
     * stamped on append where stated.
     */
    public Map<String, String> configs() {
        Map<String, String> configs = new TreeMap<>(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        if (logAppendTime) {
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return Collections.unmodifiableMap(configs);
    }

    /** The topic to create with the given layout. */
    public NewTopic newTopic(TopicLayout layout) {
        return new NewTopic(name, layout.partitions(), layout.replicationFactor()).configs(configs());
    }

    /** Serde of the keys. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** Serde of the values, registering unknown schemas. */
    public Serde<V> valueSerde(SchemaRegistryClient registry) {
        return valueSerde(registry, SerdeSettings.AUTO_REGISTER);
    }

    /** Serde of the values with the given registry settings. */
    public Serde<V> valueSerde(SchemaRegistryClient registry, SerdeSettings settings) {
        return new SpecificAvroSerde<>(registry, valueType, settings);
    }
}
