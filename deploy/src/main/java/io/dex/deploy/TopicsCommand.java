package io.dex.deploy;

import io.dex.cli.ConnectionOptions;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import io.dex.topics.TopicProvisioner.ProvisionedTopic;
import io.dex.topics.TopicProvisioner.TopicState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dex topics}: the exchange's topics from their single definition. */
@Command(name = "topics",
        description = "Creates or describes the exchange's topics from their single definition.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
final class TopicsCommand implements Callable<Integer> {

    /** How long the cluster may take to answer one request. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    /** {@code dex topics} without {@code create} or {@code describe} is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: create or describe");
    }

    /** {@code dex topics create}. */
    @Command(name = "create",
            description = {
                    "Creates the exchange's topics that do not exist yet. Existing topics are left as they are and "
                            + "reported, with how they differ from their definition if they do.",
                    "Exits with 1 when a topic differs (its partitions, replication or configs)."})
    static final class Create implements Callable<Integer> {

        @Mixin
        private ConnectionOptions connection;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Partitions of every topic (default: as dex local, 6).")
        private Integer partitions;

        @Option(names = "--replication-factor", paramLabel = "R",
                description = "Replicas of every partition (default: as dex local, 1; 3 on a production cluster).")
        private Short replicationFactor;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            TopicLayout layout = new TopicLayout(
                    partitions == null ? TopicLayout.LOCAL.partitions() : partitions,
                    replicationFactor == null ? TopicLayout.LOCAL.replicationFactor() : replicationFactor);
            List<ProvisionedTopic> results = withProvisioner(connection, provisioner -> provisioner.create(ExchangeTopics.ALL, layout));
            PrintWriter out = spec.commandLine().getOut();
            results.forEach(result -> out.println(result.summary()));
            Map<ProvisionedTopic.Outcome, Long> counts = results.stream()
                    .collect(Collectors.groupingBy(ProvisionedTopic::outcome, Collectors.counting()));
            out.printf("%d topics: %d created, %d already there, %d differing%n", results.size(),
                    counts.getOrDefault(ProvisionedTopic.Outcome.CREATED, 0L),
                    counts.getOrDefault(ProvisionedTopic.Outcome.EXISTS, 0L),
                    counts.getOrDefault(ProvisionedTopic.Outcome.DIFFERS, 0L));
            out.flush();
            return counts.containsKey(ProvisionedTopic.Outcome.DIFFERS) ? 1 : 0;
        }
    }

    /** {@code dex topics describe}. */
    @Command(name = "describe",
            description = "Describes the exchange's topics as the cluster has them: partitions, replication, "
                    + "cleanup policy, retention and the other configs set on each topic.")
    static final class Describe implements Callable<Integer> {

        @Mixin
        private ConnectionOptions connection;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<TopicState> states = withProvisioner(connection, provisioner -> provisioner.describe(ExchangeTopics.ALL));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("TOPIC", "PARTITIONS", "REPLICATION", "CLEANUP", "RETENTION.MS", "OTHER CONFIGS"));
            for (TopicState state : states) {
                rows.add(state.exists()
                        ? List.of(state.name(), Integer.toString(state.partitions()), Integer.toString(state.replicationFactor()),
                                state.cleanupPolicy().orElse("?"), state.retentionMs().orElse("?"), otherConfigs(state))
                        : List.of(state.name(), "missing", "", "", "", ""));
            }
            PrintWriter out = spec.commandLine().getOut();
            printTable(out, rows);
            long missing = states.stream().filter(state -> !state.exists()).count();
            if (missing > 0) {
                out.println(missing + " of " + states.size() + " topics are missing: dex topics create creates them.");
                out.flush();
            }
            return 0;
        }

        private static String otherConfigs(TopicState state) {
            return state.configs().entrySet().stream()
                    .filter(config -> !config.getKey().equals(TopicConfig.CLEANUP_POLICY_CONFIG)
                            && !config.getKey().equals(TopicConfig.RETENTION_MS_CONFIG))
                    .map(config -> config.getKey() + "=" + config.getValue())
                    .collect(Collectors.joining(","));
        }

        private static void printTable(PrintWriter out, List<List<String>> rows) {
            int columns = rows.get(0).size();
            int[] widths = new int[columns];
            rows.forEach(row -> {
                for (int column = 0; column < columns; column++) {
                    widths[column] = Math.max(widths[column], row.get(column).length());
                }
            });
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder();
                for (int column = 0; column < columns; column++) {
                    line.append(column == columns - 1 ? row.get(column) : String.format("%-" + widths[column] + "s  ", row.get(column)));
                }
                out.println(line.toString().stripTrailing());
            }
            out.flush();
        }
    }

    /** Runs {@code action} with a provisioner on the cluster; an unreachable cluster is named in the error. */
    private static <T> T withProvisioner(ConnectionOptions connection, Function<TopicProvisioner, T> action) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            return action.apply(new TopicProvisioner(admin, TIMEOUT));
        } catch (TopicProvisioner.ProvisioningException e) {
            throw new IllegalStateException(e.getMessage() + " (Kafka at " + connection.bootstrapServers()
                    + "; is dex local running, or is --bootstrap-servers right?)", e);
        }
    }
}
