package io.dex.deploy.bench;

import io.dex.producer.cli.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dex bench}: the benchmark of SPEC "performance". */
@Command(name = "bench", sortOptions = false,
        description = {
                "Benchmarks dex on this machine in one run: starts its own Kafka broker and schema registry "
                        + "(on free ports, state in a temporary folder, deleted afterwards), pre-publishes a simulated market, and measures "
                        + "(a) a Kafka Streams pass-through of those events, (b) the dex pipeline over the same events "
                        + "(both exactly_once_v2 with the same settings in this JVM), (c) the pipeline's end-to-end latency "
                        + "p50/p99/p99.9 while the simulator offers a fixed rate, (d) the rate the simulator achieves, "
                        + "(e) the ratio (b)/(a), and the peak heap of this JVM while the pipeline runs.",
                "Prints progress, then a table; --json also writes the figures as JSON."})
public final class BenchCommand implements Callable<Integer> {

    private static final long EVENTS = 200_000;
    private static final long QUICK_EVENTS = 50_000;
    private static final Duration LATENCY_DURATION = Duration.ofSeconds(60);
    private static final Duration QUICK_LATENCY_DURATION = Duration.ofSeconds(20);

    @Option(names = "--events", paramLabel = "N",
            description = "Events pre-published for (a) and (b) (default 200,000; with --quick 50,000).")
    private Long events;

    @Option(names = "--products", paramLabel = "N", defaultValue = "5000",
            description = "Data products of the simulated market, listed before its trades (default ${DEFAULT-VALUE}).")
    private int products;

    @Option(names = "--offered-rate", paramLabel = "EVENTS_PER_S", defaultValue = "5000",
            description = "Events per second the simulator offers while the latency is measured (default ${DEFAULT-VALUE}).")
    private double offeredRate;

    @Option(names = "--latency-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the simulator offers that rate (default 60s; with --quick 20s).")
    private Duration latencyDuration;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the simulated market, so that runs measure the same events (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--commit-interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "100ms",
            description = "Commit interval of the pass-through and the pipeline alike (default ${DEFAULT-VALUE}, as dex streams).")
    private Duration commitInterval;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the pass-through and the pipeline once over the same events before measuring (a) and (b), "
                    + "so that they measure compiled code, not the JIT compiler at work (default ${DEFAULT-VALUE}).")
    private boolean warmUp;

    @Option(names = "--quick", description = "Smaller defaults (50,000 events, 20 s of latency): a run of a few minutes.")
    private boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE as JSON.")
    private Path json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchSettings settings = new BenchSettings(events != null ? events : quick ? QUICK_EVENTS : EVENTS, products, offeredRate,
                latencyDuration != null ? latencyDuration : quick ? QUICK_LATENCY_DURATION : LATENCY_DURATION, seed, commitInterval,
                warmUp);
        Path dataDirectory = Files.createTempDirectory("dex-bench-");
        BenchReport report;
        try {
            report = new Benchmark(settings, line -> {
                out.println(line);
                out.flush();
            }).run(dataDirectory);
        } finally {
            delete(dataDirectory);
        }
        out.println();
        out.print(report.table());
        if (json != null) {
            report.writeJson(json);
            out.println("JSON written to " + json);
        }
        out.flush();
        return 0;
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's data in " + folder, e);
        }
    }
}
