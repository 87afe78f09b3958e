package io.dex.testkit;

import io.dex.embedded.RegistryProcess;
import io.dex.embedded.RegistryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Apicurio Registry per test JVM, in memory, on a free port of 127.0.0.1: started by the
 * first call to {@link #url()} and stopped when the JVM exits (the shutdown hook of its child
 * process). Tests share it, so they use subjects of their own (e.g. a unique topic name per test).
 */
public final class SharedSchemaRegistry {

    private static RegistryProcess registry;

    private SharedSchemaRegistry() {
    }

    /** The Confluent-compatible API base URL, {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public static String url() {
        return registry().confluentApiUrl();
    }

    /** The registry process, started on first use; fails when it has died since. */
    public static synchronized RegistryProcess registry() {
        if (registry == null) {
            registry = RegistryProcess.start(RegistryStorage.IN_MEMORY, 0, directory());
        }
        if (!registry.isAlive()) {
            throw new IllegalStateException("The shared schema registry died (exit code "
                    + registry.onExit().join() + "); see " + registry.logFile());
        }
        return registry;
    }

    private static Path directory() {
        try {
            // java.io.tmpdir is inside the module's target directory in Surefire runs.
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "schema-registry-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the shared schema registry", e);
        }
    }
}
