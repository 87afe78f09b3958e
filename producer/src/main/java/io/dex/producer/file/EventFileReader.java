package io.dex.producer.file;

import io.dex.producer.EventKind;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the events of an input file one record at a time, in constant memory. Every line either
 * yields a valid event or says, field by field, what is wrong with it; nothing is skipped silently
 * except blank lines (and {@code #} comments in JSON Lines).
 */
public interface EventFileReader extends Closeable {

    /**
     * The next record, or null at the end of the file.
     *
     * @throws InputFileException when the file as a whole cannot be read (e.g. a bad CSV header)
     */
    InputRecord next() throws IOException;

    /** Bytes of the file consumed so far (for progress). */
    long bytesRead();

    /**
     * A reader of {@code file}.
     *
     * @param format       how the file is written
     * @param kind         the kind of every CSV row (required for CSV); for JSON Lines, the kind of lines
     *                     without a {@code kind} key (may be null)
     * @param maxLineBytes the longest line accepted
     */
    static EventFileReader open(Path file, InputFormat format, EventKind<?> kind, int maxLineBytes)
            throws IOException {
        LineReader lines = new LineReader(Files.newInputStream(file), maxLineBytes);
        return switch (format) {
            case JSONL -> new JsonLinesReader(lines, kind);
            case CSV -> {
                if (kind == null) {
                    lines.close();
                    throw new IllegalArgumentException("a CSV file holds one kind of event: say which with --kind");
                }
                yield new CsvEventReader<>(lines, kind, maxLineBytes);
            }
        };
    }
}
