package io.dex.producer.cli;

import io.dex.cli.CommandLineExit;
import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import io.dex.producer.ExchangeUnreachableException;
import io.dex.producer.simulation.MarketSimulator;
import io.dex.producer.simulation.SimulationReport;
import io.dex.producer.simulation.SimulationSettings;
import io.dex.registry.SchemaRegistryClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dex simulate}: a realistic market published at a target rate for a duration, reproducible
 * from its seed. Exit codes as {@code dex publish}: 0 done, 2 cluster or registry unreachable, 3 sends
 * failed, 64 invalid command line (bad options).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeOnInvalidInput = CommandLineExit.INVALID_COMMAND_LINE,
        description = "Publishes a simulated market: FX rates, listings, and trades of Zipf-distributed popularity "
                + "with domestic and cross-border buyers, updates, delistings and a share of bad trades.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:cluster or schema registry unreachable (nothing published)",
                "3:sends failed (the summary says how many events were acknowledged)",
                CommandLineExit.INVALID_COMMAND_LINE_HELP})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    private PublishingTarget target;

    @Option(names = "--rate", required = true, paramLabel = "EVENTS_PER_S", description = "Target events per second.")
    private double rate;

    @Option(names = "--duration", required = true, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to publish (e.g. 30s, 5m).")
    private Duration duration;

    @Option(names = "--members", defaultValue = "100", paramLabel = "N", description = "Member companies (default ${DEFAULT-VALUE}).")
    private int members;

    @Option(names = "--products", defaultValue = "5000", paramLabel = "N", description = "Data products (default ${DEFAULT-VALUE}).")
    private int products;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the market (default: random, printed).")
    private Long seed;

    @Option(names = "--cross-border-share", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Share of trades bought from abroad (default ${DEFAULT-VALUE}).")
    private double crossBorderShare;

    @Option(names = "--invalid-share", defaultValue = "0.001", paramLabel = "SHARE",
            description = "Share of trades the exchange must reject (default ${DEFAULT-VALUE}).")
    private double invalidShare;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulationSettings settings = settings();
        try {
            target.requireReachable(EventKind.ALL.stream().map(EventKind::topic).toList());
        } catch (ExchangeUnreachableException e) {
            err.println(e.getMessage());
            return PublishCommand.UNREACHABLE;
        }
        out.printf("simulating %,d members and %,d products at %,.0f events/s for %s (seed %d)%n",
                members, products, rate, duration, settings.seed());
        out.flush();
        Progress progress = new Progress(err, Progress.onTerminal(), "simulating", "events", duration.toMillis());
        SimulationReport report;
        try (SchemaRegistryClient registry = target.openRegistry();
             ExchangePublisher publisher = new ExchangePublisher(target.publisherSettings("dex-simulate"), registry,
                     new SimpleMeterRegistry())) {
            report = new MarketSimulator(settings, publisher)
                    .run(rate, duration, (events, elapsed) -> progress.update(events, elapsed.toMillis()));
            progress.finish(report.total());
            if (report.failed() > 0) {
                err.printf("publishing failed: %,d of %,d events acknowledged; first failure: %s%n", report.acknowledged(),
                        report.total(), publisher.firstFailure().map(Throwable::getMessage).orElse("unknown"));
                return PublishCommand.PUBLISH_FAILED;
            }
        }
        out.printf("sent %,d events (%s; %,d flawed trades) in %.1f s: %,.0f events/s achieved, target %,.0f; "
                        + "%,d acknowledged%n",
                report.total(), report.sent().entrySet().stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                        .collect(Collectors.joining(", ")),
                report.flawed(), report.sending().toNanos() / 1e9, report.achievedRate(), rate, report.acknowledged());
        return PublishCommand.PUBLISHED;
    }

    /** The market the options describe; options out of range are an invalid command line. */
    private SimulationSettings settings() {
        try {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("--rate must be positive, got " + rate);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("--duration must be positive, got " + duration);
            }
            long actualSeed = seed != null ? seed : new Random().nextLong();
            return new SimulationSettings(members, products, actualSeed, crossBorderShare, invalidShare);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
