package io.dex.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("OrphanGuard: a child JVM ends when its parent is killed")
class OrphanGuardTest {

    private static final String CHILD_PID = "child pid: ";

    @TempDir
    Path directory;

    @Test
    @DisplayName("the child of a JVM killed with kill -9 shuts itself down within seconds")
    void childEndsWithItsParent() throws Exception {
        Process parent = new ProcessBuilder(ChildProcess.javaLauncher(), "-cp", System.getProperty("java.class.path"),
                Parent.class.getName(), directory.toString())
                .redirectError(directory.resolve("parent.err").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            ProcessHandle child = ProcessHandle.of(childPid(out)).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.pid());

            parent.destroyForcibly().waitFor();

            assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
        }
    }

    private static long childPid(BufferedReader parentOutput) throws IOException {
        for (String line = parentOutput.readLine(); line != null; line = parentOutput.readLine()) {
            if (line.startsWith(CHILD_PID)) {
                return Long.parseLong(line.substring(CHILD_PID.length()));
            }
        }
        throw new IllegalStateException("The parent ended without starting its child");
    }

    /** The parent: starts a guarded child that would sleep forever, prints its pid, and waits. */
    static final class Parent {
        public static void main(String[] args) throws InterruptedException {
            List<String> command = OrphanGuard.javaCommand(List.of("-Xmx32m"), System.getProperty("java.class.path"),
                    Sleeper.class.getName(), List.of());
            ChildProcess child = ChildProcess.start("sleeper", new ProcessBuilder(command), Path.of(args[0], "sleeper.log"));
            System.out.println(CHILD_PID + child.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A child that never ends by itself. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
