package io.dex.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.embedded.ChildProcess;
import io.dex.testkit.SharedSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Avro 1.12 trusts the contracts package whichever serde a fresh JVM uses first")
class TrustedContractsTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("a JVM that only serializes, and another that only deserializes, need no system property")
    void freshJvms() throws Exception {
        String topic = "fresh-jvm-" + UUID.randomUUID();

        String bytes = probe("serialize", SharedSchemaRegistry.url(), topic);
        String record = probe("deserialize", SharedSchemaRegistry.url(), topic, bytes);

        assertThat(record).isEqualTo(FreshJvmSerdeProbe.sample().toString());
    }

    private String probe(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(),
                "-cp", System.getProperty("java.class.path"), FreshJvmSerdeProbe.class.getName()));
        command.addAll(List.of(args));
        Path errors = directory.resolve(args[0] + ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", args[0], Files.readString(errors)).isZero();
        return out;
    }
}
