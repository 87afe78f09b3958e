package io.dex.streams;

import io.dex.cli.ConnectionOptions;
import io.dex.producer.cli.DurationConverter;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.streams.compliance.ComplianceThresholds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dex streams}: runs one instance of the Streams application against any cluster until it is
 * stopped (Ctrl-C or SIGTERM close it cleanly). Instances with the same application id share the work.
 */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Runs the exchange's Streams application (exactly once); several instances share the work.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--application-id", defaultValue = "${env:DEX_APPLICATION_ID:-" + StreamsSettings.APPLICATION_ID + "}",
            description = "Kafka Streams application id, the same for every instance (env DEX_APPLICATION_ID; default ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:DEX_STATE_DIR:-dex-state/streams}",
            description = "Directory of this instance's state stores (env DEX_STATE_DIR; default ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--application-server", defaultValue = "${env:DEX_APPLICATION_SERVER}", paramLabel = "HOST:PORT",
            description = "Address of this instance's HTTP API, advertised to the other instances (env DEX_APPLICATION_SERVER).")
    private String applicationServer;

    @Option(names = "--commit-interval", defaultValue = "100ms", converter = DurationConverter.class,
            description = "How often processing is committed, exactly once (default ${DEFAULT-VALUE}).")
    private Duration commitInterval;

    @Option(names = "--standby-replicas", defaultValue = "1",
            description = "Standby copies of each task's state on other instances (default ${DEFAULT-VALUE}).")
    private int standbyReplicas;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--replication-factor", defaultValue = "-1",
            description = "Replicas of internal topics; -1 uses the broker default (default ${DEFAULT-VALUE}).")
    private int replicationFactor;

    @Option(names = "--window-size", defaultValue = "1m", converter = DurationConverter.class,
            description = "Size of the per-category event-time windows (default ${DEFAULT-VALUE}).")
    private Duration windowSize;

    @Option(names = "--grace", defaultValue = "5m", converter = DurationConverter.class,
            description = "Grace period of windows and trading days (default ${DEFAULT-VALUE}).")
    private Duration grace;

    @Option(names = "--window-retention", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long closed windows stay queryable, in event time (default ${DEFAULT-VALUE}).")
    private Duration windowRetention;

    @Option(names = "--trading-day-retention", defaultValue = "400d", converter = DurationConverter.class,
            description = "How long closed trading days stay queryable, in event time (default ${DEFAULT-VALUE}).")
    private Duration tradingDayRetention;

    @Option(names = "--dedup-retention", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long accepted transaction ids are remembered, in event time (default ${DEFAULT-VALUE}).")
    private Duration dedupRetention;

    @Option(names = "--time-zone", defaultValue = "Asia/Shanghai",
            description = "Exchange time zone of trading days and compliance years (default ${DEFAULT-VALUE}).")
    private ZoneId timeZone;

    @Option(names = "--flush-interval", defaultValue = "100ms", converter = DurationConverter.class,
            description = "How often each task sends its pre-aggregated changes on (default ${DEFAULT-VALUE}).")
    private Duration flushInterval;

    @Option(names = "--publish-interval", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often changed aggregates are published to their exchange.agg.* topic (default ${DEFAULT-VALUE}).")
    private Duration publishInterval;

    @Option(names = "--rollup-partitions", defaultValue = "1",
            description = "Partitions of the roll-up's input topics; set once, when the application first starts (default ${DEFAULT-VALUE}).")
    private int rollupPartitions;

    @Option(names = "--assessment-pi-subjects", defaultValue = "1000000",
            description = "Yearly personal-information subjects from which a security assessment is required (default ${DEFAULT-VALUE}).")
    private long assessmentPiSubjects;

    @Option(names = "--assessment-sensitive-pi-subjects", defaultValue = "10000",
            description = "Yearly sensitive subjects from which a security assessment is required (default ${DEFAULT-VALUE}).")
    private long assessmentSensitivePiSubjects;

    @Option(names = "--contract-pi-subjects", defaultValue = "100000",
            description = "Yearly personal-information subjects from which a standard contract is required (default ${DEFAULT-VALUE}).")
    private long contractPiSubjects;

    @Option(names = "--contract-sensitive-pi-subjects", defaultValue = "1",
            description = "Yearly sensitive subjects from which a standard contract is required (default ${DEFAULT-VALUE}).")
    private long contractSensitivePiSubjects;

    /** The settings the options stand for. */
    public StreamsSettings settings() {
        TopologySettings topology = new TopologySettings(windowSize, grace, windowRetention, tradingDayRetention,
                dedupRetention, timeZone, new ComplianceThresholds(assessmentPiSubjects, assessmentSensitivePiSubjects,
                contractPiSubjects, contractSensitivePiSubjects), flushInterval, publishInterval, rollupPartitions);
        return new StreamsSettings(applicationId, connection.bootstrapServers(), connection.schemaRegistryUrl(), stateDir,
                commitInterval, standbyReplicas, threads, replicationFactor, StreamsSettings.CACHE_MAX_BYTES,
                Optional.ofNullable(applicationServer).filter(server -> !server.isBlank()), topology);
    }

    @Override
    public Integer call() throws InterruptedException {
        StreamsSettings settings = settings();
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(settings.schemaRegistryUrl());
             ExchangeStreamsApp app = new ExchangeStreamsApp(settings, registry)) {
            Thread shutdown = new Thread(app::close, "dex-streams-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            app.start();
            System.out.printf("dex streams: application %s on %s, registry %s, state in %s%n", settings.applicationId(),
                    settings.bootstrapServers(), settings.schemaRegistryUrl(), settings.stateDir().toAbsolutePath());
            app.awaitStopped();
            return app.state() == KafkaStreams.State.ERROR ? 1 : 0;
        }
    }
}
