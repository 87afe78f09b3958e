package io.dex.producer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How an {@link ExchangePublisher} talks to the cluster. Delivery guarantees are fixed (idempotent,
 * {@code acks=all}); batching and compression are tuned for throughput and may be overridden.
 *
 * @param bootstrapServers the cluster's bootstrap servers
 * @param clientId         the producer's client id (appears in broker logs and quotas)
 * @param deliveryTimeout  how long a record is retried before its send fails (e.g. while a broker is down)
 * @param overrides        further producer configs, applied last (guarantees cannot be weakened)
 */
public record PublisherSettings(String bootstrapServers, String clientId, Duration deliveryTimeout,
        Map<String, String> overrides) {

    /** The Kafka producer's default delivery timeout. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private static final String LINGER_MS = "10";
    private static final String BATCH_BYTES = String.valueOf(256 * 1024);
    private static final String BUFFER_BYTES = String.valueOf(64L * 1024 * 1024);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Validates and copies the settings. */
    public PublisherSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        overrides = Map.copyOf(overrides);
    }

    /** Default settings for the given cluster. */
    public static PublisherSettings of(String bootstrapServers) {
        return new PublisherSettings(bootstrapServers, "dex-publisher", DEFAULT_DELIVERY_TIMEOUT, Map.of());
    }

    /** These settings with another delivery timeout. */
    public PublisherSettings withDeliveryTimeout(Duration timeout) {
        return new PublisherSettings(bootstrapServers, clientId, timeout, overrides);
    }

    /** These settings with another client id. */
    public PublisherSettings withClientId(String id) {
        return new PublisherSettings(bootstrapServers, id, deliveryTimeout, overrides);
    }

    /** The Kafka producer configuration. */
    public Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_BYTES);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The request timeout must not exceed the delivery timeout, which must cover linger + request.
        long deliveryMs = deliveryTimeout.toMillis();
        long requestMs = Math.min(REQUEST_TIMEOUT.toMillis(), Math.max(1, deliveryMs - Long.parseLong(LINGER_MS)));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestMs));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryMs));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(deliveryMs));
        config.putAll(overrides);
        // Applied after the overrides: the exchange's delivery guarantees are not negotiable.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
        return config;
    }
}
