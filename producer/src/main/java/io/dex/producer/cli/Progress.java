package io.dex.producer.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows how far a long step has come: on a terminal a bar redrawn in place with rate and ETA, otherwise
 * a plain line now and then (logs and pipes). Updates are cheap when nothing is due.
 */
public final class Progress {

    private static final long TERMINAL_EVERY_NANOS = Duration.ofMillis(200).toNanos();
    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final String step;
    private final String unit;
    private final long total;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private boolean drawn;

    /**
     * Progress of {@code step} (e.g. "validating") counting {@code unit}s (e.g. "lines") towards
     * {@code total} work units (bytes, events...).
     */
    public Progress(PrintWriter out, boolean terminal, String step, String unit, long total) {
        this.out = out;
        this.terminal = terminal;
        this.step = step;
        this.unit = unit;
        this.total = total;
    }

    /** Whether this JVM writes to a terminal (no console means a pipe, a file or a test). */
    public static boolean onTerminal() {
        return System.console() != null;
    }

    /** Reports {@code count} units done and {@code done} of the total work done; shows it when due. */
    public void update(long count, long done) {
        long now = System.nanoTime();
        if (now - lastShown < (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            return;
        }
        lastShown = now;
        show(count, done, now);
    }

    /** Ends the display (the terminal bar gets its final state and a newline). */
    public void finish(long count) {
        if (terminal && drawn) {
            show(count, total, System.nanoTime());
            out.println();
            out.flush();
        }
    }

    private void show(long count, long done, long now) {
        double seconds = (now - start) / 1e9;
        long rate = seconds > 0 ? Math.round(count / seconds) : 0;
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 1.0;
        String eta = fraction > 0 && fraction < 1
                ? clock(Math.round(seconds * (1 - fraction) / fraction)) : clock(0);
        if (terminal) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            out.printf("\r%s [%s%s] %3d%%  %,d %s  %,d %s/s  ETA %s ", step, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), count, unit, rate, unit, eta);
            drawn = true;
        } else {
            out.printf("%s: %,d %s (%d%%), %,d %s/s, ETA %s%n", step, count, unit, Math.round(fraction * 100),
                    rate, unit, eta);
        }
        out.flush();
    }

    /** {@code h:mm:ss} or {@code m:ss}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
