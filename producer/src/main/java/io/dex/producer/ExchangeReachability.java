package io.dex.producer;

import io.dex.registry.RestSchemaRegistryClient;
import io.dex.registry.RetryPolicy;
import io.dex.registry.SchemaRegistryClient;
import io.dex.registry.SchemaRegistryException;
import io.dex.topics.ExchangeTopic;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Checks, before anything is published, that the cluster answers and has the topics to publish to,
 * and that the schema registry answers. Each failure names the address it tried.
 */
public final class ExchangeReachability {

    private final Duration timeout;

    /** A check giving each party {@code timeout} to answer. */
    public ExchangeReachability(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Requires the registry at {@code url} to answer.
     *
     * @throws ExchangeUnreachableException naming the URL when it does not
     */
    public void requireRegistry(String url) {
        RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofMillis(500), timeout);
        try (SchemaRegistryClient registry = new RestSchemaRegistryClient(url, quick)) {
            registry.subjects();
        } catch (SchemaRegistryException | IllegalArgumentException e) {
            throw new ExchangeUnreachableException("cannot reach the schema registry at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Requires the cluster at {@code bootstrapServers} to answer and to have every one of {@code topics}.
     *
     * @throws ExchangeUnreachableException naming the address, or the missing topics
     */
    public void requireCluster(String bootstrapServers, Collection<? extends ExchangeTopic<?>> topics) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Set<String> existing;
        try (Admin admin = Admin.create(config)) {
            existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new ExchangeUnreachableException("cannot reach the Kafka cluster at " + bootstrapServers
                    + " within " + timeout.toSeconds() + " s: " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnreachableException("interrupted while reaching " + bootstrapServers, e);
        }
        Set<String> missing = new TreeSet<>();
        topics.forEach(topic -> {
            if (!existing.contains(topic.name())) {
                missing.add(topic.name());
            }
        });
        if (!missing.isEmpty()) {
            throw new ExchangeUnreachableException("the Kafka cluster at " + bootstrapServers + " lacks the topics "
                    + missing + " (create them with: dex topics)", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
