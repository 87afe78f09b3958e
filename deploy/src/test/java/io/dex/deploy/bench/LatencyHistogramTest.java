package io.dex.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dex.streams.metrics.EndToEndLatency;
import io.dex.streams.metrics.ExchangeMeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LatencyHistogram: percentiles from the buckets of the end-to-end latency histogram")
class LatencyHistogramTest {

    /** Buckets up to 10, 20, 50 and 100 ms holding 50, 40, 9 and 1 latencies: 100 in all. */
    private static final LatencyHistogram HUNDRED = new LatencyHistogram(
            new double[] {10, 20, 50, 100}, new long[] {50, 40, 9, 1}, 0);

    @Test
    @DisplayName("interpolates linearly inside the bucket that holds the rank, as Prometheus' histogram_quantile")
    void interpolatesInsideTheBucket() {
        // p50: rank 50 is the last of the first bucket's 50: 0 + 10 * 50/50.
        assertThat(HUNDRED.percentile(0.50)).isCloseTo(10.0, within(1e-9));
        // p25: rank 25 of the first bucket's 50: 0 + 10 * 25/50.
        assertThat(HUNDRED.percentile(0.25)).isCloseTo(5.0, within(1e-9));
        // p99: rank 99, the 9th of the 9 in (20, 50]: 20 + 30 * 9/9.
        assertThat(HUNDRED.percentile(0.99)).isCloseTo(50.0, within(1e-9));
        // p95: rank 95, the 5th of the 9 in (20, 50]: 20 + 30 * 5/9.
        assertThat(HUNDRED.percentile(0.95)).isCloseTo(20 + 30 * 5.0 / 9, within(1e-9));
        // p99.9: rank 99.9, 0.9 into the one latency in (50, 100]: 50 + 50 * 0.9.
        assertThat(HUNDRED.percentiles()).satisfies(p -> {
            assertThat(p.p50()).isCloseTo(10.0, within(1e-9));
            assertThat(p.p99()).isCloseTo(50.0, within(1e-9));
            assertThat(p.p999()).isCloseTo(95.0, within(1e-9));
        });
    }

    @Test
    @DisplayName("skips empty buckets, and answers the last bound when the rank lies above it")
    void emptyBucketsAndOverflow() {
        // 2 latencies up to 10 ms, none in (10, 20], 2 in (20, 40], 1 above 40 ms.
        LatencyHistogram histogram = new LatencyHistogram(new double[] {10, 20, 40}, new long[] {2, 0, 2}, 1);
        assertThat(histogram.total()).isEqualTo(5);
        // p50: rank 2.5, half into the 2 in (20, 40]: 20 + 20 * 0.5/2.
        assertThat(histogram.percentile(0.5)).isCloseTo(25.0, within(1e-9));
        // p90: rank 4.5, above the 4 in buckets.
        assertThat(histogram.percentile(0.9)).isEqualTo(40.0);
    }

    @Test
    @DisplayName("the latencies since an earlier state are the difference per bucket")
    void since() {
        LatencyHistogram earlier = new LatencyHistogram(new double[] {10, 20, 50, 100}, new long[] {45, 0, 9, 0}, 2);
        LatencyHistogram between = new LatencyHistogram(new double[] {10, 20, 50, 100}, new long[] {95, 40, 18, 1}, 2).since(earlier);
        assertThat(between.total()).isEqualTo(100);
        assertThat(between.percentiles()).isEqualTo(HUNDRED.percentiles());
        assertThatThrownBy(() -> HUNDRED.since(new LatencyHistogram(new double[] {10}, new long[] {1}, 0)))
                .hasMessageContaining("different buckets");
    }

    @Test
    @DisplayName("no latency, bad quantiles and bad buckets are errors")
    void errors() {
        assertThatThrownBy(() -> new LatencyHistogram(new double[] {10, 20}, new long[] {0, 0}, 0).percentile(0.5))
                .hasMessageContaining("no latency");
        assertThatThrownBy(() -> HUNDRED.percentile(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new LatencyHistogram(new double[] {20, 10}, new long[] {1, 1}, 0)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new LatencyHistogram(new double[] {10}, new long[] {1, 1}, 0)).hasMessageContaining("one count per bucket");
    }

    @Test
    @DisplayName("reads the pipeline's own histogram: counts per bucket, percentiles inside the buckets of the recorded latencies")
    void readsTheEndToEndLatencyHistogram() {
        PrometheusMeterRegistry registry = ExchangeMeterRegistry.create();
        EndToEndLatency latency = new EndToEndLatency(registry);
        latency.record(1_000, 1_005, 90);
        Timer timer = registry.get(EndToEndLatency.TIMER).timer();
        LatencyHistogram before = LatencyHistogram.of(timer.takeSnapshot());
        latency.record(1_000, 1_200, 10);
        latency.record(2_000, 2_700, 1);

        LatencyHistogram all = LatencyHistogram.of(timer.takeSnapshot());
        assertThat(all.total()).isEqualTo(101);
        // p50 (rank 50.5) lies among the 90 latencies of 5 ms, p99.9 (rank 100.9) is the one of 700 ms.
        assertThat(all.percentile(0.5)).isBetween(boundBelow(timer, 5), boundAtOrAbove(timer, 5));
        assertThat(all.percentile(0.999)).isBetween(boundBelow(timer, 700), boundAtOrAbove(timer, 700));

        LatencyHistogram since = all.since(before);
        assertThat(since.total()).isEqualTo(11);
        // Of the 11 since: rank 5.5 is among the 10 of 200 ms.
        assertThat(since.percentile(0.5)).isBetween(boundBelow(timer, 200), boundAtOrAbove(timer, 200));
    }

    private static double boundBelow(Timer timer, double ms) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts()).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
                .filter(bound -> bound < ms).max().orElse(0);
    }

    private static double boundAtOrAbove(Timer timer, double ms) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts()).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
                .filter(bound -> bound >= ms).min().orElseThrow();
    }
}
