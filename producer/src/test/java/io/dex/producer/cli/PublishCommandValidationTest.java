package io.dex.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.testkit.SharedSchemaRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dex publish before anything is sent: invalid input exits 1 without contacting the cluster (the
 * connection options point to a port where nothing listens, so a contact would exit 2), and an
 * unreachable cluster or registry exits 2 naming its address.
 */
@DisplayName("dex publish: validation and reachability")
class PublishCommandValidationTest {

    static final String FX = "{\"kind\":\"fx\",\"currency\":\"USD\",\"cnyPerUnit\":\"7.1\",\"effectiveAt\":\"2026-11-28T00:00:00Z\"}";
    static final String TRADE = "{\"kind\":\"trade\",\"transactionId\":\"tx-1\",\"productId\":\"p-1\",\"sellerId\":\"m-1\","
            + "\"buyerId\":\"m-2\",\"buyerJurisdiction\":\"CN\",\"amount\":\"10\",\"currency\":\"CNY\","
            + "\"occurredAt\":\"2026-11-28T09:00:00Z\"}";

    @TempDir
    Path dir;
    private String nowhere;

    @BeforeEach
    void freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    private CommandRun publish(Path file, String... more) {
        return CommandRun.against(new PublishCommand(), nowhere, "http://" + nowhere + "/apis/ccompat/v7",
                withFile(file, more));
    }

    /** {@code --file FILE} followed by {@code more}. */
    static String[] withFile(Path file, String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--file";
        args[1] = file.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return args;
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    @DisplayName("reports every invalid line as FILE:LINE: FIELD: problem and publishes nothing")
    void invalidLines() throws IOException {
        Path file = file("events.jsonl", FX + "\n# comment\n\n" + TRADE.replace("\"10\"", "\"-10\"") + "\n"
                + TRADE.replace("\"CN\"", "\"XX\"").replace("\"m-2\"", "\"m 2\"") + "\n{\"kind\":\"trade\",\"amount\n");
        CommandRun run = publish(file);
        assertThat(run.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(run.err()).contains(
                file + ":4: amount: must be greater than 0, is -10",
                file + ":5: buyerId: contains '\\u0020' at position 2",
                file + ":5: buyerJurisdiction: 'XX' is not an ISO 3166-1 alpha-2 country code",
                file + ":6: line: is not valid JSON",
                file + ": 3 invalid lines; nothing published");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("shows the first 100 problems, then how many more")
    void manyProblems() throws IOException {
        String lines = IntStream.rangeClosed(1, 150).mapToObj(i -> TRADE.replace("\"10\"", "\"0\""))
                .collect(Collectors.joining("\n"));
        CommandRun run = publish(file("bad.jsonl", lines));
        assertThat(run.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(run.err().lines().filter(line -> line.contains(": amount: "))).hasSize(100);
        assertThat(run.err()).contains(":100: amount:").doesNotContain(":101: amount:")
                .contains("... and 50 more problems (150 invalid lines in all)");
    }

    @Test
    @DisplayName("non-UTF-8 bytes and over-long lines are errors of their line")
    void unreadableLines() throws IOException {
        Path file = dir.resolve("bytes.jsonl");
        Files.write(file, (FX + "\n" + "{\"kind\":\"fx\",\"currency\":\"\u00e9\"}\n" + "x".repeat(300) + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        CommandRun run = publish(file, "--max-line-bytes", "200");
        assertThat(run.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(run.err()).contains(file + ":2: line: is not valid UTF-8 (byte 0xE9",
                file + ":3: line: is longer than the maximum of 200 bytes");
    }

    @Test
    @DisplayName("a CSV header naming an unknown field makes the file invalid, even with --skip-invalid")
    void badCsvHeader() throws IOException {
        Path file = file("trades.csv", "transactionId,price\ntx,1\n");
        CommandRun run = publish(file, "--kind", "trade", "--skip-invalid");
        assertThat(run.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(run.err()).contains(file + ":1: header: 'price' is not a field of a trade event");
    }

    @Test
    @DisplayName("bad options exit 64 (invalid command line), unreadable files 1, each with a message")
    void badOptions() throws IOException {
        Path file = file("events.jsonl", FX + "\n");
        CommandRun format = publish(file, "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(64);
        assertThat(format.err()).contains("--format must be jsonl or csv, not 'xml'", "Usage: publish");
        CommandRun kind = publish(file, "--kind", "order");
        assertThat(kind.exitCode()).isEqualTo(64);
        assertThat(kind.err()).contains("--kind must be product, trade or fx, not 'order'");
        CommandRun csvWithoutKind = publish(file, "--format", "csv");
        assertThat(csvWithoutKind.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(csvWithoutKind.err()).contains("say which with --kind");
        CommandRun missing = publish(dir.resolve("missing.jsonl"));
        assertThat(missing.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(missing.err()).contains("cannot read " + dir.resolve("missing.jsonl"));
        CommandRun noFile = CommandRun.of(new PublishCommand());
        assertThat(noFile.exitCode()).isEqualTo(64);
        assertThat(noFile.err()).contains("Missing required option: '--file=FILE'");
    }

    @Test
    @DisplayName("a file without events publishes nothing and succeeds")
    void empty() throws IOException {
        CommandRun run = publish(file("empty.jsonl", "# nothing yet\n\n"));
        assertThat(run.exitCode()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(run.out()).contains("no events to publish");
    }

    @Test
    @DisplayName("an unreachable registry exits 2 naming its URL")
    void registryUnreachable() throws IOException {
        CommandRun run = publish(file("events.jsonl", FX + "\n"));
        assertThat(run.exitCode()).isEqualTo(PublishCommand.UNREACHABLE);
        assertThat(run.err()).contains("cannot reach the schema registry at http://" + nowhere + "/apis/ccompat/v7");
    }

    @Test
    @DisplayName("an unreachable cluster exits 2 naming its address")
    void clusterUnreachable() throws IOException {
        CommandRun run = CommandRun.against(new PublishCommand(), nowhere, SharedSchemaRegistry.url(),
                withFile(file("events.jsonl", FX + "\n")));
        assertThat(run.exitCode()).isEqualTo(PublishCommand.UNREACHABLE);
        assertThat(run.err()).contains("cannot reach the Kafka cluster at " + nowhere);
    }
}
