package io.dex.streams.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dex.streams.ExchangeStreamsApp;
import io.dex.streams.dashboard.DashboardAssets;
import io.dex.streams.live.LiveFeed;
import io.dex.streams.metrics.EndToEndLatency;
import io.dex.streams.metrics.ExchangeMeterRegistry;
import io.dex.streams.metrics.HttpRequestMetrics;
import io.dex.streams.query.ClusterStores;
import io.dex.streams.query.ExchangeQueries;
import io.dex.streams.query.LocalStores;
import io.dex.streams.query.PeerClient;
import io.dex.streams.query.QueryableStores;
import io.dex.streams.query.StoreCatalog;
import io.dex.streams.query.StoreUnavailableException;
import io.dex.streams.query.StreamsExchangeQueries;
import io.dex.streams.query.UnknownIdException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The HTTP side of a Streams instance: the query API, the live feed, the operators' dashboard,
 * {@code /metrics} and {@code /health}, plus the internal endpoint through which instances read each
 * other's store partitions. It starts before Kafka Streams, because its address is the instance's
 * {@code application.server}; until {@link #attach} every query answers 503.
 */
public final class OperatorsServer implements AutoCloseable {

    /** How long an instance waits for another to read its store partitions. */
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

    /** Seconds a client should wait before retrying a 503. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private final Javalin app;
    private final HostInfo advertised;
    private final PrometheusMeterRegistry registry;
    private final StreamsAttachment attachment = new StreamsAttachment();
    private final LiveFeed live;
    private final EndToEndLatency endToEndLatency;
    private final AtomicReference<KafkaStreamsMetrics> streamsMetrics = new AtomicReference<>();

    /**
     * Where the server listens and how the other instances reach it.
     *
     * @param bindHost       interface to listen on
     * @param port           port to listen on, 0 for any free one
     * @param advertisedHost host name the other instances use to reach this one
     * @param maxLiveClients live-feed clients served at once
     * @param livePeriod     how often the live feed looks for changes
     */
    public record Settings(String bindHost, int port, String advertisedHost, int maxLiveClients, Duration livePeriod) {

        /** Listening on {@code host} only (as {@code dex local} does), at {@code port}. */
        public static Settings on(String host, int port) {
            return new Settings(host, port, host, 64, Duration.ofSeconds(1));
        }

        /** These settings with the other instances reaching this one at {@code host}. */
        public Settings advertising(String host) {
            return new Settings(bindHost, port, host, maxLiveClients, livePeriod);
        }
    }

    private OperatorsServer(Settings settings, PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.endToEndLatency = new EndToEndLatency(registry);
        ObjectMapper json = ApiJson.mapper();
        this.live = new LiveFeed(() -> attachment.current().map(StreamsAttachment.Attached::queries), json,
                settings.maxLiveClients(), settings.livePeriod(), Duration.ofSeconds(15), Clock.systemUTC());
        Gauge.builder("dex.live.clients", live, LiveFeed::clientCount)
                .description("Clients of the live feed (dashboards open)").register(registry);
        HttpRequestMetrics requests = new HttpRequestMetrics(registry);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http((ctx, millis) -> requests.record(ctx.method().name(), route(ctx),
                    ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000))));
        });
        app.exception(UnknownIdException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e));
        app.exception(InvalidParameterException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e));
        app.exception(StoreUnavailableException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e);
        });
        new ExchangeApiRoutes(() -> attachment.require().queries()).register(app);
        new InternalStoreRoutes(attachment).register(app);
        new HealthRoutes(attachment).register(app);
        for (DashboardAssets.Asset asset : DashboardAssets.load().values()) {
            app.get(asset.path(), ctx -> ctx.contentType(asset.contentType()).result(asset.content()));
        }
        app.get("/metrics", ctx -> ctx.contentType(ExchangeMeterRegistry.CONTENT_TYPE).result(registry.scrape()));
        app.before("/api/v1/live", ctx -> {
            if (!live.hasRoom()) {
                throw new StoreUnavailableException("too many live clients, retry later");
            }
        });
        app.sse("/api/v1/live", live::join);
        app.start(settings.bindHost(), settings.port());
        this.advertised = new HostInfo(settings.advertisedHost(), app.port());
    }

    /** Starts a server recording its requests into {@code registry} and serving it at {@code /metrics}. */
    public static OperatorsServer start(Settings settings, PrometheusMeterRegistry registry) {
        return new OperatorsServer(settings, registry);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** How the other instances reach this one: the value of {@code application.server}. */
    public HostInfo advertised() {
        return advertised;
    }

    /** {@code host:port} for the {@code application.server} setting. */
    public String applicationServer() {
        return advertised.host() + ":" + advertised.port();
    }

    /**
     * Answers for {@code app} from now on: its queries, read across every instance of the
     * application, its stores for the other instances, its state for {@code /health}, its metrics.
     * Call it before {@code app.start()}, with {@link #applicationServer()} as the app's
     * {@code application.server}.
     */
    public void attach(ExchangeStreamsApp app) {
        ClusterStores cluster = new ClusterStores(app.streams(), advertised, new PeerClient(PEER_TIMEOUT));
        attach(app.streams(), new StreamsExchangeQueries(cluster, app.settings().topology().timeZone(), Clock.systemUTC()),
                new QueryableStores());
    }

    /**
     * Serves {@code queries} and the stores of {@code streams} from now on, and binds the Kafka
     * Streams metrics to the registry.
     */
    public void attach(KafkaStreams streams, ExchangeQueries queries, StoreCatalog stores) {
        attachment.attach(new StreamsAttachment.Attached(streams, queries, new LocalStores(streams), stores));
        Gauge.builder("dex.streams.running", streams, running -> running.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING (stores queryable), else 0").register(registry);
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streamsMetrics.set(metrics);
    }

    /**
     * The end-to-end latency histogram served at {@code /metrics}, for the topology to record into
     * where an aggregate update becomes visible.
     */
    public EndToEndLatency endToEndLatency() {
        return endToEndLatency;
    }

    /** Clients of the live feed now. */
    public int liveClients() {
        return live.clientCount();
    }

    @Override
    public void close() {
        live.close();
        KafkaStreamsMetrics metrics = streamsMetrics.getAndSet(null);
        if (metrics != null) {
            metrics.close();
        }
        app.stop();
    }

    private static void error(Context ctx, HttpStatus status, RuntimeException e) {
        ctx.status(status).json(Map.of("error", e.getMessage()));
    }

    /** The route template of an endpoint; requests stopped in a before-handler or matching nothing have none. */
    private static String route(Context ctx) {
        if (ctx.handlerType().isHttpMethod()) {
            return ctx.endpointHandlerPath();
        }
        return ctx.statusCode() == HttpStatus.NOT_FOUND.getCode() ? "NOT_FOUND" : "none";
    }
}
