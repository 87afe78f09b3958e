package io.dex.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * A real Apicurio Registry (Confluent-compatible API under {@code /apis/ccompat/v7}) running as a
 * child process on 127.0.0.1. {@link #start} returns once the registry answers; {@link #stop}
 * leaves no process behind.
 *
 * <p>Its directory receives the log ({@value #LOG_FILE}), the child's temporary files and, with
 * {@link RegistryStorage#FILE}, the database ({@value #DATABASE_NAME}{@code .mv.db}). One registry per
 * directory: a second one on the same database exits because H2 locks the file.
 */
public final class RegistryProcess extends ServerProcess {

    /** Log file name inside the registry's directory. */
    public static final String LOG_FILE = "registry.log";

    /** Database name inside the registry's directory (H2 adds {@code .mv.db}). */
    public static final String DATABASE_NAME = "registry";

    /** How long {@link #start(RegistryStorage, int, Path)} waits: a loaded 2-core machine needs 10-40 s. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private static final String CONFLUENT_API = "/apis/ccompat/v7";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final int port;

    private RegistryProcess(int port, ChildProcess child, PidFile pidFile) {
        super(child, pidFile, STOP_GRACE);
        this.port = port;
    }

    /** {@link #start(RegistryStorage, int, Path, Duration)} with {@link #DEFAULT_START_TIMEOUT}. */
    public static RegistryProcess start(RegistryStorage storage, int port, Path directory) {
        return start(storage, port, directory, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a registry and waits until its Confluent API answers.
     *
     * @param storage      in memory (tests) or a database file in {@code directory}
     * @param port         HTTP port on 127.0.0.1; 0 picks a free one
     * @param directory    log, temporary files and database (created when missing)
     * @param startTimeout how long to wait for the API to answer
     * @throws PortInUseException  when {@code port} is taken
     * @throws ChildProcessException when the registry exits or does not answer in time (the message
     *                               quotes the end of its log)
     */
    public static RegistryProcess start(RegistryStorage storage, int port, Path directory, Duration startTimeout) {
        Launch launch = prepare(directory, "registry.pid", "schema registry HTTP", port, STOP_GRACE);
        Path home = launch.home();
        PidFile pidFile = launch.pidFile();
        int httpPort = launch.port();
        RegistryHome distribution = RegistryHome.locate();
        List<String> jvmOptions = new ArrayList<>(List.of(
                "-Xmx256m",
                "-Djava.io.tmpdir=" + createDirectories(home.resolve("tmp")),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                // The management interface is built in; keep it off the default 9000 that others may use.
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + LoopbackPorts.free()));
        if (storage == RegistryStorage.FILE) {
            // WRITE_DELAY=0: without it a kill -9 lost schemas and the restarted registry reused their ids.
            jvmOptions.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + home.resolve(DATABASE_NAME) + ";WRITE_DELAY=0");
        }
        // Under OrphanGuard: a registry outliving a killed dex would keep its port and its database locked.
        List<String> command = OrphanGuard.javaCommand(jvmOptions, distribution.runnerJar().toString(),
                mainClass(distribution.runnerJar()), List.of());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        ChildProcess child = startRecorded("schema registry on port " + httpPort, builder, home.resolve(LOG_FILE), pidFile);
        RegistryProcess registry = new RegistryProcess(httpPort, child, pidFile);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        child.awaitReady("answering " + registry.confluentApiUrl() + "/subjects", startTimeout, () -> registry.answers(http));
        return registry;
    }

    /** The HTTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The Confluent-compatible API base URL, {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return "http://127.0.0.1:" + port + CONFLUENT_API;
    }








    private boolean answers(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The main class the runnable jar names (its manifest's {@code Class-Path} still applies on {@code -cp}). */
    private static String mainClass(Path runnerJar) {
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + runnerJar, e);
        }
    }
}
