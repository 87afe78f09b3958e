package io.dex.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("End-to-end latency histogram")
class EndToEndLatencyTest {

    @Test
    @DisplayName("is a Prometheus histogram counting every trade, in seconds, never negative")
    void histogram() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EndToEndLatency latency = new EndToEndLatency(registry);

        latency.record(1_000, 1_250, 3);
        latency.record(5_000, 4_990, 1);

        String scrape = registry.scrape();
        assertThat(scrape).contains("# TYPE dex_end_to_end_latency_seconds histogram");
        assertThat(scrape).contains("dex_end_to_end_latency_seconds_count 4");
        assertThat(scrape).contains("dex_end_to_end_latency_seconds_sum 0.75");
        assertThat(scrape).contains("dex_end_to_end_latency_seconds_bucket{le=\"+Inf\"} 4");
    }
}
