package io.dex.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times the HTTP requests a Streams instance serves ({@code http_server_requests_seconds}), tagged
 * with the route template (never the raw path, which would make one series per id), the method and
 * the status.
 */
public final class HttpRequestMetrics {

    /** Name of the timer. */
    public static final String TIMER = "http.server.requests";

    private final MeterRegistry registry;

    /** Records into {@code registry}. */
    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one request of route {@code route} that ended with {@code status} after {@code elapsed}. */
    public void record(String method, String route, int status, Duration elapsed) {
        Timer.builder(TIMER)
                .description("HTTP requests served by the API, dashboard and metrics endpoints")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(elapsed);
    }
}
