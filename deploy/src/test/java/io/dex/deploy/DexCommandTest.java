package io.dex.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("dex: the command line")
class DexCommandTest {

    @Test
    @DisplayName("--version names dex, Kafka and Apicurio Registry with the versions the build recorded")
    void printsItsVersion() {
        Run run = Run.of("--version");

        assertThat(run.exitCode).isZero();
        assertThat(run.out.strip()).matches("dex \\S+ \\(Apache Kafka \\d+\\.\\d+\\.\\d+, Apicurio Registry \\S+\\)")
                .doesNotContain("${");
    }

    @Test
    @DisplayName("every subcommand has --help and --version, and the help lists the exit codes")
    void helpEverywhere() {
        for (String[] command : new String[][] {{"--help"}, {"local", "--help"}, {"topics", "--help"},
                {"topics", "create", "--help"}, {"topics", "describe", "--help"}, {"publish", "--help"},
                {"simulate", "--help"}, {"streams", "--help"}, {"watch", "--help"}, {"bench", "--help"}}) {
            Run run = Run.of(command);
            assertThat(run.exitCode).as(String.join(" ", command)).isZero();
            assertThat(run.out).as(String.join(" ", command)).contains("--version", "Exit codes:")
                    .containsPattern("(?m)^ +64 +invalid command line$");
        }
        assertThat(Run.of("publish", "--help").out).containsPattern("(?m)^ +2 +cluster or schema registry unreachable");
        assertThat(Run.of("local", "--help").out).contains("--kafka-port", "--registry-port", "--http-port", "--data-dir", "DEX_DATA_DIR");
        assertThat(Run.of("bench", "--help").out).contains("--events", "--offered-rate", "--latency-duration", "--seed", "--quick", "--json");
        assertThat(Run.of("topics", "create", "--help").out).contains("--partitions", "--replication-factor", "--bootstrap-servers");
        assertThat(Run.of("topics", "describe", "--version").out).startsWith("dex ");
    }

    @Test
    @DisplayName("a missing subcommand or a bad option is a usage error: exit code 64 and the usage on standard error")
    void usageErrors() {
        Run none = Run.of();
        assertThat(none.exitCode).isEqualTo(64);
        assertThat(none.err).contains("Missing subcommand", "Usage: dex");

        Run topics = Run.of("topics");
        assertThat(topics.exitCode).isEqualTo(64);
        assertThat(topics.err).contains("Missing subcommand: create or describe");

        Run badPort = Run.of("local", "--kafka-port", "ninety");
        assertThat(badPort.exitCode).isEqualTo(64);
        assertThat(badPort.err).contains("--kafka-port", "ninety");

        // 2 is dex publish's and dex simulate's "unreachable": a usage error must not look like one.
        for (String[] command : new String[][] {{"publish"}, {"simulate", "--rate", "fast", "--duration", "1s"},
                {"streams", "--http-port", "eighty"}, {"watch", "--top", "many"}, {"topics", "create", "--partitions", "six"}}) {
            Run run = Run.of(command);
            assertThat(run.exitCode).as(String.join(" ", command)).isEqualTo(64);
            assertThat(run.err).as(String.join(" ", command)).contains("Usage: dex " + command[0]);
        }
    }

    /** One run of {@code dex} in this JVM, with its exit code and outputs. */
    static final class Run {

        final int exitCode;
        final String out;
        final String err;

        private Run(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine dex = DexCommand.commandLine();
            dex.setOut(new PrintWriter(out, true));
            dex.setErr(new PrintWriter(err, true));
            int exitCode = dex.execute(args);
            return new Run(exitCode, out.toString(), err.toString());
        }
    }
}
