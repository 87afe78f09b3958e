package io.dex.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.TopicProvisioner.ProvisionedTopic;
import io.dex.topics.TopicProvisioner.ProvisionedTopic.Outcome;
import io.dex.topics.TopicProvisioner.TopicState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@ExchangeIntegrationTest
@DisplayName("TopicProvisioner: the exchange's topics from their single definition")
class TopicProvisionerTest {

    private static final TopicLayout LAYOUT = new TopicLayout(3, (short) 1);

    /** From the specification: these keep the latest value per key; every other exchange topic keeps every record. */
    private static final List<ExchangeTopic<?>> COMPACTED_INPUTS = List.of(ExchangeTopics.DATA_PRODUCTS, ExchangeTopics.FX_RATES);

    @BeforeEach
    void emptyCluster(ExchangeTestCluster cluster) {
        cluster.deleteAllTopics();
    }

    @Test
    @DisplayName("creates every topic with the layout, compacted or not as specified, never deleted by time")
    void createsEveryTopic(ExchangeTestCluster cluster) {
        TopicProvisioner provisioner = new TopicProvisioner(cluster.admin());

        List<ProvisionedTopic> results = provisioner.create(ExchangeTopics.ALL, LAYOUT);

        assertThat(results).extracting(ProvisionedTopic::name).containsExactlyElementsOf(names(ExchangeTopics.ALL));
        assertThat(results).extracting(ProvisionedTopic::outcome).containsOnly(Outcome.CREATED);
        List<TopicState> states = provisioner.describe(ExchangeTopics.ALL);
        assertThat(states).hasSize(17).allSatisfy(state -> {
            assertThat(state.exists()).isTrue();
            assertThat(state.partitions()).isEqualTo(3);
            assertThat(state.replicationFactor()).isEqualTo(1);
            assertThat(state.retentionMs()).contains("-1");
            assertThat(state.configs()).containsEntry("retention.bytes", "-1");
            boolean compacted = state.name().startsWith("exchange.agg.")
                    || names(COMPACTED_INPUTS).contains(state.name());
            assertThat(state.cleanupPolicy()).as(state.name()).contains(compacted ? "compact" : "delete");
            // Only trades are stamped by the broker: the end-to-end latency starts at their append.
            assertThat(state.configs()).as(state.name()).containsEntry("message.timestamp.type",
                    state.name().equals("exchange.trades") ? "LogAppendTime" : "CreateTime");
        });
    }

    @Test
    @DisplayName("a second run creates nothing and reports every topic as existing")
    void isIdempotent(ExchangeTestCluster cluster) {
        TopicProvisioner provisioner = new TopicProvisioner(cluster.admin());
        provisioner.create(List.of(ExchangeTopics.TRADES, ExchangeTopics.FX_RATES), LAYOUT);

        List<ProvisionedTopic> second = provisioner.create(ExchangeTopics.ALL, LAYOUT);

        assertThat(second).filteredOn(result -> result.outcome() == Outcome.EXISTS)
                .extracting(ProvisionedTopic::name)
                .containsExactly(ExchangeTopics.TRADES.name(), ExchangeTopics.FX_RATES.name());
        assertThat(second).filteredOn(result -> result.outcome() == Outcome.CREATED).hasSize(15);
        assertThat(second).extracting(ProvisionedTopic::summary).contains(ExchangeTopics.TRADES.name() + ": exists");
    }

    @Test
    @DisplayName("leaves a topic that differs alone and says how it differs")
    void reportsDifferences(ExchangeTestCluster cluster) throws Exception {
        cluster.admin().createTopics(List.of(new NewTopic(ExchangeTopics.TRADES.name(), 2, (short) 1)
                .configs(Map.of("cleanup.policy", "compact", "retention.ms", "604800000")))).all().get(30, TimeUnit.SECONDS);
        TopicProvisioner provisioner = new TopicProvisioner(cluster.admin());

        ProvisionedTopic trades = provisioner.create(List.of(ExchangeTopics.TRADES), LAYOUT).get(0);

        assertThat(trades.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(trades.differences()).containsExactly(
                "partitions 2, expected 3",
                "cleanup.policy compact, expected delete",
                "message.timestamp.type CreateTime, expected LogAppendTime",
                "retention.ms 604800000, expected -1");
        assertThat(trades.summary()).startsWith("exchange.trades: exists but differs, left as it is: partitions 2, expected 3; ");
        TopicState state = provisioner.describe(List.of(ExchangeTopics.TRADES)).get(0);
        assertThat(state.partitions()).isEqualTo(2);
        assertThat(state.cleanupPolicy()).contains("compact");
    }

    @Test
    @DisplayName("describes a topic the cluster lacks as missing")
    void describesMissingTopics(ExchangeTestCluster cluster) {
        TopicState state = new TopicProvisioner(cluster.admin()).describe(List.of(ExchangeTopics.COMPLIANCE)).get(0);

        assertThat(state.exists()).isFalse();
        assertThat(state.name()).isEqualTo(ExchangeTopics.COMPLIANCE.name());
        assertThat(state.description()).isEqualTo(ExchangeTopics.COMPLIANCE.description());
        assertThat(state.configs()).isEmpty();
    }

    @Test
    @DisplayName("a layout the cluster cannot hold fails naming the topic and the cluster's reason")
    void failsClearlyOnAnImpossibleLayout(ExchangeTestCluster cluster) {
        TopicProvisioner provisioner = new TopicProvisioner(cluster.admin());

        assertThatThrownBy(() -> provisioner.create(List.of(ExchangeTopics.TRADES), new TopicLayout(1, (short) 3)))
                .isInstanceOf(TopicProvisioner.ProvisioningException.class)
                .hasMessageContaining("Cannot create topic exchange.trades with 1 partitions and replication factor 3")
                .hasMessageContaining("replication factor");
    }

    private static List<String> names(List<ExchangeTopic<?>> topics) {
        return topics.stream().map(ExchangeTopic::name).toList();
    }
}
