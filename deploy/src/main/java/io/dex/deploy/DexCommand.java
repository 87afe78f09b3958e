package io.dex.deploy;

import io.dex.cli.CommandLineExit;
import io.dex.deploy.bench.BenchCommand;
import io.dex.producer.cli.PublishCommand;
import io.dex.producer.cli.SimulateCommand;
import io.dex.streams.StreamsCommand;
import io.dex.streams.watch.WatchCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dex}, the command of the data-product exchange. A subcommand is one line in the list
 * below; {@code --help}, {@code --version} and the exit code of an invalid command line are inherited
 * by every subcommand.
 */
@Command(name = "dex",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = DexCommand.Version.class,
        description = "The event backbone of a data-product exchange.",
        subcommands = {
                LocalCommand.class,
                TopicsCommand.class,
                PublishCommand.class,
                SimulateCommand.class,
                StreamsCommand.class,
                WatchCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class,
        },
        exitCodeOnInvalidInput = CommandLineExit.INVALID_COMMAND_LINE,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:failure, explained on standard error",
                CommandLineExit.INVALID_COMMAND_LINE_HELP})
public final class DexCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DexCommand.class);

    @Spec
    private CommandSpec spec;

    /** Runs {@code dex} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@code dex}, reporting failures as one message on standard error. */
    public static CommandLine commandLine() {
        return new CommandLine(new DexCommand()).setExecutionExceptionHandler(new FailureReport());
    }

    /** {@code dex} without a subcommand is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Prints the message of a failure (its stack trace goes to the debug log) and exits with 1. */
    static final class FailureReport implements IExecutionExceptionHandler {

        @Override
        public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
            LOG.debug("{} failed", command.getCommandSpec().qualifiedName(), failure);
            command.getErr().println(command.getColorScheme().errorText(
                    command.getCommandSpec().qualifiedName() + ": " + message(failure)));
            return 1;
        }

        private static String message(Throwable failure) {
            String message = failure.getMessage();
            if (message == null || message.isBlank()) {
                return failure.getClass().getSimpleName() + (failure.getCause() == null ? "" : ": " + message(failure.getCause()));
            }
            return message;
        }
    }

    /** The version of dex and of the Kafka and Apicurio Registry it runs, as the build recorded them. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            Properties versions = new Properties();
            try (InputStream in = DexCommand.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing: build dex with Maven");
                }
                versions.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read version.properties", e);
            }
            return new String[] {"dex " + versions.getProperty("version") + " (Apache Kafka " + versions.getProperty("kafka")
                    + ", Apicurio Registry " + versions.getProperty("apicurio") + ")"};
        }
    }
}
