package io.dex.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.producer.EventKind;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ExchangeIntegrationTest
@DisplayName("dex simulate")
class SimulateCommandTest {

    private static CommandRun simulate(ExchangeTestCluster cluster, String... more) {
        return CommandRun.against(new SimulateCommand(), cluster.bootstrapServers(), cluster.schemaRegistryUrl(), more);
    }

    @Test
    @DisplayName("checks the topics, publishes for the duration and prints the seed and the achieved rate")
    void runs(ExchangeTestCluster cluster) {
        CommandRun missing = simulate(cluster, "--rate", "100", "--duration", "1s");
        assertThat(missing.exitCode()).isEqualTo(PublishCommand.UNREACHABLE);
        assertThat(missing.err()).contains("lacks the topics");

        new TopicProvisioner(cluster.admin()).create(
                EventKind.ALL.stream().<ExchangeTopic<?>>map(EventKind::topic).toList(), new TopicLayout(3, (short) 1));
        CommandRun run = simulate(cluster, "--rate", "500", "--duration", "2s", "--members", "20", "--products", "100",
                "--seed", "99");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(run.out()).contains("simulating 20 members and 100 products at 500 events/s for PT2S (seed 99)")
                .containsPattern("sent [\\d,]+ events \\(fx \\d+, product [\\d,]+, trade [\\d,]+; \\d+ flawed trades\\) "
                        + "in [\\d.]+ s: [\\d,]+ events/s achieved, target 500; [\\d,]+ acknowledged");
    }

    @Test
    @DisplayName("refuses bad options as an invalid command line, exit code 64, with the usage")
    void badOptions(ExchangeTestCluster cluster) {
        assertUsageError(simulate(cluster, "--rate", "0", "--duration", "1s"), "--rate must be positive");
        assertUsageError(simulate(cluster, "--rate", "10", "--duration", "1s", "--members", "2"), "members must be at least 3");
        assertUsageError(simulate(cluster, "--rate", "10", "--duration", "soon"), "--duration");
        assertUsageError(simulate(cluster, "--rate", "10", "--duration", "1s", "--cross-border-share", "1.5"),
                "crossBorderShare must be between 0 and 1");
    }

    private static void assertUsageError(CommandRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(64);
        assertThat(run.err()).contains(message, "Usage: simulate");
        assertThat(run.out()).isEmpty();
    }
}
