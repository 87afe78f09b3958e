package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.streams.compliance.ComplianceThresholds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("dex streams options and settings")
class StreamsCommandTest {

    private static StreamsSettings parse(String... args) {
        StreamsCommand command = new StreamsCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    @DisplayName("without options the SPEC defaults apply")
    void defaults() {
        StreamsSettings settings = parse("--bootstrap-servers", "b:9092", "--schema-registry-url", "http://r:8081/apis/ccompat/v7");
        assertThat(settings.topology()).isEqualTo(TopologySettings.defaults());
        assertThat(settings.bootstrapServers()).isEqualTo("b:9092");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://r:8081/apis/ccompat/v7");
        assertThat(settings.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.standbyReplicas()).isEqualTo(1);
        assertThat(settings.instanceId()).as("dynamic membership unless an instance id is given").isEmpty();
        assertThat(settings.streamsConfig()).doesNotContainKey(StreamsConfig.consumerPrefix("group.instance.id"))
                .as("products and trades in event-time order when catching up")
                .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
    }

    @Test
    @DisplayName("every setting has a flag")
    void flags() {
        StreamsSettings settings = parse("--application-id", "dex-2", "--state-dir", "/var/dex", "--advertised-host", "h1", "--http-port", "8080",
                "--commit-interval", "1s", "--standby-replicas", "2", "--instance-id", "dex-a", "--threads", "3", "--replication-factor", "3",
                "--window-size", "5m", "--grace", "30s", "--window-retention", "2d", "--trading-day-retention", "500d",
                "--dedup-retention", "14d", "--time-zone", "Europe/Paris", "--flush-interval", "250ms", "--publish-interval", "2s", "--rollup-partitions", "4",
                "--assessment-pi-subjects", "10", "--assessment-sensitive-pi-subjects", "9",
                "--contract-pi-subjects", "8", "--contract-sensitive-pi-subjects", "7");
        assertThat(settings.applicationId()).isEqualTo("dex-2");
        assertThat(settings.stateDir()).isEqualTo(Path.of("/var/dex"));
        assertThat(settings.applicationServer()).contains("h1:8080");
        assertThat(settings.topology()).isEqualTo(new TopologySettings(Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofDays(2), Duration.ofDays(500), Duration.ofDays(14), ZoneId.of("Europe/Paris"),
                new ComplianceThresholds(10, 9, 8, 7), Duration.ofMillis(250), Duration.ofSeconds(2), 4));
        Properties config = settings.streamsConfig();
        assertThat(config).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "dex-2")
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "h1:8080")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.consumerPrefix("group.instance.id"), "dex-a");
    }

    @Test
    @DisplayName("bad settings are refused with the setting named")
    void invalid() {
        assertThatThrownBy(() -> parse("--http-port", "70000")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> parse("--grace", "soon")).hasMessageContaining("soon");
        assertThatThrownBy(() -> parse("--window-size", "0s")).hasMessageContaining("windowSize");
        assertThatThrownBy(() -> parse("--contract-sensitive-pi-subjects", "0")).hasMessageContaining("contractSensitivePiSubjects");
        assertThatThrownBy(() -> parse("--rollup-partitions", "0")).hasMessageContaining("rollupPartitions");
        assertThat(StreamsSettings.defaults("b", "r", Path.of("s")).applicationServer()).isEqualTo(Optional.empty());
    }
}
