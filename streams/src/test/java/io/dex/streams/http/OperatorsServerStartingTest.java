package io.dex.streams.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dex.streams.metrics.ExchangeMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTTP server before Kafka Streams is attached")
class OperatorsServerStartingTest {

    private static OperatorsServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = OperatorsServer.start(OperatorsServer.Settings.on("127.0.0.1", 0), ExchangeMeterRegistry.create());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("answers queries with 503, a Retry-After header and an error message")
    void queriesUnavailable() throws Exception {
        for (String path : new String[] {"/api/v1/summary", "/api/v1/volume/products/P-1", "/api/v1/compliance"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).contains("1");
            assertThat(JSON.readTree(response.body()).path("error").asText()).contains("starting");
        }
    }

    @Test
    @DisplayName("checks parameters before anything else: 400 even while starting")
    void badParametersFirst() throws Exception {
        assertThat(get("/api/v1/volume/daily?from=2026-02-30&to=2026-03-01").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/volume/products/top?n=11").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("is live but not ready")
    void health() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("live").asBoolean()).isTrue();
        assertThat(body.path("ready").asBoolean()).isFalse();
        assertThat(body.path("streamsState").asText()).isEqualTo("STARTING");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    @DisplayName("serves the dashboard and Prometheus metrics with the requests it served")
    void dashboardAndMetrics() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dashboard.js", "dashboard.css");
        // Nothing is fetched from elsewhere: no absolute URL in a src, href, url() or EventSource.
        Pattern external = Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//|url\\(\\s*[\"']?(https?:)?//|EventSource\\(\\s*[\"'](https?:)?//");
        for (String asset : new String[] {"/", "/dashboard.css", "/dashboard.js"}) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(external.matcher(response.body()).find()).as(asset).isFalse();
        }
        get("/api/v1/summary");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "process_cpu_usage", "dex_live_clients",
                "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/summary\",status=\"503\"}");
    }
}
