package io.dex.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the exchange's topics on a cluster from their single definition ({@link ExchangeTopics})
 * and describes them as the cluster has them.
 *
 * <p>Creating is idempotent: a topic that exists is left alone, never altered or recreated (that
 * would lose records or break the co-partitioning of existing data), and the result says whether it
 * matches its definition and, if not, how it differs.
 */
public final class TopicProvisioner {

    /** Configs shown for every topic, whether set on the topic or inherited from the broker. */
    private static final List<String> KEY_CONFIGS = List.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG,
            TopicConfig.RETENTION_BYTES_CONFIG, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);

    private final Admin admin;
    private final Duration timeout;

    /** A provisioner using {@code admin}, waiting up to 60 s for each answer of the cluster. */
    public TopicProvisioner(Admin admin) {
        this(admin, Duration.ofSeconds(60));
    }

    /** A provisioner using {@code admin}, waiting up to {@code timeout} for each answer of the cluster. */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates the topics that do not exist with {@code layout}, and compares those that do with
     * their definition.
     *
     * @return one result per topic, in the order given
     * @throws ProvisioningException when the cluster refuses a creation (e.g. more replicas than
     *                                    brokers) or does not answer in time
     */
    public List<ProvisionedTopic> create(Collection<ExchangeTopic<?>> topics, TopicLayout layout) {
        Set<String> listed = await(admin.listTopics().names(), "list the topics");
        List<ExchangeTopic<?>> toCreate = topics.stream().filter(topic -> !listed.contains(topic.name())).toList();
        Map<String, KafkaFuture<Void>> creations = toCreate.isEmpty() ? Map.of()
                : admin.createTopics(toCreate.stream().map(topic -> topic.newTopic(layout)).toList()).values();
        List<String> created = new ArrayList<>();
        for (ExchangeTopic<?> topic : toCreate) {
            try {
                creations.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(topic.name());
            } catch (ExecutionException e) {
                // TopicExistsException: created meanwhile, or not yet listed by the broker; compared below like any existing topic.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ProvisioningException("Cannot create topic " + topic.name() + " with " + layout.partitions()
                            + " partitions and replication factor " + layout.replicationFactor() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new ProvisioningException("The cluster did not confirm the creation of topic " + topic.name()
                        + " within " + timeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("Interrupted while creating topic " + topic.name(), e);
            }
        }
        // A broker lists a topic shortly after the controller confirmed it: wait, so that users of the topics find them.
        Map<String, TopicState> states = new TreeMap<>();
        states(topics, true).forEach(state -> states.put(state.name(), state));
        awaitServingLeaders(created, layout.partitions());
        return topics.stream().map(topic -> created.contains(topic.name())
                ? ProvisionedTopic.created(topic.name())
                : ProvisionedTopic.existing(topic.name(), differences(topic, layout, states.get(topic.name())))).toList();
    }

    /**
     * The topics as the cluster has them: partitions, replication factor and configs (the key ones
     * always, plus every config set on the topic itself). A topic the cluster lacks is described as
     * missing.
     */
    public List<TopicState> describe(Collection<ExchangeTopic<?>> topics) {
        return states(topics, false);
    }

    private List<TopicState> states(Collection<ExchangeTopic<?>> topics, boolean awaitAll) {
        Map<String, TopicDescription> descriptions = descriptions(topics.stream().map(ExchangeTopic::name).toList(), awaitAll);
        Map<ConfigResource, Config> configs = descriptions.isEmpty() ? Map.of()
                : await(admin.describeConfigs(descriptions.keySet().stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), "describe the topic configs");
        return topics.stream().map(topic -> {
            TopicDescription description = descriptions.get(topic.name());
            if (description == null) {
                return TopicState.missing(topic.name(), topic.description());
            }
            int replication = description.partitions().stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            return new TopicState(topic.name(), topic.description(), true, description.partitions().size(), replication, shownConfigs(config));
        }).toList();
    }

    /** The descriptions of the topics the broker knows; with {@code awaitAll}, waits until it knows all of them. */
    private Map<String, TopicDescription> descriptions(List<String> names, boolean awaitAll) {
        Map<String, TopicDescription> found = new TreeMap<>();
        List<String> unknown = new ArrayList<>(names);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!unknown.isEmpty()) {
            Map<String, KafkaFuture<TopicDescription>> answers = admin.describeTopics(unknown).topicNameValues();
            for (String name : List.copyOf(unknown)) {
                try {
                    found.put(name, answers.get(name).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                    unknown.remove(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new ProvisioningException("Cannot describe topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new ProvisioningException("The cluster did not describe topic " + name + " within " + timeout.toSeconds() + " s", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProvisioningException("Interrupted while describing topic " + name, e);
                }
            }
            if (!awaitAll || unknown.isEmpty()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ProvisioningException("The cluster confirmed topics " + unknown + " but did not list them within "
                        + timeout.toSeconds() + " s", null);
            }
            pause();
        }
        return found;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("Interrupted while waiting for the cluster to list its topics", e);
        }
    }

    private static Map<String, String> shownConfigs(Config config) {
        Map<String, String> shown = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (KEY_CONFIGS.contains(entry.name()) || entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                shown.put(entry.name(), entry.value());
            }
        }
        return shown;
    }

    private static List<String> differences(ExchangeTopic<?> topic, TopicLayout layout, TopicState actual) {
        List<String> differences = new ArrayList<>();
        if (actual.partitions() != layout.partitions()) {
            differences.add("partitions " + actual.partitions() + ", expected " + layout.partitions());
        }
        if (actual.replicationFactor() != layout.replicationFactor()) {
            differences.add("replication factor " + actual.replicationFactor() + ", expected " + layout.replicationFactor());
        }
        new TreeMap<>(topic.configs()).forEach((name, expected) -> {
            String value = Optional.ofNullable(actual.configs().get(name)).orElse("(unset)");
            if (!value.equals(expected)) {
                differences.add(name + " " + value + ", expected " + expected);
            }
        });
        return differences;
    }

    /**
     * Waits until the leader of every partition of the {@code created} topics, each with
     * {@code partitions} partitions, serves it. A broker lists
     * a partition's leader a moment before that leader takes writes, and a producer that writes at once
     * gets NOT_LEADER_OR_FOLLOWER; reading each partition's end offset asks each leader itself, and the
     * admin client retries until it answers.
     */
    private void awaitServingLeaders(List<String> created, int partitions) {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String name : created) {
            for (int partition = 0; partition < partitions; partition++) {
                ends.put(new TopicPartition(name, partition), OffsetSpec.latest());
            }
        }
        if (!ends.isEmpty()) {
            await(admin.listOffsets(ends).all(), "read the end offset of every partition of the new topics");
        }
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ProvisioningException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ProvisioningException("The cluster did not answer within " + timeout.toSeconds() + " s when asked to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("Interrupted while trying to " + what, e);
        }
    }

    /**
     * What {@link #create} did with one topic.
     *
     * @param name        the topic
     * @param outcome     created, or found matching, or found differing from its definition
     * @param differences how an existing topic differs from its definition (empty unless {@link Outcome#DIFFERS})
     */
    public record ProvisionedTopic(String name, Outcome outcome, List<String> differences) {

        /** What happened to a topic. */
        public enum Outcome {
            /** The topic did not exist and was created. */
            CREATED,
            /** The topic existed and matches its definition and the layout. */
            EXISTS,
            /** The topic existed (and was left alone) but differs from its definition or the layout. */
            DIFFERS
        }

        static ProvisionedTopic created(String name) {
            return new ProvisionedTopic(name, Outcome.CREATED, List.of());
        }

        static ProvisionedTopic existing(String name, List<String> differences) {
            return new ProvisionedTopic(name, differences.isEmpty() ? Outcome.EXISTS : Outcome.DIFFERS, List.copyOf(differences));
        }

        /** One line for people: {@code exchange.trades: exists, differs: partitions 3, expected 6}. */
        public String summary() {
            return switch (outcome) {
                case CREATED -> name + ": created";
                case EXISTS -> name + ": exists";
                case DIFFERS -> name + ": exists but differs, left as it is: " + String.join("; ", differences);
            };
        }
    }

    /**
     * One topic as the cluster has it.
     *
     * @param name              the topic
     * @param description       what it holds, from its definition
     * @param exists            whether the cluster has it (when false, the numbers are 0 and there are no configs)
     * @param partitions        its partition count
     * @param replicationFactor the replica count of its least replicated partition
     * @param configs           its key configs and every config set on the topic itself, sorted by name
     */
    public record TopicState(String name, String description, boolean exists, int partitions, int replicationFactor,
                             Map<String, String> configs) {

        /** Copies the configs, sorted by name. */
        public TopicState {
            configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
        }

        static TopicState missing(String name, String description) {
            return new TopicState(name, description, false, 0, 0, Map.of());
        }

        /** {@code cleanup.policy}, or empty for a missing topic. */
        public Optional<String> cleanupPolicy() {
            return Optional.ofNullable(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG));
        }

        /** {@code retention.ms} ({@code -1}: kept forever), or empty for a missing topic. */
        public Optional<String> retentionMs() {
            return Optional.ofNullable(configs.get(TopicConfig.RETENTION_MS_CONFIG));
        }
    }

    /** The cluster refused to create a topic, or did not answer in time; the message names the topic. */
    public static final class ProvisioningException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ProvisioningException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
