package io.dex.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PidFile: finds a server left behind on a data directory")
class PidFileTest {

    @TempDir
    Path directory;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    @DisplayName("no file, or a file cut short by a kill, is no leftover")
    void missingOrIncompleteFile() throws Exception {
        PidFile pidFile = new PidFile(directory.resolve("server.pid"), "server");
        pidFile.awaitNoLeftover(Duration.ofSeconds(1));

        Files.writeString(directory.resolve("server.pid"), "pid=12");
        pidFile.awaitNoLeftover(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a process whose parent still runs belongs to another dex: refused, not killed")
    void refusesAServerOfARunningParent() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
        PidFile pidFile = new PidFile(directory.resolve("server.pid"), "server");
        pidFile.write(sleeper.toHandle());

        assertThatThrownBy(() -> pidFile.awaitNoLeftover(Duration.ofSeconds(1)))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("already running (pid " + sleeper.pid());
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    @DisplayName("an orphan that does not stop by itself is killed after the timeout")
    void killsAnOrphan() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
        String start = sleeper.toHandle().info().startInstant().orElseThrow().toString();
        // Recorded as started by a parent that is gone (no process has pid 0 here).
        Files.writeString(directory.resolve("server.pid"), "pid=" + sleeper.pid() + "\nparent=0\nstart=" + start + "\n");

        new PidFile(directory.resolve("server.pid"), "server").awaitNoLeftover(Duration.ofMillis(500));

        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a later process that got the recorded pid is left alone")
    void ignoresAReusedPid() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
        Files.writeString(directory.resolve("server.pid"),
                "pid=" + sleeper.pid() + "\nparent=0\nstart=2001-01-01T00:00:00Z\n");

        new PidFile(directory.resolve("server.pid"), "server").awaitNoLeftover(Duration.ofMillis(500));

        assertThat(sleeper.isAlive()).isTrue();
    }
}
