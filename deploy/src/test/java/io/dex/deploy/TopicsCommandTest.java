package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ExchangeIntegrationTest
@DisplayName("dex topics: create and describe the exchange's topics")
class TopicsCommandTest {

    @BeforeEach
    void emptyCluster(ExchangeTestCluster cluster) {
        cluster.deleteAllTopics();
    }

    @Test
    @DisplayName("create is idempotent; a topic that differs from the requested layout is reported and exits with 1")
    void createsIdempotently(ExchangeTestCluster cluster) {
        String bootstrap = cluster.bootstrapServers();

        DexCommandTest.Run first = DexCommandTest.Run.of("topics", "create", "-b", bootstrap, "--partitions", "2");
        assertThat(first.exitCode).isZero();
        assertThat(first.out.lines()).contains(ExchangeTopics.TRADES.name() + ": created")
                .contains("17 topics: 17 created, 0 already there, 0 differing");

        DexCommandTest.Run second = DexCommandTest.Run.of("topics", "create", "-b", bootstrap, "--partitions", "2");
        assertThat(second.exitCode).isZero();
        assertThat(second.out.lines()).contains(ExchangeTopics.TRADES.name() + ": exists")
                .contains("17 topics: 0 created, 17 already there, 0 differing");

        DexCommandTest.Run differing = DexCommandTest.Run.of("topics", "create", "-b", bootstrap, "--partitions", "3");
        assertThat(differing.exitCode).isEqualTo(1);
        assertThat(differing.out.lines())
                .contains(ExchangeTopics.TRADES.name() + ": exists but differs, left as it is: partitions 2, expected 3")
                .contains("17 topics: 0 created, 0 already there, 17 differing");
    }

    @Test
    @DisplayName("describe shows partitions, replication, cleanup policy, retention and timestamp type as the cluster has them")
    void describes(ExchangeTestCluster cluster) {
        String bootstrap = cluster.bootstrapServers();
        DexCommandTest.Run.of("topics", "create", "-b", bootstrap, "--partitions", "2", "--replication-factor", "1");

        DexCommandTest.Run run = DexCommandTest.Run.of("topics", "describe", "--bootstrap-servers", bootstrap);

        assertThat(run.exitCode).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(columns(lines.get(0))).containsExactly("TOPIC", "PARTITIONS", "REPLICATION", "CLEANUP", "RETENTION.MS", "OTHER CONFIGS");
        assertThat(lines).hasSize(18);
        assertThat(columns(row(lines, ExchangeTopics.TRADES.name())))
                .containsExactly(ExchangeTopics.TRADES.name(), "2", "1", "delete", "-1",
                        "message.timestamp.type=LogAppendTime,min.insync.replicas=1,retention.bytes=-1");
        assertThat(columns(row(lines, ExchangeTopics.DATA_PRODUCTS.name())))
                .startsWith(ExchangeTopics.DATA_PRODUCTS.name(), "2", "1", "compact", "-1");
    }

    @Test
    @DisplayName("describe on a cluster without the topics lists them as missing")
    void describesMissingTopics(ExchangeTestCluster cluster) {
        DexCommandTest.Run run = DexCommandTest.Run.of("topics", "describe", "-b", cluster.bootstrapServers());

        assertThat(run.exitCode).isZero();
        assertThat(columns(row(run.out.lines().toList(), ExchangeTopics.FX_RATES.name())))
                .containsExactly(ExchangeTopics.FX_RATES.name(), "missing");
        assertThat(run.out).contains("17 of 17 topics are missing: dex topics create creates them.");
    }

    private static String row(List<String> lines, String topic) {
        return lines.stream().filter(line -> line.startsWith(topic + " ")).findFirst().orElseThrow();
    }

    private static List<String> columns(String line) {
        return Arrays.asList(line.trim().split("\\s{2,}"));
    }
}
