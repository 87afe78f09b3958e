package io.dex.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The Apicurio Registry distribution that {@link RegistryProcess} runs: the directory holding
 * {@code apicurio-registry-app-<version>-runner.jar} and its {@code lib/}. Looked up, in order, in
 * the system property {@value #PROPERTY}, the environment variable {@value #ENVIRONMENT}, and the
 * location where the build unpacked it (recorded in {@code registry-home.properties}).
 *
 * @param directory   the distribution's root directory
 * @param version     the Apicurio Registry version, e.g. {@code 2.6.13.Final}
 */
public record RegistryHome(Path directory, String version) {

    /** System property naming the distribution directory. */
    public static final String PROPERTY = "dex.registry.home";

    /** Environment variable naming the distribution directory. */
    public static final String ENVIRONMENT = "DEX_REGISTRY_HOME";

    private static final String BUILD_RECORD = "registry-home.properties";

    /** The distribution to use, failing with a message that says where it was looked for. */
    public static RegistryHome locate() {
        Properties built = buildRecord();
        String version = built.getProperty("apicurio.version");
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        String source = configured != null
                ? "system property " + PROPERTY + " or environment variable " + ENVIRONMENT
                : "the build's unpacked distribution";
        Path directory = Path.of(configured != null ? configured : built.getProperty("registry.home"));
        RegistryHome home = new RegistryHome(directory.toAbsolutePath(), version);
        if (!Files.isRegularFile(home.runnerJar())) {
            throw new IllegalStateException("No Apicurio Registry " + version + " distribution in " + home.directory()
                    + " (from " + source + "): " + home.runnerJar().getFileName() + " is missing. Build the embedded "
                    + "module (it unpacks io.apicurio:apicurio-registry-app:" + version + ":tar.gz:all) or set "
                    + ENVIRONMENT + " to an unpacked copy");
        }
        return home;
    }

    /** The runnable jar of the distribution. */
    public Path runnerJar() {
        return directory.resolve("apicurio-registry-app-" + version + "-runner.jar");
    }

    private static Properties buildRecord() {
        Properties properties = new Properties();
        try (InputStream in = RegistryHome.class.getResourceAsStream(BUILD_RECORD)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_RECORD + " is missing from the classpath next to " + RegistryHome.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUILD_RECORD, e);
        }
        return properties;
    }
}
