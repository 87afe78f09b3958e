package io.dex.deploy.bench;

/**
 * End-to-end latency percentiles of the pipeline, in milliseconds.
 *
 * @param p50  the median
 * @param p99  the 99th percentile
 * @param p999 the 99.9th percentile
 */
public record LatencyPercentiles(double p50, double p99, double p999) {
}
