package io.dex.streams;

import io.dex.registry.SchemaRegistryClient;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.topics.ExchangeTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the exchange's Streams application, for {@code dex streams}, {@code dex local}
 * and the HTTP layer to embed: start it, watch its state, query its stores through
 * {@link #streams()}, close it.
 *
 * <p>A stream thread that dies of an unexpected error is replaced (its tasks restart from their last
 * commit, exactly once); bad input never gets that far, it goes to the dead letters.
 */
public final class ExchangeStreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeStreamsApp.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** The input topics, which must exist. */
    private static final List<String> INPUTS = Stream.concat(ExchangeTopology.TASK_INPUTS.stream(),
            Stream.of(ExchangeTopology.GLOBAL_INPUT)).map(ExchangeTopic::name).toList();

    private final StreamsSettings settings;
    private final Topology topology;
    private final KafkaStreams streams;
    private final List<KafkaStreams.StateListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * An instance with {@code settings}, reading and registering contracts in {@code registry} and
     * recording the end-to-end latency of trades into {@code latency}.
     */
    public ExchangeStreamsApp(StreamsSettings settings, SchemaRegistryClient registry, EndToEndLatency latency) {
        this.settings = settings;
        this.topology = ExchangeTopology.buildTopology(settings.topology(), registry, latency);
        this.streams = new KafkaStreams(topology, settings.streamsConfig());
        streams.setStateListener((newState, oldState) -> {
            LOG.info("Streams application {}: {} -> {}", settings.applicationId(), oldState, newState);
            listeners.forEach(listener -> listener.onChange(newState, oldState));
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("A stream thread failed; replacing it", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Calls {@code listener} on every state change (several listeners may watch). */
    public void addStateListener(KafkaStreams.StateListener listener) {
        listeners.add(listener);
    }

    /**
     * Checks that the input topics exist and that products and trades are co-partitioned, then starts processing.
     *
     * @throws IllegalStateException when an input topic is missing or the partition counts differ
     */
    public void start() {
        requireCoPartitionedInputs();
        streams.start();
    }

    /** The Kafka Streams instance, for interactive queries and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The topology this instance runs. */
    public Topology topology() {
        return topology;
    }

    /** The settings this instance runs with. */
    public StreamsSettings settings() {
        return settings;
    }

    /** The current state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Waits until the instance is RUNNING; whether it got there in time. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && stopped.getCount() > 0) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Waits until the instance has stopped (closed, or failed for good). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Stops processing, committing what was processed, within {@code timeout}. */
    public void close(Duration timeout) {
        streams.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void requireCoPartitionedInputs() {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            Map<String, TopicDescription> topics = client.describeTopics(INPUTS).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Integer> partitions = ExchangeTopology.TASK_INPUTS.stream().map(ExchangeTopic::name)
                    .collect(Collectors.toMap(name -> name, name -> topics.get(name).partitions().size()));
            if (partitions.values().stream().distinct().count() > 1) {
                throw new IllegalStateException("the input topics must have the same number of partitions "
                        + "(products and trades are joined by productId): " + partitions);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the input topics " + INPUTS
                    + " (create them with 'dex topics'): " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster at " + settings.bootstrapServers() + " did not answer within "
                    + ADMIN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the input topics", e);
        }
    }
}
