package io.dex.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("RegistryProcess runs a real Apicurio Registry")
class RegistryProcessTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String SCHEMA_V1 = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"string\\\"}]}";
    private static final String SCHEMA_V2 = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Other\\\",\\\"fields\\\":[{\\\"name\\\":\\\"b\\\",\\\"type\\\":\\\"long\\\"}]}";

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("an in-memory registry answers the Confluent API on 127.0.0.1 and stop leaves no process")
    void inMemory() throws Exception {
        RegistryProcess registry = RegistryProcess.start(RegistryStorage.IN_MEMORY, 0, directory);
        long pid = registry.pid();
        try {
            assertThat(registry.confluentApiUrl()).isEqualTo("http://127.0.0.1:" + registry.port() + "/apis/ccompat/v7");
            assertThat(get(registry.confluentApiUrl() + "/subjects").body()).isEqualTo("[]");
            assertThat(registry.isAlive()).isTrue();
        } finally {
            registry.stop();
        }
        assertThat(registry.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(registry.logFile())).contains("Listening on: http://127.0.0.1:" + registry.port());
    }

    @Test
    @DisplayName("a port already in use is refused with an error naming it, before any process starts")
    void portInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> RegistryProcess.start(RegistryStorage.IN_MEMORY, port, directory))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + port + " on 127.0.0.1 (schema registry HTTP) is already in use")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(port));
        }
        assertThat(directory.resolve(RegistryProcess.LOG_FILE)).doesNotExist();
    }

    @Test
    @DisplayName("a registry that does not answer in time is stopped and the error quotes its log")
    void startTimeout() {
        assertThatThrownBy(() -> RegistryProcess.start(RegistryStorage.IN_MEMORY, 0, directory, Duration.ofMillis(300)))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("was not answering http://127.0.0.1:")
                .hasMessageContaining(RegistryProcess.LOG_FILE);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    @DisplayName("with file storage, schemas and their ids survive kill -9, and ids are not reused")
    void fileStorageSurvivesKill() throws Exception {
        int firstId;
        RegistryProcess first = RegistryProcess.start(RegistryStorage.FILE, 0, directory);
        try {
            firstId = idIn(post(first.confluentApiUrl() + "/subjects/probe-value/versions", SCHEMA_V1));
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            assertThat(first.onExit().get(30, TimeUnit.SECONDS)).isEqualTo(137);
        } finally {
            first.stop();
        }

        try (RegistryProcess second = RegistryProcess.start(RegistryStorage.FILE, 0, directory)) {
            assertThat(get(second.confluentApiUrl() + "/schemas/ids/" + firstId).body()).contains("Probe");
            assertThat(get(second.confluentApiUrl() + "/subjects").body()).isEqualTo("[\"probe-value\"]");
            int secondId = idIn(post(second.confluentApiUrl() + "/subjects/other-value/versions", SCHEMA_V2));
            assertThat(secondId).isNotEqualTo(firstId);
        }
        assertThat(directory.resolve(RegistryProcess.DATABASE_NAME + ".mv.db")).exists();
    }

    private HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response;
    }

    private String post(String url, String escapedSchema) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + escapedSchema + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }

    private static int idIn(String body) {
        return Integer.parseInt(body.replaceAll("\\D", ""));
    }
}
