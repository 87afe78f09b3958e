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

    /**
     * Prepares the start of a server in {@code directory} (created when missing): waits for a server
     * left there by a killed dex to go, then checks that {@code port} is free.
     *
     * @param pidFileName the name of the pid file in the directory
     * @param name        what the server is, for messages ("Kafka broker")
     * @param port        the port on 127.0.0.1 it is to listen on; 0 picks a free one
     * @param leftoverWait how long to wait for a left-over server
     * @throws PortInUseException when {@code port} is taken
     */
    protected static Launch prepare(Path directory, String pidFileName, String name, int port, Duration leftoverWait) {
        Path home = createDirectories(directory.toAbsolutePath());
        PidFile pidFile = new PidFile(home.resolve(pidFileName), name);
        pidFile.awaitNoLeftover(leftoverWait);
        if (port != 0) {
            LoopbackPorts.requireFree(port, name);
        }
        return new Launch(home, pidFile, LoopbackPorts.resolve(port));
    }

    /**
     * What {@link #prepare} found.
     *
     * @param home    the server's directory, absolute
     * @param pidFile its pid file
     * @param port    the port it is to listen on
     */
    protected record Launch(Path home, PidFile pidFile, int port) {
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
