package io.dex.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ChildProcess")
class ChildProcessTest {

    @TempDir
    Path directory;

    private ChildProcess shell(String script) {
        return ChildProcess.start("test child", new ProcessBuilder("sh", "-c", script), directory.resolve("child.log"));
    }

    @Test
    @DisplayName("a child that exits before it is ready fails awaitReady with its exit code and the end of its log")
    void exitBeforeReady() {
        ChildProcess child = shell("echo starting; echo 'port 1234 taken' >&2; exit 3");

        assertThatThrownBy(() -> child.awaitReady("answering", Duration.ofSeconds(30), () -> false))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("test child exited with code 3 before answering")
                .hasMessageContaining("starting")
                .hasMessageContaining("port 1234 taken");
    }

    @Test
    @DisplayName("a child that is not ready in time is stopped and the error says how long it waited")
    void notReadyInTime() {
        ChildProcess child = shell("echo waiting; exec sleep 60");

        assertThatThrownBy(() -> child.awaitReady("answering", Duration.ofMillis(500), () -> false))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("test child was not answering within 500 ms; stopped it")
                .hasMessageContaining("waiting");
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    @DisplayName("awaitReady returns as soon as the probe answers true")
    void readyWhenProbeAnswers() {
        try (ChildProcess child = shell("exec sleep 60")) {
            child.awaitReady("answering", Duration.ofSeconds(30), () -> true);
            assertThat(child.isAlive()).isTrue();
        }
    }

    @Test
    @DisplayName("stop kills a child that ignores SIGTERM after the grace period, and its own children")
    void stopForcesStubbornChildren() throws Exception {
        ChildProcess child = shell("trap '' TERM; sleep 60 & echo started; wait");
        child.awaitReady("started", Duration.ofSeconds(30), () -> child.logTail(1).equals(List.of("started")));
        List<ProcessHandle> grandchildren = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();
        assertThat(grandchildren).isNotEmpty();

        long begin = System.nanoTime();
        int exitCode = child.stop(Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(exitCode).isEqualTo(137);
        assertThat(child.isAlive()).isFalse();
        for (ProcessHandle grandchild : grandchildren) {
            grandchild.onExit().get(10, TimeUnit.SECONDS);
            assertThat(grandchild.isAlive()).isFalse();
        }
    }

    @Test
    @DisplayName("onExit completes with the exit code when the child dies on its own")
    void onExitReportsCrash() throws Exception {
        ChildProcess child = shell("exec sleep 60");

        ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();

        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    @DisplayName("logTail gives the last lines of the log")
    void logTail() throws Exception {
        ChildProcess child = shell("for i in 1 2 3 4 5; do echo line $i; done");
        child.onExit().get(10, TimeUnit.SECONDS);

        assertThat(child.logTail(2)).containsExactly("line 4", "line 5");
        assertThat(child.logTail(10)).hasSize(5);
        assertThat(ChildProcess.logTail(child.logFile(), 1)).as("read by path, the child gone").containsExactly("line 5");
        assertThat(ChildProcess.logTail(child.logFile().resolveSibling("missing.log"), 3)).isEmpty();
    }
}
