package io.dex.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BenchReport: the figures of dex bench as a table and as JSON")
class BenchReportTest {

    private static final BenchSettings SETTINGS = new BenchSettings(200_000, 5_000, 5_000, Duration.ofSeconds(60), 7, Duration.ofMillis(100), true);

    private static final BenchReport REPORT = new BenchReport(SETTINGS, 6, Duration.ofMillis(100), 194_321,
            81_234.5, 120_000, 66_000, new BenchReport.Verdicts(190_007, 4_400), Optional.of(new BenchReport.ColdRates(90_000, 41_000.4)),
            new LatencyPercentiles(12.25, 480.5, 910), 298_765, 4_998.7, 301.4, 6_144);

    @TempDir
    Path folder;

    @Test
    @DisplayName("the JSON has exactly the SPEC's fields, the ratio being pipeline over baseline")
    void json() throws Exception {
        Path file = folder.resolve("out").resolve("bench.json");
        REPORT.writeJson(file);

        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("baselineEventsPerSec", "pipelineEventsPerSec", "ratio", "latencyMs",
                "offeredRate", "simulatorEventsPerSec", "streamsPeakHeapMb");
        assertThat(json.get("baselineEventsPerSec").asDouble()).isEqualTo(120_000.0);
        assertThat(json.get("pipelineEventsPerSec").asDouble()).isEqualTo(66_000.0);
        // 66,000 / 120,000
        assertThat(json.get("ratio").asDouble()).isEqualTo(0.55);
        List<String> latencyFields = new ArrayList<>();
        json.get("latencyMs").fieldNames().forEachRemaining(latencyFields::add);
        assertThat(latencyFields).containsExactly("p50", "p99", "p999");
        assertThat(json.get("latencyMs").get("p50").asDouble()).isEqualTo(12.25);
        assertThat(json.get("latencyMs").get("p99").asDouble()).isEqualTo(480.5);
        assertThat(json.get("latencyMs").get("p999").asDouble()).isEqualTo(910.0);
        assertThat(json.get("offeredRate").asDouble()).isEqualTo(5_000.0);
        assertThat(json.get("simulatorEventsPerSec").asDouble()).isEqualTo(4_998.7);
        assertThat(json.get("streamsPeakHeapMb").asDouble()).isEqualTo(301.4);
    }

    @Test
    @DisplayName("the table names what was measured and shows every figure, rounded for reading")
    void table() {
        List<String> lines = REPORT.table().lines().toList();

        assertThat(lines.get(0)).isEqualTo("dex bench: 200,000 events (194,321 trades), 5,000 products, seed 7; 6 partitions;"
                + " exactly_once_v2, commit interval 100 ms; after a warm-up run of each; latency from 298,765 trades over 60.0 s");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "  (a) baseline: Streams pass-through            120,000 events/s",
                "  (b) pipeline: first input to last aggregate    66,000 events/s",
                "      trades accepted                           190,007",
                "      dead letters                                4,400",
                "  (e) ratio (b)/(a)                                0.55",
                "  (c) end-to-end latency p50 at 5,000 events/s     12.3 ms",
                "      p99                                         480.5 ms",
                "      p99.9                                       910.0 ms",
                "  (d) simulator publish rate (offered 5,000)      4,999 events/s",
                "  peak heap of the Streams JVM (max 6,144 MB)       301 MB",
                "  pre-publishing, unthrottled                    81,235 events/s",
                "  warm-up (a), on a cold JVM                     90,000 events/s",
                "  warm-up (b), on a cold JVM                     41,000 events/s");
    }

    @Test
    @DisplayName("a run without warm-up says so and has no cold rates")
    void tableWithoutWarmUp() {
        BenchReport cold = new BenchReport(SETTINGS, 6, Duration.ofMillis(100), 194_321, 81_234.5, 120_000, 66_000,
                new BenchReport.Verdicts(190_007, 4_400), Optional.empty(), new LatencyPercentiles(12.25, 480.5, 910), 298_765,
                4_998.7, 301.4, 6_144);

        List<String> lines = cold.table().lines().toList();

        assertThat(lines.get(0)).contains("commit interval 100 ms; no warm-up; latency from 298,765 trades");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSize(REPORT.table().lines().toList().size() - 3).noneMatch(row -> row.contains("warm-up"))
                .last().asString().startsWith("  pre-publishing, unthrottled");
    }

    @Test
    @DisplayName("settings name the flag they break")
    void settings() {
        assertThatThrownBy(() -> new BenchSettings(0, 5_000, 5_000, Duration.ofSeconds(1), 1, Duration.ofMillis(100), true)).hasMessageContaining("--events");
        assertThatThrownBy(() -> new BenchSettings(1, 5_000, 0, Duration.ofSeconds(1), 1, Duration.ofMillis(100), true)).hasMessageContaining("--offered-rate");
        assertThatThrownBy(() -> new BenchSettings(1, 5_000, 1, Duration.ZERO, 1, Duration.ofMillis(100), true)).hasMessageContaining("--latency-duration");
        assertThatThrownBy(() -> new BenchSettings(1, 3, 1, Duration.ofSeconds(1), 1, Duration.ofMillis(100), true)).hasMessageContaining("products");
        assertThatThrownBy(() -> new BenchSettings(1, 5_000, 1, Duration.ofSeconds(1), 1, Duration.ZERO, true))
                .hasMessageContaining("--commit-interval");
        assertThat(SETTINGS.latencyMarket().seed()).isEqualTo(8);
        assertThat(SETTINGS.market().products()).isEqualTo(5_000);
    }
}
