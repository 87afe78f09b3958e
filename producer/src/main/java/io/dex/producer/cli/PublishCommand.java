package io.dex.producer.cli;

import io.dex.cli.CommandLineExit;
import io.dex.producer.EventKind;
import io.dex.producer.ExchangePublisher;
import io.dex.producer.ExchangeUnreachableException;
import io.dex.producer.file.EventFileReader;
import io.dex.producer.file.InputFileException;
import io.dex.producer.file.InputFormat;
import io.dex.producer.file.InputRecord;
import io.dex.producer.file.LineReader;
import io.dex.registry.SchemaRegistryClient;
import io.dex.rules.FieldViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dex publish}: publishes a JSON Lines or CSV file of events. The whole file is validated
 * first, streaming (a second pass publishes), and nothing is published when a line is invalid unless
 * {@code --skip-invalid}. Exit codes: 0 published, 1 invalid input, 2 cluster or registry unreachable
 * (nothing published), 3 publishing failed part-way (the summary says how many events were acknowledged),
 * 64 invalid command line.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeOnInvalidInput = CommandLineExit.INVALID_COMMAND_LINE,
        description = "Publishes a JSON Lines or CSV file of product events, trades or FX rates.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:published", "1:invalid input (nothing published unless --skip-invalid)",
                "2:cluster or schema registry unreachable (nothing published)",
                "3:publishing failed part-way (the summary says how many events were acknowledged)",
                CommandLineExit.INVALID_COMMAND_LINE_HELP})
public final class PublishCommand implements Callable<Integer> {

    /** Every valid event was acknowledged. */
    public static final int PUBLISHED = 0;
    /** The input is invalid or unreadable. */
    public static final int INVALID_INPUT = 1;
    /** The cluster or the registry could not be reached before publishing. */
    public static final int UNREACHABLE = 2;
    /** Sends failed after publishing had started. */
    public static final int PUBLISH_FAILED = 3;

    static final int ERRORS_SHOWN = 100;

    @Mixin
    private PublishingTarget target;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to publish.")
    private Path file;

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "How the file is written (default: csv for *.csv, else jsonl).")
    private String format;

    @Option(names = "--kind", paramLabel = "product|trade|fx",
            description = "The kind of every CSV row; for JSON Lines, of lines without a \"kind\".")
    private String kind;

    @Option(names = "--skip-invalid", description = "Publish the valid lines even when others are invalid.")
    private boolean skipInvalid;

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + LineReader.DEFAULT_MAX_LINE_BYTES,
            description = "The longest line accepted (default ${DEFAULT-VALUE}).")
    private int maxLineBytes;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("cannot read " + file);
            return INVALID_INPUT;
        }
        try {
            InputSource source = new InputSource(file, inputFormat(), eventKind(), maxLineBytes);
            Validation validation = validate(source, err);
            if (validation.fatal() || (validation.invalidLines() > 0 && !skipInvalid)) {
                if (!validation.fatal()) {
                    err.printf("%s: %,d invalid lines; nothing published (fix them, or publish the rest with --skip-invalid)%n",
                            file, validation.invalidLines());
                }
                return INVALID_INPUT;
            }
            if (validation.validEvents() == 0) {
                out.printf("%s: no events to publish%n", file);
                return PUBLISHED;
            }
            target.requireReachable(validation.kinds().keySet().stream().map(EventKind::topic).toList());
            return publish(source, validation, out, err);
        } catch (ExchangeUnreachableException e) {
            err.println(e.getMessage());
            return UNREACHABLE;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return INVALID_INPUT;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    private InputFormat inputFormat() {
        if (format == null) {
            return InputFormat.forFile(file);
        }
        try {
            return InputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format must be jsonl or csv, not '" + format + "'", e);
        }
    }

    private EventKind<?> eventKind() {
        if (kind == null) {
            return null;
        }
        return EventKind.named(kind).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--kind must be product, trade or fx, not '" + kind + "'"));
    }

    /** The first pass: every line parsed and judged; problems reported as {@code FILE:LINE: FIELD: problem}. */
    private Validation validate(InputSource source, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        Map<EventKind<?>, Long> kinds = new LinkedHashMap<>();
        long invalidLines = 0;
        long problems = 0;
        long lines = 0;
        Progress progress = new Progress(err, Progress.onTerminal(), "validating", "lines", Files.size(source.file()));
        try (EventFileReader reader = source.open()) {
            for (InputRecord record = reader.next(); record != null; record = reader.next()) {
                lines++;
                if (record instanceof InputRecord.Invalid invalid) {
                    invalidLines++;
                    for (FieldViolation violation : invalid.violations()) {
                        if (++problems <= ERRORS_SHOWN) {
                            err.println(source.file() + ":" + invalid.line() + ": " + violation);
                        }
                    }
                } else if (record instanceof InputRecord.Valid<?> valid) {
                    kinds.merge(valid.kind(), 1L, Long::sum);
                }
                progress.update(lines, reader.bytesRead());
            }
        } catch (InputFileException e) {
            progress.finish(lines);
            err.println(source.file() + ":" + e.line() + ": " + e.violation());
            return new Validation(kinds, invalidLines, true, System.nanoTime() - start);
        }
        progress.finish(lines);
        if (problems > ERRORS_SHOWN) {
            err.printf("... and %,d more problems (%,d invalid lines in all)%n", problems - ERRORS_SHOWN, invalidLines);
        }
        return new Validation(kinds, invalidLines, false, System.nanoTime() - start);
    }

    /** The second pass: the valid events sent in file order; waits for every acknowledgement. */
    private int publish(InputSource source, Validation validation, PrintWriter out, PrintWriter err) throws IOException {
        long sent = 0;
        long skipped = 0;
        Progress progress = new Progress(err, Progress.onTerminal(), "publishing", "events", validation.validEvents());
        try (SchemaRegistryClient registry = target.openRegistry();
             ExchangePublisher publisher = new ExchangePublisher(target.publisherSettings("dex-publish"), registry,
                     new SimpleMeterRegistry());
             EventFileReader reader = source.open()) {
            // Registering first keeps the registry's latency out of the publishing rate.
            publisher.registerSchemas();
            long start = System.nanoTime();
            for (InputRecord record = reader.next(); record != null && publisher.failed() == 0; record = reader.next()) {
                if (record instanceof InputRecord.Valid<?> valid) {
                    valid.publishTo(publisher);
                    sent++;
                    progress.update(sent, sent);
                } else if (skipInvalid) {
                    skipped++;
                } else {
                    err.printf("%s:%d: the file changed since it was validated; stopping%n", source.file(), record.line());
                    break;
                }
            }
            publisher.flush();
            progress.finish(sent);
            return summary(publisher, validation, sent, skipped, System.nanoTime() - start, out, err);
        }
    }

    private int summary(ExchangePublisher publisher, Validation validation, long sent, long skipped, long nanos,
            PrintWriter out, PrintWriter err) {
        double seconds = nanos / 1e9;
        long acknowledged = publisher.acknowledged();
        String perKind = EventKind.ALL.stream().filter(validation.kinds()::containsKey)
                .map(k -> String.format("%s %,d", k.name(), publisher.acknowledged(k))).collect(Collectors.joining(", "));
        if (acknowledged == validation.validEvents()) {
            out.printf("published %,d events (%s); rejected %,d invalid lines; validated in %.1f s, published in %.1f s: "
                            + "%,d events/s%n", acknowledged, perKind, skipped, validation.nanos() / 1e9, seconds,
                    Math.round(acknowledged / Math.max(seconds, 1e-3)));
            return PUBLISHED;
        }
        String cause = publisher.firstFailure().map(Throwable::getMessage).orElse("stopped before the end of the file");
        err.printf("publishing failed: %,d of %,d events acknowledged (%s), %,d sent, %,d failed; first failure: %s%n",
                acknowledged, validation.validEvents(), perKind, sent, publisher.failed(), cause);
        return PUBLISH_FAILED;
    }

    private record InputSource(Path file, InputFormat format, EventKind<?> kind, int maxLineBytes) {
        EventFileReader open() throws IOException {
            return EventFileReader.open(file, format, kind, maxLineBytes);
        }
    }

    private record Validation(Map<EventKind<?>, Long> kinds, long invalidLines, boolean fatal, long nanos) {
        long validEvents() {
            return kinds.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
