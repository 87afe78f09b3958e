package io.dex.streams;

import io.dex.cli.ConnectionOptions;
import io.dex.producer.cli.DurationConverter;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.streams.http.OperatorsServer;
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

    @Option(names = "--http-host", defaultValue = "${env:DEX_HTTP_HOST:-127.0.0.1}", paramLabel = "HOST",
            description = "Interface the HTTP API, dashboard and metrics listen on (env DEX_HTTP_HOST; default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "${env:DEX_HTTP_PORT:-8080}", paramLabel = "PORT",
            description = "Port of the HTTP API, dashboard and metrics (env DEX_HTTP_PORT; default ${DEFAULT-VALUE}).")
    private int httpPort;

    @Option(names = "--advertised-host", defaultValue = "${env:DEX_ADVERTISED_HOST}", paramLabel = "HOST",
            description = "Host name the other instances reach this one's HTTP API at (env DEX_ADVERTISED_HOST; default: the HTTP host).")
    private String advertisedHost;

    @Option(names = "--commit-interval", defaultValue = "100ms", converter = DurationConverter.class,
            description = "How often processing is committed, exactly once (default ${DEFAULT-VALUE}).")
    private Duration commitInterval;

    @Option(names = "--standby-replicas", defaultValue = "1",
            description = "Standby copies of each task's state on other instances (default ${DEFAULT-VALUE}).")
    private int standbyReplicas;

    @Option(names = "--instance-id", defaultValue = "${env:DEX_INSTANCE_ID}", paramLabel = "ID",
            description = "Static group membership: an instance restarted with the same id takes its tasks back at once "
                    + "instead of after the session timeout; unique per instance (env DEX_INSTANCE_ID; default none).")
    private String instanceId;

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
                httpPort == 0 ? Optional.empty() : Optional.of(advertisedHost() + ":" + httpPort),
                Optional.ofNullable(instanceId).filter(id -> !id.isBlank()), topology);
    }

    private String advertisedHost() {
        return advertisedHost == null || advertisedHost.isBlank() ? httpHost : advertisedHost;
    }

    @Override
    public Integer call() throws InterruptedException {
        StreamsSettings settings = settings();
        OperatorsServer.Settings http = OperatorsServer.Settings.on(httpHost, httpPort).advertising(advertisedHost());
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(settings.schemaRegistryUrl());
             ExchangeInstance instance = ExchangeInstance.start(settings, registry, http)) {
            Thread shutdown = new Thread(instance::close, "dex-streams-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            System.out.printf("dex streams: application %s on %s, registry %s, state in %s, HTTP API on http://%s:%d%n",
                    settings.applicationId(), settings.bootstrapServers(), settings.schemaRegistryUrl(),
                    settings.stateDir().toAbsolutePath(), httpHost, instance.server().port());
            instance.app().awaitStopped();
            return instance.app().state() == KafkaStreams.State.ERROR ? 1 : 0;
        }
    }
}
