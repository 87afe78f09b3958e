package io.dex.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka cluster (KRaft) inside the test JVM, plus the address of the test JVM's shared real
 * schema registry ({@link SharedSchemaRegistry}).
 *
 * <p>Integration tests get the JVM's one shared single-node cluster as a parameter (see
 * {@link ExchangeIntegrationTest}); failover tests start a cluster of their own with
 * {@link #startThreeBrokers()} and close it.
 *
 * <p>Like {@code dex local}'s broker, the clusters never create topics automatically: tests create
 * the topics they use (e.g. with the exchange's {@code TopicProvisioner}).
 */
public final class ExchangeTestCluster implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private ExchangeTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = kit.admin();
    }

    /** One node that is broker and controller; every internal topic with one replica. */
    static ExchangeTestCluster startSingleNode() {
        // One broker: internal topics with more replicas than brokers leave groups and transactions dead.
        return start(nodes(1, 1, true), configs(1, 1));
    }

    /**
     * Starts a cluster of three brokers and one dedicated controller (combined broker-controller
     * nodes hang on close), for failover tests. Internal topics get three replicas and
     * {@code min.insync.replicas=2}, as in production, so one broker may fail. Close it after use.
     */
    public static ExchangeTestCluster startThreeBrokers() {
        return start(nodes(3, 1, false), configs(3, 2));
    }

    /** The bootstrap servers of the cluster. */
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /**
     * The Confluent-compatible API of the test JVM's shared schema registry (started on first call).
     * Registries are not cleaned between test classes: use subjects (topic names) of your own.
     */
    public String schemaRegistryUrl() {
        return SharedSchemaRegistry.url();
    }

    /** An Admin client of the cluster, shared by all its users: do not close it. */
    public Admin admin() {
        return admin;
    }

    /** The node ids of the brokers. */
    public Set<Integer> brokerIds() {
        return Set.copyOf(kit.brokers().keySet());
    }

    /** Shuts broker {@code nodeId} down (a controlled shutdown); {@link #startBroker} brings it back. */
    public void stopBroker(int nodeId) {
        broker(nodeId).shutdown();
        broker(nodeId).awaitShutdown();
    }

    /** Starts broker {@code nodeId} again after {@link #stopBroker}. */
    public void startBroker(int nodeId) {
        broker(nodeId).startup();
    }

    /**
     * Deletes every topic that is not internal to Kafka and waits until the cluster no longer lists
     * any: the clean slate each test class starts from.
     */
    public void deleteAllTopics() {
        try {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (topics.isEmpty()) {
                return;
            }
            admin.deleteTopics(topics).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("Topics were still listed " + TIMEOUT.toSeconds() + " s after their deletion");
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot delete the topics of the test cluster", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting the topics of the test cluster", e);
        }
    }

    /** Stops every node and deletes the cluster's files. */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
        try {
            kit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the test cluster", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the test cluster", e);
        }
    }

    private kafka.server.BrokerServer broker(int nodeId) {
        kafka.server.BrokerServer broker = kit.brokers().get(nodeId);
        if (broker == null) {
            throw new IllegalArgumentException("No broker " + nodeId + "; the brokers are " + brokerIds());
        }
        return broker;
    }

    /** The broker configs: internal topics with {@code replicas} replicas, writes needing {@code minInSync} of them. */
    private static Map<String, Object> configs(int replicas, int minInSync) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("offsets.topic.replication.factor", Integer.toString(replicas));
        configs.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        configs.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        configs.put("transaction.state.log.min.isr", Integer.toString(minInSync));
        configs.put("min.insync.replicas", Integer.toString(minInSync));
        configs.put("group.initial.rebalance.delay.ms", "0");
        configs.put("auto.create.topics.enable", "false");
        return configs;
    }

    private static TestKitNodes nodes(int brokers, int controllers, boolean combined) {
        return new TestKitNodes.Builder()
                // The kit's default is the newest, unreleased metadata version; test what production runs.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setCombined(combined)
                .setNumBrokerNodes(brokers)
                .setNumControllerNodes(controllers)
                .build();
    }

    private static ExchangeTestCluster start(TestKitNodes nodes, Map<String, Object> configs) {
        KafkaClusterTestKit kit = null;
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            configs.forEach(builder::setConfigProp);
            kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new ExchangeTestCluster(kit);
        } catch (Exception e) {
            closeQuietly(kit, e);
            throw new IllegalStateException("Cannot start the in-JVM Kafka test cluster", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit, Exception failure) {
        if (kit == null) {
            return;
        }
        try {
            kit.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
