package io.dex.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A server dex runs as a child process with a pid file in its directory (the Kafka broker, the
 * schema registry): watching it, and stopping it without leaving a process or a stale pid file.
 */
public abstract class ServerProcess implements AutoCloseable {

    private final ChildProcess child;
    private final PidFile pidFile;
    private final Duration stopGrace;

    /**
     * @param child     the running server
     * @param pidFile   where its pid is recorded
     * @param stopGrace how long {@link #stop()} lets it shut down cleanly before killing it
     */
    protected ServerProcess(ChildProcess child, PidFile pidFile, Duration stopGrace) {
        this.child = child;
        this.pidFile = pidFile;
        this.stopGrace = stopGrace;
    }

    /** Starts a server ({@link ChildProcess#start}) and records its pid in {@code pidFile}. */
    protected static ChildProcess startRecorded(String name, ProcessBuilder builder, Path logFile, PidFile pidFile) {
        ChildProcess child = ChildProcess.start(name, builder, logFile);
        ProcessHandle.of(child.pid()).ifPresent(pidFile::write);
        return child;
    }

    /** Creates {@code directory} and its parents when missing. */
    protected static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** The operating-system process id of the server. */
    public long pid() {
        return child.pid();
    }

    /** The server's log file. */
    public Path logFile() {
        return child.logFile();
    }

    /** Whether the server process is running. */
    public boolean isAlive() {
        return child.isAlive();
    }

    /** Completes with the exit code when the server process ends, also when it crashes. */
    public CompletableFuture<Integer> onExit() {
        return child.onExit();
    }

    /** Stops the server (SIGTERM, then SIGKILL after its grace period) and waits until it is gone. */
    public void stop() {
        child.stop(stopGrace);
        pidFile.delete();
    }

    /** Leaves stopping the server at JVM exit to the caller; see {@link ChildProcess#detachFromJvmExit()}. */
    public void detachFromJvmExit() {
        child.detachFromJvmExit();
    }

    @Override
    public void close() {
        stop();
    }
}
