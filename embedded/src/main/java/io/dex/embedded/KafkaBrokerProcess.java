package io.dex.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller, node id 1)
 * listening on 127.0.0.1 only, run from Maven Central's {@code kafka_2.13} in a child JVM.
 *
 * <p>A child JVM rather than a broker inside dex's JVM: the broker gets its own heap, threads and
 * logging (a busy Streams application and a busy broker do not starve each other's GC, and the
 * broker's log4j configuration does not fight dex's); it can be killed with {@code kill -9} exactly
 * like a production broker, which is what the failure tests need; and when it crashes, dex sees the
 * exit ({@link #onExit()}) instead of a broker dying silently inside its own process.
 *
 * <p>Its directory keeps the Kafka log ({@value #DATA_DIRECTORY}/), the generated
 * {@value #SERVER_PROPERTIES}, the broker's own log ({@value #LOG_FILE}) and its pid. The storage is
 * formatted only when the directory is new (or a format was interrupted), so a restart keeps every
 * topic and record.
 */
public final class KafkaBrokerProcess extends ServerProcess {

    /** The broker's log file inside its directory. */
    public static final String LOG_FILE = "broker.log";

    /** Where the broker keeps its partitions ({@code log.dirs}), inside its directory. */
    public static final String DATA_DIRECTORY = "data";

    /** The generated broker configuration inside its directory. */
    public static final String SERVER_PROPERTIES = "server.properties";

    /** How long {@link #start(int, Path)} waits: a loaded 2-core machine needs 10-40 s. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final String FORMATTED_MARKER = "formatted";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final int NODE_ID = 1;
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private final int port;

    private KafkaBrokerProcess(int port, ChildProcess child, PidFile pidFile) {
        super(child, pidFile, STOP_GRACE);
        this.port = port;
    }

    /** {@link #start(int, Path, Duration)} with {@link #DEFAULT_START_TIMEOUT}. */
    public static KafkaBrokerProcess start(int port, Path directory) {
        return start(port, directory, DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a broker and waits until it answers an Admin client.
     *
     * @param port         client port on 127.0.0.1; 0 picks a free one
     * @param directory    data, configuration and log (created when missing; reused when present)
     * @param startTimeout how long to wait for the broker to answer
     * @throws PortInUseException    when {@code port} is taken
     * @throws ChildProcessException when the broker exits or does not answer in time (the message
     *                               quotes the end of its log), or the directory is used by a running broker
     */
    public static KafkaBrokerProcess start(int port, Path directory, Duration startTimeout) {
        Launch launch = prepare(directory, "broker.pid", "Kafka broker", port, STOP_GRACE);
        Path home = launch.home();
        PidFile pidFile = launch.pidFile();
        int clientPort = launch.port();
        // The controller listener is internal to the node; the quorum is static, so it may change between starts.
        int controllerPort = LoopbackPorts.free();
        String classpath = brokerClasspath();
        writeProperties(home.resolve(SERVER_PROPERTIES), serverProperties(clientPort, controllerPort, home.resolve(DATA_DIRECTORY)));
        writeString(home.resolve("log4j2.xml"), loggingConfiguration());
        formatStorageIfNew(home, classpath);

        List<String> command = OrphanGuard.javaCommand(jvmOptions(home), classpath, "kafka.Kafka",
                List.of(home.resolve(SERVER_PROPERTIES).toString()));
        ChildProcess child = startRecorded("Kafka broker on port " + clientPort,
                new ProcessBuilder(command).directory(home.toFile()), home.resolve(LOG_FILE), pidFile);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(clientPort, child, pidFile);
        try (ReadinessProbe probe = new ReadinessProbe(clientPort)) {
            child.awaitReady("answering on " + broker.bootstrapServers(), startTimeout, probe::ready);
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /** The client port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The bootstrap servers, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }








    /** The broker configuration: one combined node on loopback, every internal topic with one replica. */
    static Map<String, String> serverProperties(int clientPort, int controllerPort, Path dataDirectory) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dataDirectory.toString());
        // One broker: every internal topic with one replica, or consumer groups and transactions never work.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        // Nobody else joins a local group: do not wait 3 s for them.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from their single definition (dex topics), never from a typo in a client.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }

    private static void formatStorageIfNew(Path home, String classpath) {
        Path data = home.resolve(DATA_DIRECTORY);
        Path marker = home.resolve(FORMATTED_MARKER);
        if (Files.exists(marker) && Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        // New, or a format that was interrupted: the broker never ran on it, so nothing is lost.
        deleteRecursively(data);
        deleteRecursively(marker);
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = OrphanGuard.javaCommand(jvmOptions(home), classpath, "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--config", home.resolve(SERVER_PROPERTIES).toString()));
        ChildProcess format = ChildProcess.start("Kafka storage format",
                new ProcessBuilder(command).directory(home.toFile()), home.resolve(LOG_FILE));
        int exitCode;
        try {
            exitCode = format.onExit().get(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            format.stop(Duration.ZERO);
            throw new ChildProcessException("Formatting the Kafka storage in " + data + " did not finish within "
                    + FORMAT_TIMEOUT.toSeconds() + " s; see " + format.logFile(), e);
        } catch (InterruptedException e) {
            format.stop(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while formatting the Kafka storage in " + data, e);
        }
        format.stop(Duration.ZERO);
        if (exitCode != 0) {
            throw new ChildProcessException("Formatting the Kafka storage in " + data + " failed with exit code "
                    + exitCode + "; last lines of " + format.logFile() + ":" + System.lineSeparator()
                    + String.join(System.lineSeparator(), format.logTail(20)));
        }
        writeString(marker, clusterId + System.lineSeparator());
    }

    private static List<String> jvmOptions(Path home) {
        return Stream.concat(JVM_OPTIONS.stream(), Stream.of(
                        // lz4, zstd and snappy unpack native libraries here.
                        "-Djava.io.tmpdir=" + createDirectories(home.resolve("tmp")),
                        "-Dlog4j2.configurationFile=" + home.resolve("log4j2.xml")))
                .toList();
    }

    /** The broker logs to standard output, which {@link ChildProcess} appends to {@value #LOG_FILE}. */
    private static String loggingConfiguration() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="warn">
                  <Appenders>
                    <Console name="console" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="org.apache.kafka.common.config" level="warn"/>
                    <Root level="info"><AppenderRef ref="console"/></Root>
                  </Loggers>
                </Configuration>
                """;
    }

    /** The classpath the build wrote next to this class (kafka_2.13 and log4j; see the module's POM). */
    static String brokerClasspath() {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + CLASSPATH_RESOURCE + " is missing: build the embedded module with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("The Kafka broker's classpath names " + entry
                            + ", which does not exist: rebuild with Maven to resolve it again");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    private static void writeProperties(Path file, Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Generated by dex at every start; edits are overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    /**
     * Ready = the port accepts connections and an Admin client gets the cluster's nodes (a KRaft
     * broker serves requests only once it is unfenced, so topics can be created right away).
     */
    private static final class ReadinessProbe implements AutoCloseable {

        private final int port;
        private Admin admin;

        ReadinessProbe(int port) {
            this.port = port;
        }

        boolean ready() {
            // Connecting first keeps the Admin client from logging connection failures while the broker boots.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException notYet) {
                return false;
            }
            if (admin == null) {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
            }
            try {
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000)).nodes()
                        .get(6, TimeUnit.SECONDS).isEmpty();
            } catch (ExecutionException | TimeoutException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }
}
