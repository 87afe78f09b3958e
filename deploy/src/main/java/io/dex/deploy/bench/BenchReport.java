package io.dex.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The figures of one {@code dex bench} run (SPEC "performance"), as a table for people and as JSON
 * for machines.
 *
 * @param settings               what the run measured with
 * @param partitions             partitions of each input topic
 * @param commitInterval         commit interval of both Streams applications
 * @param trades                 trades among the pre-published events
 * @param prePublishEventsPerSec how fast the market's generator and the publisher pre-published, unthrottled
 * @param baselineEventsPerSec   (a) the pass-through, first input to last output
 * @param pipelineEventsPerSec   (b) the dex pipeline, start of processing to the last aggregate update
 * @param verdicts               how (b) judged the pre-published trades
 * @param cold                   what the warm-up runs measured, if the run had them
 * @param latencyMs              (c) end-to-end latency at the offered rate
 * @param latencySamples         trades whose latency (c) is made of
 * @param simulatorEventsPerSec  (d) the rate the simulator achieved while offering {@code settings.offeredRate()}
 * @param streamsPeakHeapMb      peak heap of the JVM running the pipeline, from its start to the end of (c)
 * @param maxHeapMb              the JVM's maximum heap
 */
public record BenchReport(BenchSettings settings, int partitions, Duration commitInterval, long trades,
                          double prePublishEventsPerSec, double baselineEventsPerSec, double pipelineEventsPerSec,
                          Verdicts verdicts, Optional<ColdRates> cold, LatencyPercentiles latencyMs, long latencySamples,
                          double simulatorEventsPerSec, double streamsPeakHeapMb, double maxHeapMb) {

    /**
     * How the pipeline judged the pre-published trades: a run that dead-letters more of them does less
     * work per event, so runs compare only when these agree.
     *
     * @param accepted    trades the aggregates count
     * @param deadLetters dead letters the aggregates count (rejected product events among them)
     */
    public record Verdicts(long accepted, long deadLetters) {
    }

    /**
     * The warm-up runs: the same two applications over the same events on a JVM that had not run them
     * yet, so with the JIT compiler at work.
     */
    public record ColdRates(double baselineEventsPerSec, double pipelineEventsPerSec) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** (e) the pipeline's throughput relative to the pass-through's. */
    public double ratio() {
        return pipelineEventsPerSec / baselineEventsPerSec;
    }

    /** The SPEC's JSON document: exactly its fields. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("baselineEventsPerSec", baselineEventsPerSec);
        root.put("pipelineEventsPerSec", pipelineEventsPerSec);
        root.put("ratio", ratio());
        ObjectNode latency = root.putObject("latencyMs");
        latency.put("p50", latencyMs.p50());
        latency.put("p99", latencyMs.p99());
        latency.put("p999", latencyMs.p999());
        root.put("offeredRate", settings.offeredRate());
        root.put("simulatorEventsPerSec", simulatorEventsPerSec);
        root.put("streamsPeakHeapMb", streamsPeakHeapMb);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as JSON", e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}, creating its folder. */
    public void writeJson(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(file, toJson() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The figures as a table, one per line, headed by what was measured. */
    public String table() {
        String offered = rate(settings.offeredRate());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"(a) baseline: Streams pass-through", rate(baselineEventsPerSec), "events/s"});
        rows.add(new String[] {"(b) pipeline: first input to last aggregate", rate(pipelineEventsPerSec), "events/s"});
        rows.add(new String[] {"    trades accepted", format("%,d", verdicts.accepted()), ""});
        rows.add(new String[] {"    dead letters", format("%,d", verdicts.deadLetters()), ""});
        rows.add(new String[] {"(e) ratio (b)/(a)", format("%.2f", ratio()), ""});
        rows.add(new String[] {"(c) end-to-end latency p50 at " + offered + " events/s", format("%.1f", latencyMs.p50()), "ms"});
        rows.add(new String[] {"    p99", format("%.1f", latencyMs.p99()), "ms"});
        rows.add(new String[] {"    p99.9", format("%.1f", latencyMs.p999()), "ms"});
        rows.add(new String[] {"(d) simulator publish rate (offered " + offered + ")", rate(simulatorEventsPerSec), "events/s"});
        rows.add(new String[] {"peak heap of the Streams JVM (max " + format("%,.0f", maxHeapMb) + " MB)",
                format("%,.0f", streamsPeakHeapMb), "MB"});
        rows.add(new String[] {"pre-publishing, unthrottled", rate(prePublishEventsPerSec), "events/s"});
        cold.ifPresent(rates -> {
            rows.add(new String[] {"warm-up (a), on a cold JVM", rate(rates.baselineEventsPerSec()), "events/s"});
            rows.add(new String[] {"warm-up (b), on a cold JVM", rate(rates.pipelineEventsPerSec()), "events/s"});
        });
        int labelWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        int valueWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
        StringBuilder table = new StringBuilder(format("dex bench: %,d events (%,d trades), %,d products, seed %d; %d partitions;"
                        + " exactly_once_v2, commit interval %d ms; %s; latency from %,d trades over %s%n",
                settings.events(), trades, settings.products(), settings.seed(), partitions, commitInterval.toMillis(),
                cold.isPresent() ? "after a warm-up run of each" : "no warm-up", latencySamples, seconds(settings.latencyDuration())));
        for (String[] row : rows) {
            table.append(format("  %-" + labelWidth + "s  %" + valueWidth + "s %s", row[0], row[1], row[2]).stripTrailing())
                    .append(System.lineSeparator());
        }
        return table.toString();
    }

    private static String rate(double eventsPerSec) {
        return format("%,.0f", eventsPerSec);
    }

    private static String seconds(Duration duration) {
        return format("%,.1f s", duration.toMillis() / 1000.0);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
