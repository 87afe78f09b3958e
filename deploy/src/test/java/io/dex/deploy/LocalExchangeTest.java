package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dex.embedded.LoopbackPorts;
import io.dex.registry.RestSchemaRegistryClient;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.serde.WireFormat;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicProvisioner.TopicState;
import io.dex.topics.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("LocalExchange: broker, registry, topics and services of dex local, in this JVM")
class LocalExchangeTest {

    /** Shared by the ordered tests: the second one restarts on what the first one left. */
    @TempDir
    static Path dataDirectory;

    private static int schemaIdOfFirstTrade;

    @Test
    @Order(1)
    @DisplayName("starts everything, serves trades through the registry, refuses a second runtime on its data, reports a failing service and stops without leaving a process")
    void runsAndStops() throws Exception {
        RecordingService service = new RecordingService();
        LocalExchange exchange = new LocalExchange(freshPorts(), List.of(service));
        try {
            exchange.start();
            List<ProcessHandle> children = childrenOf(exchange);
            assertThat(children).hasSize(2);

            assertThat(service.topicsAtStart).containsExactlyInAnyOrderElementsOf(
                    ExchangeTopics.ALL.stream().map(topic -> topic.name()).toList());
            assertThat(exchange.addresses()).containsEntry("Kafka broker", exchange.endpoints().bootstrapServers())
                    .containsEntry("Schema registry", exchange.endpoints().schemaRegistryUrl())
                    .containsEntry("recording", "nowhere");
            assertThat(exchange.endpoints().streamsStateDirectory()).isEqualTo(dataDirectory.resolve("streams"));

            TradeLog.publish(exchange.endpoints(), TradeLog.trade("T-1"));
            List<byte[]> values = TradeLog.rawValues(exchange.endpoints());
            assertThat(values).hasSize(1);
            assertThat(TradeLog.decode(exchange.endpoints(), values.get(0))).isEqualTo(TradeLog.trade("T-1"));
            schemaIdOfFirstTrade = WireFormat.schemaId(values.get(0));
            try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(exchange.endpoints().schemaRegistryUrl())) {
                registry.register("compatibility-probe-value", TradeEvent.getClassSchema());
                assertThatThrownBy(() -> registry.register("compatibility-probe-value", FxRate.getClassSchema()))
                        .as("SPEC: subjects are BACKWARD compatible").hasMessageContaining("is incompatible");
            }

            LocalExchange second = new LocalExchange(freshPorts(), List.of());
            assertThatThrownBy(second::start)
                    .hasMessageContaining("is used by another dex local (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining("--data-dir");

            service.failures.accept(new IllegalStateException("state store corrupted"));
            assertThat(exchange.awaitTermination()).isEqualTo(LocalExchange.FAILED);
            assertThat(exchange.failure()).contains("recording failed: state store corrupted");

            exchange.close();
            assertThat(service.closed).isTrue();
            assertGone(children);
            LoopbackPorts.requireFree(port(exchange.endpoints().bootstrapServers()), "the stopped broker's port");
            LoopbackPorts.requireFree(port(exchange.endpoints().schemaRegistryUrl()), "the stopped registry's port");
        } finally {
            exchange.close();
        }
    }

    @Test
    @Order(2)
    @DisplayName("a restart keeps topics, records and schema ids; a crashed broker ends it with the reason")
    void restartsOnItsDataAndReportsACrash() throws Exception {
        LocalExchange exchange = new LocalExchange(freshPorts(), List.of());
        try {
            exchange.start();
            List<byte[]> values = TradeLog.rawValues(exchange.endpoints());
            assertThat(values).hasSize(1);
            assertThat(WireFormat.schemaId(values.get(0))).isEqualTo(schemaIdOfFirstTrade);
            assertThat(TradeLog.decode(exchange.endpoints(), values.get(0))).isEqualTo(TradeLog.trade("T-1"));
            TradeLog.publish(exchange.endpoints(), TradeLog.trade("T-2"));
            assertThat(TradeLog.rawValues(exchange.endpoints())).extracting(WireFormat::schemaId)
                    .containsExactly(schemaIdOfFirstTrade, schemaIdOfFirstTrade);

            List<ProcessHandle> children = childrenOf(exchange);
            // The broker's temporary files are in its directory (the command line is too long to search for its main class).
            String brokerDirectory = dataDirectory.resolve("broker").toString();
            ProcessHandle broker = children.stream()
                    .filter(child -> child.info().commandLine().orElse("").contains(brokerDirectory)).findFirst().orElseThrow();
            broker.destroyForcibly();

            assertThat(CompletableFuture.supplyAsync(exchange::awaitTermination).get(60, TimeUnit.SECONDS)).isEqualTo(LocalExchange.FAILED);
            assertThat(exchange.failure()).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("Kafka broker exited unexpectedly with code 137")
                    .contains(dataDirectory.resolve("broker").resolve("broker.log").toString()));
            exchange.close();
            assertGone(children);
        } finally {
            exchange.close();
        }
    }

    private static LocalSettings freshPorts() {
        return new LocalSettings(dataDirectory, LoopbackPorts.free(), LoopbackPorts.free(), LoopbackPorts.free());
    }

    /** The broker and registry of {@code exchange}: the child processes working in its data directory. */
    private static List<ProcessHandle> childrenOf(LocalExchange exchange) {
        String data = exchange.settings().dataDirectory().toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(data))
                .toList();
    }

    private static void assertGone(List<ProcessHandle> processes) {
        assertThat(processes).allSatisfy(process -> assertThat(process.isAlive()).as("process %d", process.pid()).isFalse());
    }

    private static int port(String address) {
        String afterHost = address.substring(address.indexOf("127.0.0.1:") + "127.0.0.1:".length());
        return Integer.parseInt(afterHost.replaceAll("[^0-9].*$", ""));
    }

    /** A service that records what it saw when it started, and keeps its failure callback. */
    private static final class RecordingService implements LocalService {

        private final List<String> topicsAtStart = new ArrayList<>();
        private Consumer<Throwable> failures;
        private volatile boolean closed;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void start(LocalEndpoints endpoints, Consumer<Throwable> failures) throws Exception {
            this.failures = failures;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(30)).describe(ExchangeTopics.ALL).stream()
                        .filter(TopicState::exists).map(TopicState::name).forEach(topicsAtStart::add);
            }
        }

        @Override
        public Map<String, String> addresses() {
            return Map.of("recording", "nowhere");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
