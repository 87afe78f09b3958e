package io.dex.deploy.bench;

import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Latencies counted in fixed buckets, as the pipeline's {@code dex_end_to_end_latency_seconds}
 * histogram keeps them: how many fell into each bucket (upper bounds in milliseconds, ascending) and
 * how many were above the last bound. Percentiles are estimated the way Prometheus'
 * {@code histogram_quantile} does: linear interpolation inside the bucket that holds the rank.
 */
public final class LatencyHistogram {

    private final double[] upperBoundsMs;
    private final long[] counts;
    private final long overflow;

    /**
     * A histogram with {@code counts[i]} latencies in {@code (upperBoundsMs[i-1], upperBoundsMs[i]]}
     * (from 0 for the first bucket) and {@code overflow} latencies above the last bound.
     */
    public LatencyHistogram(double[] upperBoundsMs, long[] counts, long overflow) {
        if (upperBoundsMs.length != counts.length) {
            throw new IllegalArgumentException("one count per bucket: " + upperBoundsMs.length + " bounds, " + counts.length + " counts");
        }
        for (int i = 0; i < upperBoundsMs.length; i++) {
            if (!(upperBoundsMs[i] > (i == 0 ? 0 : upperBoundsMs[i - 1]))) {
                throw new IllegalArgumentException("bucket bounds must be positive and ascending: " + Arrays.toString(upperBoundsMs));
            }
            if (counts[i] < 0) {
                throw new IllegalArgumentException("bucket " + upperBoundsMs[i] + " ms has a negative count " + counts[i]);
            }
        }
        if (overflow < 0) {
            throw new IllegalArgumentException("negative count above the last bucket: " + overflow);
        }
        this.upperBoundsMs = upperBoundsMs.clone();
        this.counts = counts.clone();
        this.overflow = overflow;
    }

    /**
     * The histogram of a Micrometer snapshot of a timer with a percentile histogram, whose bucket
     * counts are cumulative (each counts the latencies up to its bound), as Prometheus exposes them.
     */
    public static LatencyHistogram of(HistogramSnapshot snapshot) {
        CountAtBucket[] buckets = snapshot.histogramCounts();
        double[] bounds = new double[buckets.length];
        long[] counts = new long[buckets.length];
        long upToPrevious = 0;
        for (int i = 0; i < buckets.length; i++) {
            bounds[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
            long upToThis = Math.round(buckets[i].count());
            counts[i] = upToThis - upToPrevious;
            upToPrevious = upToThis;
        }
        return new LatencyHistogram(bounds, counts, snapshot.count() - upToPrevious);
    }

    /** Latencies counted. */
    public long total() {
        return Arrays.stream(counts).sum() + overflow;
    }

    /**
     * The latencies counted here and not in {@code earlier}, an earlier state of the same histogram:
     * those of the time in between.
     */
    public LatencyHistogram since(LatencyHistogram earlier) {
        if (!Arrays.equals(upperBoundsMs, earlier.upperBoundsMs)) {
            throw new IllegalArgumentException("histograms with different buckets");
        }
        long[] difference = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            difference[i] = counts[i] - earlier.counts[i];
        }
        return new LatencyHistogram(upperBoundsMs, difference, overflow - earlier.overflow);
    }

    /**
     * The estimated {@code quantile} (0-1) in milliseconds; the last bound when the rank lies above it.
     *
     * @throws IllegalStateException when no latency was counted
     */
    public double percentile(double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1, got " + quantile);
        }
        long total = total();
        if (total == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        double rank = quantile * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : upperBoundsMs[i - 1];
                return lower + (upperBoundsMs[i] - lower) * (rank - below) / counts[i];
            }
            below += counts[i];
        }
        return upperBoundsMs[upperBoundsMs.length - 1];
    }

    /** p50, p99 and p99.9. */
    public LatencyPercentiles percentiles() {
        return new LatencyPercentiles(percentile(0.50), percentile(0.99), percentile(0.999));
    }
}
