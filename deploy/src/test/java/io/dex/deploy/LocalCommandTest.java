package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@DisplayName("dex local: a port in use")
class LocalCommandTest {

    @TempDir
    Path dataDirectory;

    @Test
    @DisplayName("fails with exit code 1, naming the port and the flag that changes it, and leaves no process")
    void namesTheTakenPortAndItsFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            DexCommandTest.Run http = DexCommandTest.Run.of("local", "--data-dir", dataDirectory.toString(),
                    "--kafka-port", "0", "--registry-port", "0", "--http-port", Integer.toString(port));
            assertThat(http.exitCode).isEqualTo(1);
            assertThat(http.err.strip()).isEqualTo("dex local: Port " + port
                    + " on 127.0.0.1 (HTTP API) is already in use by another process: choose another port with --http-port");

            DexCommandTest.Run kafka = DexCommandTest.Run.of("local", "--data-dir", dataDirectory.toString(),
                    "--kafka-port", Integer.toString(port), "--registry-port", "0", "--http-port", "0");
            assertThat(kafka.exitCode).isEqualTo(1);
            assertThat(kafka.err.strip()).isEqualTo("dex local: Port " + port
                    + " on 127.0.0.1 (Kafka broker) is already in use by another process: choose another port with --kafka-port");
        }
        assertThat(ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(dataDirectory.toString())).toList())
                .as("processes working in the data directory").isEmpty();
    }
}
