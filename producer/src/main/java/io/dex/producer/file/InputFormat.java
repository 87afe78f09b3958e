package io.dex.producer.file;

import java.nio.file.Path;
import java.util.Locale;

/** How an input file is written. */
public enum InputFormat {
    /** One JSON object per line with a {@code kind} key. */
    JSONL,
    /** A header row of field names, then one event of a single kind per row. */
    CSV;

    /** The format a file's name suggests: CSV for {@code .csv}, JSON Lines otherwise. */
    public static InputFormat forFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }
}
