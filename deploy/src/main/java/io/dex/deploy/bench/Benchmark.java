package io.dex.deploy.bench;

import io.dex.deploy.LocalEndpoints;
import io.dex.deploy.LocalExchange;
import io.dex.deploy.LocalSettings;
import io.dex.embedded.ChildProcess;
import io.dex.embedded.KafkaBrokerProcess;
import io.dex.embedded.LoopbackPorts;
import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import io.dex.producer.PublisherSettings;
import io.dex.producer.simulation.MarketEventGenerator;
import io.dex.producer.simulation.MarketSimulator;
import io.dex.producer.simulation.SimulationReport;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.streams.ExchangeInstance;
import io.dex.streams.ExchangeTopology;
import io.dex.streams.StreamsSettings;
import io.dex.streams.http.OperatorsServer;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.streams.query.ClusterStores;
import io.dex.streams.query.ExchangeQueries;
import io.dex.streams.query.ExchangeSummary;
import io.dex.streams.query.PeerClient;
import io.dex.streams.query.StoreUnavailableException;
import io.dex.streams.query.StreamsExchangeQueries;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.TopicLayout;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One run of {@code dex bench} (SPEC "performance") on this machine: a local broker and registry
 * ({@link LocalExchange}, nothing else), the market's events pre-published once, then in this JVM
 * (a) a Kafka Streams pass-through and (b) the dex pipeline over those same events, with the same
 * Streams settings ({@code exactly_once_v2}, commit interval, threads, cache), each under its own
 * application id, and (c) the pipeline's end-to-end latency while the simulator offers a fixed rate,
 * (d) at the rate it achieves. Unless told otherwise, a warm-up run of each application over the same
 * events comes first, so that the figures are those of compiled code, not of the JIT compiler at work.
 *
 * <p>Throughputs run from the moment the application is RUNNING to the first check (every
 * {@value #POLL_MS} ms) that finds all the work done: for the pass-through, its committed offsets at
 * the end of every input partition (with exactly-once, outputs commit with them); for the pipeline,
 * the same and the aggregates counting every pre-published trade as accepted or dead-lettered.
 */
public final class Benchmark {

    private static final long POLL_MS = 25;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);
    /** The aggregates are final once they stay unchanged this long (several flush and commit intervals). */
    private static final Duration SETTLED = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int BROKER_LOG_LINES = 60;
    private static final Set<KafkaStreams.State> STOPPED = Set.of(
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final BenchSettings settings;
    private final Consumer<String> progress;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> inputs = EventKind.ALL.stream().map(kind -> kind.topic().name()).toList();
    /** The pipeline's inputs its consumer group commits (its global store reads the FX rates outside the group). */
    private final List<String> groupInputs = ExchangeTopology.TASK_INPUTS.stream().map(ExchangeTopic::name).toList();

    /** A run of {@code settings} telling {@code progress} what it does, one line at a time. */
    public Benchmark(BenchSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the benchmark with the broker's, registry's and Streams' state in {@code dataDirectory}. */
    public BenchReport run(Path dataDirectory) throws InterruptedException {
        long startedAt = System.nanoTime();
        progress("starting a Kafka broker and a schema registry on free ports, data in %s", dataDirectory);
        LocalSettings local = new LocalSettings(dataDirectory, LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
        try (LocalExchange exchange = new LocalExchange(local, List.of())) {
            exchange.start();
            try {
                return measure(exchange, startedAt);
            } catch (RuntimeException e) {
                // The data directory is deleted after the run: the broker's view of the failure goes with the message.
                List<String> brokerLog = ChildProcess.logTail(local.brokerDirectory().resolve(KafkaBrokerProcess.LOG_FILE), BROKER_LOG_LINES);
                throw new IllegalStateException(e.getMessage() + System.lineSeparator() + "the broker's last " + brokerLog.size()
                        + " log lines:" + System.lineSeparator() + String.join(System.lineSeparator(), brokerLog), e);
            }
        }
    }

    /** Everything between the start and the stop of the broker and the registry. */
    private BenchReport measure(LocalExchange exchange, long startedAt) throws InterruptedException {
        LocalEndpoints endpoints = exchange.endpoints();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()));
             RestSchemaRegistryClient registry = new RestSchemaRegistryClient(endpoints.schemaRegistryUrl())) {
            Published published = prePublish(endpoints, registry);
            CommittedInput end = CommittedInput.endOf(admin, inputs);
            StreamsSettings pipelineSettings = StreamsSettings.defaults(endpoints.bootstrapServers(),
                            endpoints.schemaRegistryUrl(), endpoints.streamsStateDirectory())
                    .withApplicationId("dex-bench-pipeline-" + runId)
                    .withStandbyReplicas(0)
                    .withCommitInterval(settings.commitInterval());
            OperatorsServer.Settings http = OperatorsServer.Settings.on(LoopbackPorts.HOST, endpoints.httpPort());
            Optional<BenchReport.ColdRates> cold = settings.warmUp()
                    ? Optional.of(warmUp(admin, end, pipelineSettings, registry, http, published))
                    : Optional.empty();
            double baseline = baseline(admin, end, pipelineSettings.withApplicationId("dex-bench-baseline-" + runId), published,
                    "(a) baseline");
            // The pass-through's garbage is not the pipeline's heap.
            System.gc();
            HeapPeak heap = HeapPeak.start();
            try (ExchangeInstance pipeline = ExchangeInstance.start(pipelineSettings, registry, http)) {
                PipelineRun throughput = pipeline(pipeline, end, published, "(b) pipeline");
                Latency latency = latency(endpoints, registry, admin, pipeline);
                BenchReport report = new BenchReport(settings, end.partitions(inputs.get(0)), pipelineSettings.commitInterval(),
                        published.trades(), published.eventsPerSec(), baseline, throughput.eventsPerSec(), throughput.verdicts(),
                        cold, latency.percentiles(), latency.samples(), latency.simulatorEventsPerSec(), heap.peakMb(),
                        HeapPeak.maxMb());
                progress("done in %.0f s; stopping", seconds(System.nanoTime() - startedAt));
                return report;
            }
        }
    }

    /**
     * Runs the pass-through and the pipeline once each over the pre-published events, under application
     * ids of their own, so that (a) and (b) then run compiled code: a JVM compiles hot code during its
     * first tens of seconds, and on a small machine the compiler takes a core's share from both.
     */
    private BenchReport.ColdRates warmUp(Admin admin, CommittedInput end, StreamsSettings pipelineSettings,
                                         RestSchemaRegistryClient registry, OperatorsServer.Settings http, Published published)
            throws InterruptedException {
        progress("warm-up: the pass-through and the pipeline once each over the same events, on this cold JVM");
        double baseline = baseline(admin, end, pipelineSettings.withApplicationId("dex-bench-warm-up-baseline-" + runId),
                published, "warm-up (a)");
        try (ExchangeInstance pipeline = ExchangeInstance.start(
                pipelineSettings.withApplicationId("dex-bench-warm-up-pipeline-" + runId), registry, http)) {
            return new BenchReport.ColdRates(baseline, pipeline(pipeline, end, published, "warm-up (b)").eventsPerSec());
        }
    }

    /** Publishes the market's first {@code events} events as fast as the publisher takes them. */
    private Published prePublish(LocalEndpoints endpoints, RestSchemaRegistryClient registry) {
        progress("pre-publishing %,d events of a market of %,d products (seed %d)", settings.events(), settings.products(), settings.seed());
        try (ExchangePublisher publisher = new ExchangePublisher(
                PublisherSettings.of(endpoints.bootstrapServers()).withClientId("dex-bench-pre-publisher"), registry, new SimpleMeterRegistry())) {
            publisher.registerSchemas();
            // Event times as if the market had run at the offered rate until now. Not from now on: published
            // faster than that, they would run ahead of the clock, and the pipeline caps an event time at the
            // record's own timestamp, which is stamped differently for products (when sent) and trades (when
            // appended), so products would overtake the trades before them.
            Instant firstEvent = Instant.now().minusMillis((long) Math.ceil(settings.events() * 1000.0 / settings.offeredRate()));
            MarketEventGenerator market = new MarketEventGenerator(settings.market(), firstEvent, settings.offeredRate());
            long start = System.nanoTime();
            for (long i = 0; i < settings.events() && publisher.failed() == 0; i++) {
                market.next().publishTo(publisher);
            }
            publisher.flush();
            long elapsed = System.nanoTime() - start;
            publisher.firstFailure().ifPresent(failure -> {
                throw new IllegalStateException(publisher.failed() + " pre-published events failed: " + failure.getMessage(), failure);
            });
            Published published = new Published(publisher.acknowledged(), publisher.acknowledged(EventKind.TRADE),
                    publisher.acknowledged() / seconds(elapsed));
            progress("pre-published %,d events (%,d trades) in %.1f s: %,.0f events/s", published.events(), published.trades(),
                    seconds(elapsed), published.eventsPerSec());
            return published;
        }
    }

    /** (a), or its warm-up ({@code label}): the pass-through over the pre-published events, events per second. */
    private double baseline(Admin admin, CommittedInput end, StreamsSettings streamsSettings, Published published, String label)
            throws InterruptedException {
        Map<String, String> outputByInput = new LinkedHashMap<>();
        inputs.forEach(input -> outputByInput.put(input, streamsSettings.applicationId() + "." + input));
        BrokerAnswer.of(admin.createTopics(outputByInput.entrySet().stream()
                .map(io -> new NewTopic(io.getValue(), end.partitions(io.getKey()), TopicLayout.LOCAL.replicationFactor()))
                .toList()).all());
        progress("%s: a Kafka Streams pass-through of the raw bytes, exactly_once_v2, application %s",
                label, streamsSettings.applicationId());
        KafkaStreams passThrough = new KafkaStreams(PassThrough.topology(outputByInput), streamsSettings.streamsConfig());
        AtomicLong runningAt = new AtomicLong();
        passThrough.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                runningAt.compareAndSet(0, System.nanoTime());
            }
        });
        try {
            passThrough.start();
            awaitRunning(runningAt, passThrough::state);
            long done = await(() -> alive(passThrough.state()) && end.reachedBy(streamsSettings.applicationId()),
                    throughputTimeout(), "the pass-through to commit every input record");
            return rate(label, published.events(), done - runningAt.get());
        } finally {
            passThrough.close(Duration.ofSeconds(30));
        }
    }

    /** (b), or its warm-up ({@code label}): the pipeline over the pre-published events. */
    private PipelineRun pipeline(ExchangeInstance pipeline, CommittedInput end, Published published, String label)
            throws InterruptedException {
        String applicationId = pipeline.app().settings().applicationId();
        progress("%s: the dex Streams application, exactly_once_v2, application %s", label, applicationId);
        AtomicLong runningAt = new AtomicLong();
        pipeline.app().addStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                runningAt.compareAndSet(0, System.nanoTime());
            }
        });
        // Joining a group takes far longer than this; the check covers a listener added too late all the same.
        if (pipeline.app().state() == KafkaStreams.State.RUNNING) {
            runningAt.compareAndSet(0, System.nanoTime());
        }
        awaitRunning(runningAt, pipeline.app()::state);
        ExchangeQueries queries = queries(pipeline);
        CommittedInput groupEnd = end.of(groupInputs);
        long done = await(() -> alive(pipeline.app().state()) && accounted(queries) >= published.trades()
                        && groupEnd.reachedBy(applicationId),
                throughputTimeout(), "the pipeline's aggregates to count every pre-published trade");
        double eventsPerSec = rate(label, published.events(), done - runningAt.get());
        ExchangeSummary summary = queries.summary();
        progress("    %,d trades accepted, %,d dead letters (%s)", summary.trades(), summary.deadLetters(),
                queries.deadLettersByReason().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .map(reason -> String.format(Locale.ROOT, "%s %,d", reason.getKey(), reason.getValue()))
                        .collect(Collectors.joining(", ")));
        return new PipelineRun(eventsPerSec, new BenchReport.Verdicts(summary.trades(), summary.deadLetters()));
    }

    /** (c) and (d): the simulator at the offered rate, the latency the pipeline records meanwhile. */
    private Latency latency(LocalEndpoints endpoints, RestSchemaRegistryClient registry, Admin admin, ExchangeInstance pipeline)
            throws InterruptedException {
        progress("(c) latency: the simulator offers %,.0f events/s for %,.1f s (seed %d)", settings.offeredRate(),
                settings.latencyDuration().toMillis() / 1000.0, settings.latencyMarket().seed());
        Timer timer = pipeline.meters().get(EndToEndLatency.TIMER).timer();
        LatencyHistogram before = LatencyHistogram.of(timer.takeSnapshot());
        ExchangeQueries queries = queries(pipeline);
        long accountedBefore = accounted(queries);
        SimulationReport report;
        try (ExchangePublisher publisher = new ExchangePublisher(
                PublisherSettings.of(endpoints.bootstrapServers()).withClientId("dex-bench-simulator"), registry, new SimpleMeterRegistry())) {
            AtomicLong lastReport = new AtomicLong(System.nanoTime());
            report = new MarketSimulator(settings.latencyMarket(), publisher).run(settings.offeredRate(), settings.latencyDuration(),
                    (events, elapsed) -> {
                        if (System.nanoTime() - lastReport.get() >= PROGRESS_EVERY.toNanos()) {
                            lastReport.set(System.nanoTime());
                            progress("    %,d events sent in %.0f s", events, elapsed.toMillis() / 1000.0);
                        }
                    });
            publisher.firstFailure().ifPresent(failure -> {
                throw new IllegalStateException(publisher.failed() + " simulated events failed: " + failure.getMessage(), failure);
            });
        }
        long trades = report.sent().get(EventKind.TRADE.name());
        progress("    the simulator sent %,d events (%,d trades) at %,.0f events/s; waiting for the pipeline to count them",
                report.total(), trades, report.achievedRate());
        CommittedInput end = CommittedInput.endOf(admin, groupInputs);
        String applicationId = pipeline.app().settings().applicationId();
        // Rejected listings of the replayed catalogue count as dead letters too, so the count alone may
        // be reached a little early: the aggregates must also have stopped changing.
        Settling accounted = new Settling(() -> accounted(queries), SETTLED);
        await(() -> alive(pipeline.app().state()) && accounted.settledAtLeast(accountedBefore + trades)
                && end.reachedBy(applicationId), throughputTimeout(), "the pipeline to count the simulated trades");
        LatencyHistogram during = LatencyHistogram.of(timer.takeSnapshot()).since(before);
        if (during.total() == 0) {
            throw new IllegalStateException("the pipeline recorded no latency: the simulator sent no trade it accepted "
                    + "(a longer --latency-duration or fewer --products leaves time for trades after the listings)");
        }
        LatencyPercentiles percentiles = during.percentiles();
        progress("    latency of %,d trades: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", during.total(), percentiles.p50(),
                percentiles.p99(), percentiles.p999());
        return new Latency(percentiles, during.total(), report.achievedRate());
    }

    private static ExchangeQueries queries(ExchangeInstance pipeline) {
        return new StreamsExchangeQueries(new ClusterStores(pipeline.app().streams(), pipeline.server().advertised(),
                new PeerClient(PEER_TIMEOUT)), pipeline.app().settings().topology().timeZone(), Clock.systemUTC());
    }

    /** Trades the aggregates count as accepted or dead-lettered (with any rejected product events); -1 while the stores are unavailable. */
    private static long accounted(ExchangeQueries queries) {
        try {
            ExchangeSummary summary = queries.summary();
            return summary.trades() + summary.deadLetters();
        } catch (StoreUnavailableException e) {
            return -1;
        }
    }

    private void awaitRunning(AtomicLong runningAt, Supplier<KafkaStreams.State> state) throws InterruptedException {
        await(() -> {
            if (!alive(state.get())) {
                throw new IllegalStateException("the Streams application stopped while starting (state " + state.get() + "); see the log");
            }
            return runningAt.get() != 0;
        }, START_TIMEOUT, "the Streams application to be RUNNING");
    }

    private static boolean alive(KafkaStreams.State state) {
        if (STOPPED.contains(state)) {
            throw new IllegalStateException("the Streams application stopped (state " + state + "); see the log");
        }
        return true;
    }

    /** Polls {@code done} until it holds and returns {@link System#nanoTime()} of that moment. */
    private static long await(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        return System.nanoTime();
    }

    /** Generous: a thousandth of the events' count in seconds on top of two minutes. */
    private Duration throughputTimeout() {
        return Duration.ofSeconds(120 + settings.events() / 1000);
    }

    private double rate(String what, long events, long nanos) {
        double eventsPerSec = events / seconds(nanos);
        progress("    %s: %,d events in %.2f s: %,.0f events/s", what, events, seconds(nanos), eventsPerSec);
        return eventsPerSec;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void progress(String format, Object... values) {
        progress.accept("bench: " + String.format(Locale.ROOT, format, values));
    }

    /** What was pre-published, and how fast. */
    private record Published(long events, long trades, double eventsPerSec) {
    }

    /** What (b) measured. */
    private record PipelineRun(double eventsPerSec, BenchReport.Verdicts verdicts) {
    }

    /** What (c) and (d) measured. */
    private record Latency(LatencyPercentiles percentiles, long samples, double simulatorEventsPerSec) {
    }
}
