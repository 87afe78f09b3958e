package io.dex.streams.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dex watch}: a live terminal view of the aggregates (summary, categories, top products,
 * compliance), read from the HTTP API of any Streams instance and redrawn every interval.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Shows the live aggregates in the terminal, refreshed every interval.")
public final class WatchCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:DEX_HTTP_URL:-http://127.0.0.1:8080}",
            description = "HTTP API of any Streams instance (env DEX_HTTP_URL; default ${DEFAULT-VALUE}).")
    private URI url;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between refreshes (default ${DEFAULT-VALUE}).")
    private double intervalSeconds;

    @Option(names = "--once", description = "Print the figures once, without escape codes, and exit (for scripts).")
    private boolean once;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Products shown in the ranking, 1 to 10 (default ${DEFAULT-VALUE}).")
    private int top;

    @Spec
    private CommandSpec spec;

    private final PrintStream out;
    private final Clock clock;

    /** The command as {@code dex} runs it. */
    public WatchCommand() {
        this(System.out, Clock.systemUTC());
    }

    /** The command printing to {@code out}. */
    public WatchCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (top < 1 || top > 10) {
            throw new ParameterException(spec.commandLine(), "--top must be from 1 to 10, was " + top);
        }
        if (intervalSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be positive, was " + intervalSeconds);
        }
        Duration interval = Duration.ofMillis(Math.round(intervalSeconds * 1000));
        ExchangeApiClient client = new ExchangeApiClient(url, Duration.ofSeconds(5));
        WatchScreen screen = new WatchScreen(!once);
        while (true) {
            boolean shown = refresh(client, screen);
            if (once) {
                return shown ? 0 : 1;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private boolean refresh(ExchangeApiClient client, WatchScreen screen) throws InterruptedException {
        try {
            out.print(screen.render(client.read(top), url.toString(), clock.instant()));
            out.flush();
            return true;
        } catch (IOException e) {
            out.print(screen.renderFailure(url.toString(), clock.instant(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            out.flush();
            return false;
        }
    }
}
