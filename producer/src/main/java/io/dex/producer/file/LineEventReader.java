package io.dex.producer.file;

import io.dex.rules.FieldViolation;
import java.io.IOException;
import java.util.List;

/**
 * An event file read a line at a time: each format says what one line holds ({@link #read(Line)}),
 * this class walks the lines, counts the bytes read and closes the file.
 */
abstract sealed class LineEventReader implements EventFileReader permits CsvEventReader, JsonLinesReader {

    /** The lines of the file; a format may read further lines for a record spanning several. */
    final LineReader lines;

    LineEventReader(LineReader lines) {
        this.lines = lines;
    }

    /**
     * The record that starts at {@code line}, or null when the line holds none (a blank line, a
     * comment, a header).
     *
     * @throws InputFileException when the file as a whole cannot be read
     */
    abstract InputRecord read(Line line) throws IOException;

    @Override
    public final InputRecord next() throws IOException {
        for (Line line = lines.next(); line != null; line = lines.next()) {
            InputRecord record = read(line);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /** The record of a line that is wrong as a whole: its violation names the field {@code line}. */
    static InputRecord lineProblem(long number, String problem) {
        return problem(number, "line", problem);
    }

    /** The record of a line whose {@code field} is wrong. */
    static InputRecord problem(long number, String field, String problem) {
        return new InputRecord.Invalid(number, List.of(new FieldViolation(field, problem)));
    }

    @Override
    public final long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public final void close() throws IOException {
        lines.close();
    }
}
