package io.dex.producer.file;

import io.dex.producer.EventKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads test input held in memory. */
final class Readers {

    static final String PRODUCT = "{\"kind\":\"product\",\"eventId\":\"ev-1\",\"eventType\":\"LISTED\","
            + "\"productId\":\"prod-1\",\"providerId\":\"member-1\",\"name\":\"Port arrivals\","
            + "\"category\":\"TRANSPORT_LOGISTICS\",\"deliveryMode\":\"API\",\"classification\":\"GENERAL\","
            + "\"personalInfoSubjects\":0,\"sensitivePersonalInfo\":false,\"listPrice\":\"99.5\","
            + "\"currency\":\"CNY\",\"occurredAt\":\"2026-11-28T09:00:00Z\"}";
    static final String TRADE = "{\"kind\":\"trade\",\"transactionId\":\"tx-1\",\"productId\":\"prod-1\","
            + "\"sellerId\":\"member-1\",\"buyerId\":\"member-2\",\"buyerJurisdiction\":\"SG\","
            + "\"amount\":\"1200.50\",\"currency\":\"USD\",\"occurredAt\":\"2026-11-28T09:30:00.123+08:00\"}";
    static final String FX = "{\"kind\":\"fx\",\"currency\":\"USD\",\"cnyPerUnit\":\"7.1234\","
            + "\"effectiveAt\":\"2026-11-28T00:00:00Z\"}";

    private Readers() {
    }

    static List<InputRecord> jsonLines(String text) throws IOException {
        return jsonLines(text, null);
    }

    static List<InputRecord> jsonLines(String text, EventKind<?> defaultKind) throws IOException {
        return all(new JsonLinesReader(lines(text), defaultKind));
    }

    static List<InputRecord> csv(String text, EventKind<?> kind) throws IOException {
        return all(new CsvEventReader<>(lines(text), kind, 1000));
    }

    static LineReader lines(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);
    }

    static List<InputRecord> all(EventFileReader reader) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        try (reader) {
            for (InputRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    /** The problems of an invalid record, as {@code field: problem}. */
    static List<String> problems(InputRecord record) {
        return ((InputRecord.Invalid) record).violations().stream().map(Object::toString).toList();
    }

    /** The problems of each record by its line, in file order; a valid record has none. */
    static Map<Long, List<String>> problemsByLine(List<InputRecord> records) {
        Map<Long, List<String>> byLine = new LinkedHashMap<>();
        for (InputRecord record : records) {
            byLine.put(record.line(), record instanceof InputRecord.Valid<?> ? List.of() : problems(record));
        }
        return byLine;
    }

    /** The event of a valid record. */
    static Object event(InputRecord record) {
        return ((InputRecord.Valid<?>) record).event();
    }
}
