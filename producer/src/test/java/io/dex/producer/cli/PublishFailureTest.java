package io.dex.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.producer.JsonLinesFile;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import java.io.BufferedWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster goes away while dex publish sends: the producer retries until its delivery timeout,
 * then the command exits 3 saying how many events were acknowledged. A broker quota on the command's
 * client id slows publishing down so that the brokers certainly stop mid-file.
 */
@Tag("integration")
@DisplayName("dex publish when the cluster goes away mid-publish")
class PublishFailureTest {

    private static final int EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    @DisplayName("exits 3 after the delivery timeout, stating how many events were acknowledged")
    void clusterGoesAway() throws Exception {
        Path file = dir.resolve("rates.jsonl");
        try (BufferedWriter writer = JsonLinesFile.writer(file)) {
            for (int i = 0; i < EVENTS; i++) {
                writer.write(PublishCommandValidationTest.FX.replace("\"7.1\"", "\"7." + (1000 + i % 9000) + "\""));
                writer.newLine();
            }
        }
        try (ExchangeTestCluster cluster = ExchangeTestCluster.startThreeBrokers()) {
            new TopicProvisioner(cluster.admin()).create(List.of(ExchangeTopics.FX_RATES), new TopicLayout(1, (short) 3));
            ClientQuotaEntity client = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, "dex-publish"));
            cluster.admin().alterClientQuotas(List.of(new ClientQuotaAlteration(client,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", 2_000.0))))).all().get();

            CompletableFuture<CommandRun> publishing = CompletableFuture.supplyAsync(() -> CommandRun.against(
                    new PublishCommand(), cluster.bootstrapServers(), cluster.schemaRegistryUrl(),
                    PublishCommandValidationTest.withFile(file, "--delivery-timeout", "5s")));
            awaitRecords(cluster, 200);
            for (int broker : cluster.brokerIds()) {
                cluster.stopBroker(broker);
            }
            CommandRun run = publishing.get(2, TimeUnit.MINUTES);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(PublishCommand.PUBLISH_FAILED);
            Matcher failure = Pattern.compile("publishing failed: ([\\d,]+) of 20,000 events acknowledged").matcher(run.err());
            assertThat(failure.find()).as(run.err()).isTrue();
            long acknowledged = Long.parseLong(failure.group(1).replace(",", ""));
            assertThat(acknowledged).isBetween(200L, EVENTS - 1L);
            assertThat(run.err()).contains("first failure:");
        }
    }

    private static void awaitRecords(ExchangeTestCluster cluster, long count) throws Exception {
        TopicPartition partition = new TopicPartition(ExchangeTopics.FX_RATES.name(), 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cluster.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                .offset() < count) {
            assertThat(System.nanoTime() - deadline).as("records before the deadline").isNegative();
            Thread.sleep(100);
        }
    }
}
