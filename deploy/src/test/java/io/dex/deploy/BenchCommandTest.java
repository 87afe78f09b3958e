package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@DisplayName("dex bench: a tiny run on a real local broker and registry")
class BenchCommandTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(300)
    @DisplayName("measures every figure, prints progress and the table, writes the JSON and leaves no data or process behind")
    void tinyRun() throws Exception {
        Path json = folder.resolve("bench.json");
        List<Path> benchDataBefore = benchData();

        DexCommandTest.Run run = DexCommandTest.Run.of("bench", "--events", "3000", "--products", "100",
                "--offered-rate", "300", "--latency-duration", "5s", "--seed", "3", "--commit-interval", "200ms",
                "--json", json.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("bench: pre-publishing 3,000 events of a market of 100 products (seed 3)",
                "bench: warm-up: the pass-through and the pipeline once each", "bench: warm-up (a)", "bench: warm-up (b)",
                "bench: (a) baseline", "bench: (b) pipeline", "bench: (c) latency: the simulator offers 300 events/s",
                "dex bench: 3,000 events", "exactly_once_v2, commit interval 200 ms; after a warm-up run of each",
                "(e) ratio (b)/(a)", "warm-up (b), on a cold JVM", "JSON written to " + json);
        Matcher prePublished = Pattern.compile("pre-published 3,000 events \\(([0-9,]+) trades\\)").matcher(run.out);
        assertThat(prePublished.find()).as(run.out).isTrue();
        long trades = number(prePublished.group(1));
        Matcher verdicts = Pattern.compile("([0-9,]+) trades accepted, ([0-9,]+) dead letters").matcher(run.out);
        List<Long> judged = new ArrayList<>();
        while (verdicts.find()) {
            judged.add(number(verdicts.group(1)) + number(verdicts.group(2)));
        }
        // Dead letters also count the catalogue's rejected product events, if any.
        assertThat(judged).as("the warm-up and the measured pipeline each judge every pre-published trade")
                .hasSize(2).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(trades));

        JsonNode figures = new ObjectMapper().readTree(Files.readString(json));
        List<String> fields = new ArrayList<>();
        figures.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("baselineEventsPerSec", "pipelineEventsPerSec", "ratio", "latencyMs",
                "offeredRate", "simulatorEventsPerSec", "streamsPeakHeapMb");
        double baseline = figures.get("baselineEventsPerSec").asDouble();
        double pipeline = figures.get("pipelineEventsPerSec").asDouble();
        assertThat(baseline).isPositive();
        assertThat(pipeline).isPositive();
        assertThat(figures.get("ratio").asDouble()).isCloseTo(pipeline / baseline, within(1e-9));
        JsonNode latency = figures.get("latencyMs");
        assertThat(latency.get("p50").asDouble()).isPositive();
        assertThat(latency.get("p99").asDouble()).isGreaterThanOrEqualTo(latency.get("p50").asDouble());
        assertThat(latency.get("p999").asDouble()).isGreaterThanOrEqualTo(latency.get("p99").asDouble());
        assertThat(figures.get("offeredRate").asDouble()).isEqualTo(300.0);
        assertThat(figures.get("simulatorEventsPerSec").asDouble()).isPositive();
        assertThat(figures.get("streamsPeakHeapMb").asDouble()).isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));

        assertThat(benchData()).as("the benchmark's temporary data is deleted").isEqualTo(benchDataBefore);
        assertThat(ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("dex-bench-")).toList())
                .as("the broker and the registry are stopped").isEmpty();
    }

    private static long number(String withSeparators) {
        return Long.parseLong(withSeparators.replace(",", ""));
    }

    private static List<Path> benchData() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("dex-bench-")).sorted().toList();
        }
    }
}
