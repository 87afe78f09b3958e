package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.embedded.ChildProcess;
import io.dex.embedded.LoopbackPorts;
import io.dex.serde.WireFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@DisplayName("dex local as a process: kill -9, restart, SIGTERM")
class LocalRuntimeProcessTest {

    private static final long READY_TIMEOUT_SECONDS = 240;

    @TempDir
    Path workDirectory;

    private final List<Process> runtimes = new ArrayList<>();

    @AfterEach
    void killRuntimes() {
        runtimes.forEach(Process::destroyForcibly);
    }

    @Test
    @DisplayName("after a kill -9 its children stop by themselves and a restart resumes topics, records and schema ids; SIGTERM stops it cleanly")
    void survivesKillAndStopsOnSigterm() throws Exception {
        LocalSettings settings = new LocalSettings(workDirectory.resolve("data"), LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
        LocalEndpoints endpoints = new LocalEndpoints("127.0.0.1:" + settings.kafkaPort(),
                "http://127.0.0.1:" + settings.registryPort() + "/apis/ccompat/v7", settings.httpPort(), settings.streamsStateDirectory());

        Process first = startRuntime(settings, "first");
        List<String> banner = awaitBanner(first, settings, "first");
        assertThat(banner).contains("  Kafka broker            " + endpoints.bootstrapServers(),
                "  Schema registry         " + endpoints.schemaRegistryUrl(),
                "  HTTP API and dashboard  http://127.0.0.1:" + endpoints.httpPort());
        assertThat(banner.get(0)).endsWith("data in " + settings.dataDirectory());
        TradeLog.publish(endpoints, TradeLog.trade("T-1"));
        int schemaId = WireFormat.schemaId(TradeLog.rawValues(endpoints).get(0));
        List<ProcessHandle> firstChildren = first.children().toList();
        assertThat(firstChildren).hasSize(2);

        first.destroyForcibly().waitFor();
        // Nobody stops them: they notice that their parent is gone.
        CompletableFuture.allOf(firstChildren.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);

        Process second = startRuntime(settings, "second");
        awaitBanner(second, settings, "second");
        List<byte[]> values = TradeLog.rawValues(endpoints);
        assertThat(values).hasSize(1);
        assertThat(WireFormat.schemaId(values.get(0))).isEqualTo(schemaId);
        assertThat(TradeLog.decode(endpoints, values.get(0))).isEqualTo(TradeLog.trade("T-1"));
        List<ProcessHandle> secondChildren = second.children().toList();

        second.destroy();
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        assertThat(second.exitValue()).isEqualTo(143);
        assertThat(secondChildren).hasSize(2).allSatisfy(child -> assertThat(child.isAlive()).isFalse());
        LoopbackPorts.requireFree(settings.kafkaPort(), "the broker port after SIGTERM");
        LoopbackPorts.requireFree(settings.registryPort(), "the registry port after SIGTERM");
        assertThat(Files.readString(workDirectory.resolve("second.err"))).contains("Stopping dex local", "dex local stopped");
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "\n(no " + log + ")";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "\nlast lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Runs {@code dex local} in a JVM of its own; the data directory and the HTTP port come from the environment. */
    private Process startRuntime(LocalSettings settings, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ChildProcess.javaLauncher(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dlog4j2.configurationFile=log4j2.xml",
                DexCommand.class.getName(), "local",
                "--kafka-port", Integer.toString(settings.kafkaPort()),
                "--registry-port", Integer.toString(settings.registryPort()))
                .redirectError(workDirectory.resolve(name + ".err").toFile());
        builder.environment().put("DEX_DATA_DIR", settings.dataDirectory().toString());
        builder.environment().put("DEX_HTTP_PORT", Integer.toString(settings.httpPort()));
        Process runtime = builder.start();
        runtimes.add(runtime);
        return runtime;
    }

    /** The banner, once the runtime printed that it is ready; fails with its standard error when it does not. */
    private List<String> awaitBanner(Process runtime, LocalSettings settings, String name) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(runtime.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> banner = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (banner.isEmpty() || !banner.get(banner.size() - 1).equals("Press Ctrl-C to stop.")) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                banner.add(line);
            } else if (!runtime.isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("dex local (" + name + ") did not get ready"
                        + (runtime.isAlive() ? "" : " and exited with code " + runtime.exitValue()) + "; it printed " + banner
                        + " and on standard error:\n" + Files.readString(workDirectory.resolve(name + ".err"))
                        + tail(settings.brokerDirectory().resolve("broker.log")) + tail(settings.registryDirectory().resolve("registry.log")));
            }
        }
        return banner;
    }
}
