package io.dex.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that dex runs as a child process (the schema registry, the Kafka broker): started with
 * its output appended to a log file, watched until it is ready, and stopped without leaving any
 * process behind, also when the JVM exits without calling {@link #stop}.
 *
 * <p>Usage: configure a {@link ProcessBuilder} (command, working directory, environment), call
 * {@link #start}, then {@link #awaitReady} with a probe of the server's own readiness (an HTTP
 * answer, an open port...). {@link #onExit()} tells a supervisor when the child dies on its own.
 * Thread-safe.
 */
public final class ChildProcess implements AutoCloseable {

    /** How long {@link #close()} lets the child shut down cleanly before killing it. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(() -> terminate(DEFAULT_GRACE), "stop " + name);
    }

    /**
     * Starts {@code builder}'s command with standard output and error appended to {@code logFile}
     * (its directory is created) and standard input closed.
     *
     * @param name what the child is, for messages ("schema registry", "Kafka broker")
     */
    public static ChildProcess start(String name, ProcessBuilder builder, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            ChildProcess child = new ChildProcess(name, process, logFile);
            Runtime.getRuntime().addShutdownHook(child.shutdownHook);
            LOG.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
            return child;
        } catch (IOException e) {
            throw new ChildProcessException("Cannot start " + name + " (" + String.join(" ", builder.command()) + "): " + e.getMessage(), e);
        }
    }

    /** The {@code java} launcher of the running JVM, so children run on the same Java as dex. */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What the child is, as given to {@link #start}. */
    public String name() {
        return name;
    }

    /** The operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** The file receiving the child's standard output and error. */
    public Path logFile() {
        return logFile;
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code when the child ends, whether it was stopped or died on its own. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /**
     * Waits until {@code probe} answers true, checking every 200 ms. When the child exits first or
     * {@code timeout} passes, stops the child and throws a {@link ChildProcessException} quoting
     * the end of its log.
     *
     * @param readiness what the probe checks, for the message ("answering on port 8081")
     */
    public void awaitReady(String readiness, Duration timeout, BooleanSupplier probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new ChildProcessException(name + " exited with code " + process.exitValue()
                        + " before " + readiness + describeLog());
            }
            if (probe.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                stop(Duration.ofSeconds(5));
                throw new ChildProcessException(name + " was not " + readiness + " within "
                        + timeout.toMillis() + " ms; stopped it" + describeLog());
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Duration.ofSeconds(5));
                throw new ChildProcessException("Interrupted while waiting for " + name + "; stopped it", e);
            }
        }
    }

    /**
     * Stops the child: SIGTERM, up to {@code grace} for a clean shutdown, then SIGKILL; the same for
     * any process the child started. Returns the exit code. Idempotent.
     */
    public int stop(Duration grace) {
        int exitCode = terminate(grace);
        detachFromJvmExit();
        return exitCode;
    }

    /**
     * No longer stops the child when the JVM exits: for a supervisor whose own shutdown hook stops
     * its parts in order (dex local closes the Streams application before the broker it commits to).
     * A child run under {@link OrphanGuard} still ends by itself if the JVM dies without stopping it.
     */
    public void detachFromJvmExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // The hook is running or about to run; it finds the child already gone.
        }
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    /** The last {@code lines} lines of the log file (fewer when it is shorter; empty when unreadable). */
    public List<String> logTail(int lines) {
        return logTail(logFile, lines);
    }

    /**
     * The last {@code lines} lines of a child's {@code logFile} (fewer when it is shorter; empty when
     * unreadable), also once the child is gone.
     */
    public static List<String> logTail(Path logFile, int lines) {
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        return List.copyOf(tail);
    }

    private int terminate(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("{} (pid {}) ignored SIGTERM for {} ms; killing it", name, process.pid(), grace.toMillis());
                    process.destroyForcibly();
                }
                process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        return process.isAlive() ? -1 : process.exitValue();
    }

    private String describeLog() {
        List<String> tail = logTail(LOG_TAIL_LINES);
        return tail.isEmpty()
                ? "; its log " + logFile + " is empty"
                : "; last lines of " + logFile + ":" + System.lineSeparator() + String.join(System.lineSeparator(), tail);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
