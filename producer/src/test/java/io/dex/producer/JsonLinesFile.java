package io.dex.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Writes events as a JSON Lines input file, written independently of the readers under test. */
public final class JsonLinesFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesFile() {
    }

    /** One JSON line for {@code event} of {@code kind}: decimals and timestamps as strings, nulls left out. */
    public static String line(EventKind<?> kind, SpecificRecord event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", kind.name());
        for (Schema.Field field : event.getSchema().getFields()) {
            Object value = event.get(field.pos());
            if (value instanceof BigDecimal decimal) {
                node.put(field.name(), decimal.toPlainString());
            } else if (value instanceof Instant instant) {
                node.put(field.name(), instant.toString());
            } else if (value instanceof Long number) {
                node.put(field.name(), number);
            } else if (value instanceof Boolean flag) {
                node.put(field.name(), flag);
            } else if (value != null) {
                node.put(field.name(), value.toString());
            }
        }
        return node.toString();
    }

    /** Writes {@code lines} to {@code file}. */
    public static Path write(Path file, List<String> lines) {
        try {
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writer of a large file, one line at a time. */
    public static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
