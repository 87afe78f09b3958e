package io.dex.producer.file;

import static io.dex.producer.file.Readers.FX;
import static io.dex.producer.file.Readers.PRODUCT;
import static io.dex.producer.file.Readers.TRADE;
import static io.dex.producer.file.Readers.event;
import static io.dex.producer.file.Readers.jsonLines;
import static io.dex.producer.file.Readers.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.dex.producer.EventKind;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("JSON Lines input")
class JsonLinesReaderTest {

    private static InputRecord only(String line) throws IOException {
        List<InputRecord> records = jsonLines(line);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static List<String> problemsOf(String line) throws IOException {
        return problems(only(line));
    }

    private static String trade(String replace, String with) {
        assertThat(TRADE).contains(replace);
        return TRADE.replace(replace, with);
    }

    /** The problems of {@code event} once its {@code field} holds the JSON value {@code json}. */
    private static List<String> problemsWith(String event, String field, String json) throws IOException {
        String line = event.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", "\"" + field + "\":" + json);
        assertThat(line).isNotEqualTo(event);
        return problemsOf(line);
    }

    @Test
    @DisplayName("reads a product with every field, decimals at scale 4")
    void product() throws IOException {
        InputRecord record = only(PRODUCT);
        assertThat(record).isInstanceOf(InputRecord.Valid.class);
        assertThat(((InputRecord.Valid<?>) record).kind()).isEqualTo(EventKind.PRODUCT);
        assertThat(event(record)).isEqualTo(new DataProductEvent("ev-1", DataProductEventType.LISTED, "prod-1",
                "member-1", "Port arrivals", Category.TRANSPORT_LOGISTICS, DeliveryMode.API, Classification.GENERAL,
                0L, false, new BigDecimal("99.5000"), "CNY", Instant.parse("2026-11-28T09:00:00Z")));
        assertThat(((DataProductEvent) event(record)).getListPrice().scale()).isEqualTo(4);
    }

    @Test
    @DisplayName("reads a trade, converting an offset timestamp to the instant and the amount to scale 4")
    void trade() throws IOException {
        assertThat(event(only(TRADE))).isEqualTo(new TradeEvent("tx-1", "prod-1", "member-1", "member-2", "SG",
                new BigDecimal("1200.5000"), "USD", Instant.parse("2026-11-28T01:30:00.123Z")));
    }

    @Test
    @DisplayName("reads an FX rate at scale 8")
    void fx() throws IOException {
        FxRate rate = (FxRate) event(only(FX));
        assertThat(rate.getCnyPerUnit()).isEqualTo(new BigDecimal("7.12340000"));
        assertThat(rate.getEffectiveAt()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    @DisplayName("generates an eventId when a product event has none")
    void generatedEventId() throws IOException {
        DataProductEvent event = (DataProductEvent) event(only(PRODUCT.replace("\"eventId\":\"ev-1\",", "")));
        assertThat(event.getEventId()).matches("[0-9a-f-]{36}");
    }

    @Test
    @DisplayName("skips blank lines and # comments, keeping the file's line numbers")
    void skipsBlankAndComments() throws IOException {
        List<InputRecord> records = jsonLines("# rates first\n\n   \n" + FX + "\n  # products\n" + PRODUCT + "\r\n" + TRADE);
        assertThat(records).extracting(InputRecord::line).containsExactly(4L, 6L, 7L);
    }

    @Test
    @DisplayName("a JSON null is an absent field")
    void nullIsAbsent() throws IOException {
        assertThat(problemsOf(trade("\"buyerId\":\"member-2\"", "\"buyerId\":null")))
                .containsExactly("buyerId: is required");
    }

    @Test
    @DisplayName("a DELISTED event needs only the ids and occurredAt")
    void delisted() throws IOException {
        InputRecord record = only("{\"kind\":\"product\",\"eventType\":\"DELISTED\",\"productId\":\"p\","
                + "\"providerId\":\"m\",\"occurredAt\":\"2026-11-28T09:00:00Z\"}");
        assertThat(record).isInstanceOf(InputRecord.Valid.class);
    }

    @Test
    @DisplayName("uses the default kind for lines without one; a line's own kind wins")
    void defaultKind() throws IOException {
        List<InputRecord> records = jsonLines(TRADE.replace("\"kind\":\"trade\",", "") + "\n" + FX, EventKind.TRADE);
        assertThat(records).allSatisfy(record -> assertThat(record).isInstanceOf(InputRecord.Valid.class));
        assertThat(event(records.get(1))).isInstanceOf(FxRate.class);
    }

    @Test
    @DisplayName("a line without kind (and no default) names the kinds")
    void missingKind() throws IOException {
        assertThat(problemsOf(TRADE.replace("\"kind\":\"trade\",", "")))
                .containsExactly("kind: is required (one of fx, product, trade)");
    }

    @Test
    @DisplayName("an unknown kind is refused")
    void unknownKind() throws IOException {
        assertThat(problemsOf(TRADE.replace("\"kind\":\"trade\"", "\"kind\":\"order\"")))
                .containsExactly("kind: 'order' is not one of fx, product, trade");
        assertThat(problemsOf(TRADE.replace("\"kind\":\"trade\"", "\"kind\":3")))
                .containsExactly("kind: '3' is not one of fx, product, trade");
    }

    @Test
    @DisplayName("truncated JSON is an error of the line, with its column")
    void truncated() throws IOException {
        String truncated = TRADE.substring(0, 60);
        assertThat(problemsOf(truncated)).singleElement().asString()
                .startsWith("line: is not valid JSON (column ")
                .contains("end-of-input");
    }

    @Test
    @DisplayName("garbage, trailing tokens, duplicate keys and non-objects are errors of the line")
    void notAnObject() throws IOException {
        assertThat(problemsOf("hello")).singleElement().asString().startsWith("line: is not valid JSON");
        assertThat(problemsOf(FX + " {}")).singleElement().asString().startsWith("line: is not valid JSON");
        assertThat(problemsOf(FX.replace("}", ",\"currency\":\"EUR\"}"))).singleElement().asString()
                .startsWith("line: is not valid JSON").contains("Duplicate field 'currency'");
        assertThat(problemsOf("[1,2]")).containsExactly("line: must be a JSON object, is an array");
        assertThat(problemsOf("42")).containsExactly("line: must be a JSON object, is the number 42");
    }

    @Test
    @DisplayName("unknown keys are named")
    void unknownKeys() throws IOException {
        assertThat(problemsOf(trade("\"amount\"", "\"price\":\"1\",\"amount\"")))
                .containsExactly("price: is not a field of a trade event");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "amount|1200.50|amount: must be a JSON string (decimals are written \"1200.50\"), is the number 1200.50",
        "amount|\"12x\"|amount: '12x' is not a decimal number",
        "amount|\"-1\"|amount: must be greater than 0, is -1",
        "amount|\"1.23456\"|amount: must have at most 4 fraction digits, is 1.23456",
        "amount|\"1000000000000\"|amount: must be below 1000000000000, is 1000000000000",
        "buyerId|42|buyerId: must be a JSON string, is the number 42",
        "buyerId|{}|buyerId: must be a JSON string, is an object",
        "buyerId|\"a b\"|buyerId: contains '\\u0020' at position 2; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed",
        "buyerJurisdiction|\"XX\"|buyerJurisdiction: 'XX' is not an ISO 3166-1 alpha-2 country code",
        "currency|\"XYZ\"|currency: 'XYZ' is not an ISO 4217 currency code",
        "occurredAt|\"2026-11-28 09:00\"|occurredAt: '2026-11-28 09:00' is not an ISO-8601 timestamp with offset (e.g. 2026-11-28T09:00:00Z)",
        "occurredAt|\"2026-11-28T09:00:00\"|occurredAt: '2026-11-28T09:00:00' is not an ISO-8601 timestamp with offset (e.g. 2026-11-28T09:00:00Z)",
        "occurredAt|\"2026-11-28T09:00:00.0001Z\"|occurredAt: '2026-11-28T09:00:00.0001Z' is more precise than milliseconds",
        "occurredAt|\"1969-12-31T23:59:59Z\"|occurredAt: must not be before 1970-01-01T00:00:00Z",
        "occurredAt|\"+999999999-12-31T23:59:59Z\"|occurredAt: '+999999999-12-31T23:59:59Z' is beyond the range of millisecond timestamps",
        "occurredAt|1764320400000|occurredAt: must be a JSON string, is the number 1764320400000",
    })
    @DisplayName("a trade field of the wrong type or breaking a rule is named with its problem")
    void tradeFieldProblems(String field, String json, String expected) throws IOException {
        assertThat(problemsWith(TRADE, field, json)).containsExactly(expected);
    }

    @Test
    @DisplayName("an event time more than an hour ahead of this machine's clock is refused, as the exchange would")
    void farAhead() throws IOException {
        Instant ahead = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant soon = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(problemsWith(TRADE, "occurredAt", "\"" + ahead + "\"")).singleElement().asString()
                .startsWith("occurredAt: is " + ahead + ", more than 1 h after this machine's clock (");
        assertThat(problemsWith(FX, "effectiveAt", "\"" + ahead + "\"")).singleElement().asString()
                .startsWith("effectiveAt: is " + ahead + ", more than 1 h after this machine's clock (");
        assertThat(((TradeEvent) event(only(trade("2026-11-28T09:30:00.123+08:00", soon.toString())))).getOccurredAt())
                .as("within the hour: read as it is").isEqualTo(soon);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "personalInfoSubjects|\"5\"|personalInfoSubjects: must be a whole number, is the string '5'",
        "personalInfoSubjects|1.5|personalInfoSubjects: must be a whole number, is the number 1.5",
        "personalInfoSubjects|99999999999999999999|personalInfoSubjects: must be a whole number, is the number 99999999999999999999",
        "personalInfoSubjects|-3|personalInfoSubjects: must be 0 or more, is -3",
        "sensitivePersonalInfo|\"false\"|sensitivePersonalInfo: must be true or false, is the string 'false'",
        "sensitivePersonalInfo|0|sensitivePersonalInfo: must be true or false, is the number 0",
        "category|\"FOOD\"|category: 'FOOD' is not one of FINANCE, TRANSPORT_LOGISTICS, TELECOM, ENERGY, MANUFACTURING, HEALTHCARE, ENTERPRISE_CREDIT, PATENTS_IP, TRADE_CUSTOMS, GEOSPATIAL, OTHER",
        "deliveryMode|\"UNKNOWN\"|deliveryMode: 'UNKNOWN' is not one of API, DATASET, DATA_REPORT, MODEL, APPLICATION",
        "eventType|\"listed\"|eventType: 'listed' is not one of LISTED, UPDATED, DELISTED",
        "name|\"\"|name: must not be empty or blank",
        "listPrice|\"0\"|listPrice: must be greater than 0, is 0",
    })
    @DisplayName("a product field of the wrong type or breaking a rule is named with its problem")
    void productFieldProblems(String field, String json, String expected) throws IOException {
        assertThat(problemsWith(PRODUCT, field, json)).containsExactly(expected);
    }

    @Test
    @DisplayName("every problem of a line is reported, in schema order, without repeating a field")
    void severalProblems() throws IOException {
        String line = "{\"kind\":\"trade\",\"amount\":7,\"bogus\":1,\"productId\":\"p 1\","
                + "\"currency\":\"USD\",\"occurredAt\":\"2026-11-28T09:00:00Z\"}";
        assertThat(problemsOf(line)).containsExactly(
                "bogus: is not a field of a trade event",
                "transactionId: is required",
                "productId: contains '\\u0020' at position 2; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed",
                "sellerId: is required",
                "buyerId: is required",
                "buyerJurisdiction: is required",
                "amount: must be a JSON string (decimals are written \"1200.50\"), is the number 7");
    }

    @Test
    @DisplayName("an FX rate for CNY other than 1 is refused")
    void cnyRate() throws IOException {
        assertThat(problemsOf(FX.replace("USD", "CNY"))).containsExactly("cnyPerUnit: must be 1 for CNY, is 7.1234");
    }

    @Test
    @DisplayName("an unreadable line is reported and reading goes on")
    void unreadableLine() throws IOException {
        byte[] latin1 = ("{\"kind\":\"fx\",\"currency\":\"\u00ff\"}\n" + FX).getBytes(StandardCharsets.ISO_8859_1);
        List<InputRecord> records = Readers.all(new JsonLinesReader(
                new LineReader(new ByteArrayInputStream(latin1), 1000), null));
        assertThat(records).hasSize(2);
        assertThat(problems(records.get(0))).containsExactly(
                "line: is not valid UTF-8 (byte 0xFF at byte 26 of the line)");
        assertThat(records.get(1)).isInstanceOf(InputRecord.Valid.class);
    }
}
