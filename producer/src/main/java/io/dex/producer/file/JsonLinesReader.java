package io.dex.producer.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dex.producer.EventKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads JSON Lines: one object per line, {@code "kind"} naming the event kind and the other keys the
 * event's fields. Decimals and timestamps are JSON strings. Blank lines and lines starting with
 * {@code #} are skipped.
 */
final class JsonLinesReader extends LineEventReader {

    static final String KIND = "kind";
    private static final int MAX_MESSAGE = 160;
    private static final String KINDS = EventKind.ALL.stream().map(EventKind::name).collect(Collectors.joining(", "));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final EventKind<?> defaultKind;

    JsonLinesReader(LineReader lines, EventKind<?> defaultKind) {
        super(lines);
        this.defaultKind = defaultKind;
    }

    @Override
    InputRecord read(Line line) {
        if (!line.readable()) {
            return lineProblem(line.number(), line.error());
        }
        String text = line.text().strip();
        return text.isEmpty() || text.startsWith("#") ? null : parse(line.number(), text);
    }

    private InputRecord parse(long number, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return lineProblem(number, "is not valid JSON (column " + e.getLocation().getColumnNr() + "): "
                    + conciseMessage(e));
        }
        if (!node.isObject()) {
            return lineProblem(number, "must be a JSON object, is " + describe(node));
        }
        JsonNode kindNode = node.get(KIND);
        Optional<EventKind<?>> kind;
        if (kindNode == null || kindNode.isNull()) {
            if (defaultKind == null) {
                return problem(number, KIND, "is required (one of " + KINDS + ")");
            }
            kind = Optional.of(defaultKind);
        } else {
            kind = kindNode.isTextual() ? EventKind.named(kindNode.asText()) : Optional.empty();
            if (kind.isEmpty()) {
                return problem(number, KIND, "'" + FieldType.abbreviated(kindNode.asText()) + "' is not one of " + KINDS);
            }
        }
        return assemble(number, kind.get(), node);
    }

    private static <V extends SpecificRecord> InputRecord assemble(long number, EventKind<V> kind, JsonNode node) {
        EventAssembler<V> event = new EventAssembler<>(kind);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equals(KIND)) {
                continue;
            }
            InputField field = InputField.of(kind, entry.getKey());
            if (field == null) {
                event.reject(FieldType.abbreviated(entry.getKey()), "is not a field of a " + kind.name() + " event");
            } else if (!entry.getValue().isNull()) {
                set(event, field, entry.getValue());
            }
        }
        return event.result(number);
    }

    private static void set(EventAssembler<?> event, InputField field, JsonNode value) {
        FieldType type = field.type();
        switch (type) {
            case WHOLE_NUMBER -> {
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    event.set(field, value.longValue());
                } else {
                    event.reject(field.name(), "must be a whole number, is " + describe(value));
                }
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    event.set(field, value.booleanValue());
                } else {
                    event.reject(field.name(), "must be true or false, is " + describe(value));
                }
            }
            default -> {
                if (value.isTextual()) {
                    event.setText(field, value.textValue());
                } else {
                    event.reject(field.name(), "must be a JSON string"
                            + (type == FieldType.DECIMAL ? " (decimals are written \"1200.50\")" : "")
                            + ", is " + describe(value));
                }
            }
        }
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string '" + FieldType.abbreviated(value.textValue()) + "'";
            case NUMBER -> "the number " + FieldType.abbreviated(value.asText());
            case BOOLEAN -> value.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String conciseMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (start marker");
        if (cut < 0) {
            cut = message.indexOf('\n');
        }
        message = cut < 0 ? message : message.substring(0, cut);
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
