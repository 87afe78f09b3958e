package io.dex.producer.file;

import io.dex.producer.EventKind;
import io.dex.rules.FieldViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads CSV (RFC 4180) holding events of one kind: a header row of field names, then one event per
 * row. Values may be quoted ({@code "a, b"}, {@code ""} for a quote) and quoted values may span lines.
 * An empty unquoted value means the field is absent; blank lines are skipped.
 *
 * @param <V> the event class
 */
final class CsvEventReader<V extends SpecificRecord> extends LineEventReader {

    private final EventKind<V> kind;
    private final int maxRecordChars;
    private List<InputField> columns;

    CsvEventReader(LineReader lines, EventKind<V> kind, int maxRecordChars) {
        super(lines);
        this.kind = kind;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    InputRecord read(Line line) throws IOException {
        if (!line.readable()) {
            if (columns == null) {
                throw new InputFileException(line.number(), new FieldViolation("header", line.error()));
            }
            return lineProblem(line.number(), line.error());
        }
        if (line.text().isBlank()) {
            return null;
        }
        Row row = readRow(line);
        if (columns == null) {
            columns = header(row);
            return null;
        }
        return row.problem == null ? assemble(row) : lineProblem(line.number(), row.problem);
    }

    private List<InputField> header(Row row) {
        if (row.problem != null) {
            throw new InputFileException(row.line, new FieldViolation("header", row.problem));
        }
        List<InputField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Cell cell : row.cells) {
            InputField field = InputField.of(kind, cell.text);
            if (field == null) {
                throw new InputFileException(row.line, new FieldViolation("header",
                        "'" + FieldType.abbreviated(cell.text) + "' is not a field of a " + kind.name() + " event"));
            }
            if (!seen.add(cell.text)) {
                throw new InputFileException(row.line, new FieldViolation("header", "'" + cell.text + "' appears twice"));
            }
            fields.add(field);
        }
        return fields;
    }

    private InputRecord assemble(Row row) {
        if (row.cells.size() != columns.size()) {
            return lineProblem(row.line,
                    "has " + row.cells.size() + " values, the header has " + columns.size() + " columns");
        }
        EventAssembler<V> event = new EventAssembler<>(kind);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.cells.get(i);
            if (cell.quoted || !cell.text.isEmpty()) {
                event.setText(columns.get(i), cell.text);
            }
        }
        return event.result(row.line);
    }

    /** Splits one record, reading further lines while a quoted value is open. */
    private Row readRow(Line first) throws IOException {
        Row row = new Row(first.number());
        StringBuilder value = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean closed = false;
        String text = first.text();
        int chars = text.length();
        for (int i = 0; ; i++) {
            if (i == text.length()) {
                if (!inQuotes) {
                    row.cells.add(new Cell(value.toString(), quoted));
                    return row;
                }
                Line next = lines.next();
                if (next == null) {
                    return row.fail("a quoted value is not closed before the end of the file");
                }
                if (!next.readable()) {
                    return row.fail("line " + next.number() + " of the quoted value " + next.error());
                }
                chars += next.text().length() + 1;
                if (chars > maxRecordChars) {
                    return row.fail("a quoted value runs past the maximum record length of " + maxRecordChars);
                }
                value.append('\n');
                text = next.text();
                i = -1;
                continue;
            }
            char c = text.charAt(i);
            if (inQuotes) {
                if (c != '"') {
                    value.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    closed = true;
                }
            } else if (c == ',') {
                row.cells.add(new Cell(value.toString(), quoted));
                value.setLength(0);
                quoted = false;
                closed = false;
            } else if (closed) {
                return row.fail("value " + (row.cells.size() + 1) + " has text after its closing quote");
            } else if (c == '"') {
                if (value.length() > 0) {
                    return row.fail("value " + (row.cells.size() + 1) + " has a quote but does not start with one");
                }
                inQuotes = true;
                quoted = true;
            } else {
                value.append(c);
            }
        }
    }

    private record Cell(String text, boolean quoted) {
    }

    private static final class Row {
        final long line;
        final List<Cell> cells = new ArrayList<>();
        String problem;

        Row(long line) {
            this.line = line;
        }

        Row fail(String why) {
            problem = why;
            return this;
        }
    }
}
