package io.dex.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which process runs a server on a data directory, so that the next start on that
 * directory finds a server left behind by a dex that was killed ({@code kill -9}): such an orphan
 * shuts itself down ({@link OrphanGuard}) but may still hold its ports and files for a few seconds.
 * A server whose parent is still alive belongs to another running dex: that is an error, never
 * something to kill.
 */
public final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path file;
    private final String name;

    /**
     * @param file where the pid is written
     * @param name what the process is, for messages ("Kafka broker")
     */
    public PidFile(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /**
     * Makes sure no process recorded in this file still runs: waits up to {@code timeout} for an
     * orphan to finish its own shutdown, then kills it.
     *
     * @throws ChildProcessException when the recorded process is still the child of a running process
     */
    public void awaitNoLeftover(Duration timeout) {
        Optional<Recorded> recorded = read();
        Optional<ProcessHandle> leftover = recorded.flatMap(Recorded::runningProcess);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        long recordedParent = recorded.get().parent();
        Optional<ProcessHandle> parent = process.parent();
        if (parent.isPresent() && parent.get().pid() == recordedParent && parent.get().isAlive()) {
            throw new ChildProcessException("The " + name + " of " + file.getParent() + " is already running (pid "
                    + process.pid() + ", started by pid " + recordedParent + "); stop that one or use another directory");
        }
        LOG.info("The {} left behind by a dex that was killed (pid {}) is still running; waiting for it to stop", name, process.pid());
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The left-over {} (pid {}) did not stop within {} s; killing it", name, process.pid(), timeout.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + process.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while waiting for the left-over " + name + " to stop", e);
        }
    }

    /** Records {@code process}, a child of this JVM. */
    public void write(ProcessHandle process) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(process.pid()));
        properties.setProperty("parent", Long.toString(ProcessHandle.current().pid()));
        process.info().startInstant().ifPresent(start -> properties.setProperty("start", start.toString()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Forgets the recorded process (after it stopped). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** The recorded process; empty when there is none or the file is incomplete (written when dex was killed). */
    private Optional<Recorded> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Recorded(Long.parseLong(properties.getProperty("pid")),
                    Long.parseLong(properties.getProperty("parent")),
                    Optional.ofNullable(properties.getProperty("start")).map(Instant::parse)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (RuntimeException incomplete) {
            LOG.warn("Ignoring the incomplete pid file {}", file);
            return Optional.empty();
        }
    }

    private record Recorded(long pid, long parent, Optional<Instant> start) {

        /** The process when it still runs; the start time tells it from a later process that got the same pid. */
        Optional<ProcessHandle> runningProcess() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> start.isEmpty() || process.info().startInstant().equals(start));
        }
    }
}
