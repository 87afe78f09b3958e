package io.dex.producer.file;

import static io.dex.producer.file.Readers.csv;
import static io.dex.producer.file.Readers.event;
import static io.dex.producer.file.Readers.problems;
import static io.dex.producer.file.Readers.problemsByLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.dex.producer.EventKind;
import io.dex.schema.DataProductEvent;
import io.dex.schema.TradeEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CSV input")
class CsvEventReaderTest {

    private static final String TRADE_HEADER =
            "transactionId,productId,sellerId,buyerId,buyerJurisdiction,amount,currency,occurredAt\n";
    private static final String PRODUCT_HEADER = "eventId,eventType,productId,providerId,name,category,deliveryMode,"
            + "classification,personalInfoSubjects,sensitivePersonalInfo,listPrice,currency,occurredAt\n";

    @Test
    @DisplayName("reads one trade per row after the header, decimals at scale 4")
    void trades() throws IOException {
        List<InputRecord> records = csv(TRADE_HEADER
                + "tx-1,p-1,m-1,m-2,CN,12.5,CNY,2026-11-28T09:00:00Z\n"
                + "tx-2,p-1,m-1,m-3,US,0.0001,USD,2026-11-28T10:00:00Z\n", EventKind.TRADE);
        assertThat(records).extracting(InputRecord::line).containsExactly(2L, 3L);
        assertThat(event(records.get(0))).isEqualTo(new TradeEvent("tx-1", "p-1", "m-1", "m-2", "CN",
                new BigDecimal("12.5000"), "CNY", Instant.parse("2026-11-28T09:00:00Z")));
    }

    @Test
    @DisplayName("columns may come in any order; quoted values hold commas, quotes and line breaks")
    void quoting() throws IOException {
        List<InputRecord> records = csv(
                "name,eventType,productId,providerId,category,deliveryMode,classification,"
                        + "personalInfoSubjects,sensitivePersonalInfo,listPrice,currency,occurredAt\n"
                        + "\"Ports, \"\"live\"\"\",LISTED,p-1,m-1,TRANSPORT_LOGISTICS,API,GENERAL,0,false,10,CNY,2026-11-28T09:00:00Z\n"
                        + "\"Two\nlines\",LISTED,p-2,m-1,FINANCE,DATASET,IMPORTANT,5000,true,\"7.25\",CNY,2026-11-28T09:00:00Z\n"
                        + "\"Third\",LISTED,p-3,m-1,FINANCE,DATASET,CORE,0,false,1,CNY,2026-11-28T09:00:00Z\n",
                EventKind.PRODUCT);
        assertThat(records).extracting(InputRecord::line).containsExactly(2L, 3L, 5L);
        assertThat(((DataProductEvent) event(records.get(0))).getName()).isEqualTo("Ports, \"live\"");
        assertThat(((DataProductEvent) event(records.get(1))).getName()).isEqualTo("Two\nlines");
        assertThat(((DataProductEvent) event(records.get(1))).getListPrice()).isEqualTo(new BigDecimal("7.2500"));
    }

    @Test
    @DisplayName("an empty value is an absent field; a quoted empty value is an empty one")
    void emptyValues() throws IOException {
        List<InputRecord> records = csv(PRODUCT_HEADER
                + ",DELISTED,p-1,m-1,,,,,,,,,2026-11-28T09:00:00Z\n"
                + "e,LISTED,p-1,m-1,\"\",FINANCE,API,GENERAL,0,false,1,CNY,2026-11-28T09:00:00Z\n", EventKind.PRODUCT);
        assertThat(records.get(0)).isInstanceOf(InputRecord.Valid.class);
        assertThat(problems(records.get(1))).containsExactly("name: must not be empty or blank");
    }

    @Test
    @DisplayName("values of the wrong type and broken rules are named, with the line")
    void problemsPerField() throws IOException {
        assertThat(problemsByLine(csv(PRODUCT_HEADER
                + "e,LISTED,p-1,m-1,N,FINANCE,API,GENERAL,many,yes,1.00001,CNY,2026-11-28T09:00:00Z\n"
                + "e,LISTED,p 1,m-1,N,FOOD,API,GENERAL,-1,TRUE,1,RMB,yesterday\n", EventKind.PRODUCT))).containsExactly(
                entry(2L, List.of(
                        "personalInfoSubjects: 'many' is not a whole number",
                        "sensitivePersonalInfo: 'yes' is not true or false",
                        "listPrice: must have at most 4 fraction digits, is 1.00001")),
                entry(3L, List.of(
                        "productId: contains '\\u0020' at position 2; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed",
                        "category: 'FOOD' is not one of FINANCE, TRANSPORT_LOGISTICS, TELECOM, ENERGY, MANUFACTURING, "
                                + "HEALTHCARE, ENTERPRISE_CREDIT, PATENTS_IP, TRADE_CUSTOMS, GEOSPATIAL, OTHER",
                        "personalInfoSubjects: must be 0 or more, is -1",
                        "sensitivePersonalInfo: 'TRUE' is not true or false",
                        "currency: 'RMB' is not an ISO 4217 currency code",
                        "occurredAt: 'yesterday' is not an ISO-8601 timestamp with offset (e.g. 2026-11-28T09:00:00Z)")));
    }

    @Test
    @DisplayName("a row with too few or too many values is an error of its line")
    void wrongWidth() throws IOException {
        assertThat(problemsByLine(csv(TRADE_HEADER + "tx-1,p-1\n" + "a,b,c,d,e,f,g,h,i\n", EventKind.TRADE))).containsExactly(
                entry(2L, List.of("line: has 2 values, the header has 8 columns")),
                entry(3L, List.of("line: has 9 values, the header has 8 columns")));
    }

    @Test
    @DisplayName("broken quoting is an error of its line and reading goes on")
    void brokenQuoting() throws IOException {
        List<InputRecord> records = csv(TRADE_HEADER
                + "tx-1,p\"1,m-1,m-2,CN,1,CNY,2026-11-28T09:00:00Z\n"
                + "\"tx-2\"x,p-1,m-1,m-2,CN,1,CNY,2026-11-28T09:00:00Z\n"
                + "tx-3,p-1,m-1,m-2,CN,1,CNY,2026-11-28T09:00:00Z\n"
                + "tx-4,\"p-1,m-1,m-2,CN,1,CNY,2026-11-28T09:00:00Z\n", EventKind.TRADE);
        assertThat(records.get(2)).isInstanceOf(InputRecord.Valid.class);
        assertThat(problemsByLine(records)).containsExactly(
                entry(2L, List.of("line: value 2 has a quote but does not start with one")),
                entry(3L, List.of("line: value 1 has text after its closing quote")),
                entry(4L, List.of()),
                entry(5L, List.of("line: a quoted value is not closed before the end of the file")));
    }

    @Test
    @DisplayName("blank lines are skipped and do not shift line numbers")
    void blankLines() throws IOException {
        List<InputRecord> records = csv("\n" + TRADE_HEADER + "\n  \n"
                + "tx-1,p-1,m-1,m-2,CN,1,CNY,2026-11-28T09:00:00Z\r\n", EventKind.TRADE);
        assertThat(records).extracting(InputRecord::line).containsExactly(5L);
    }

    @Test
    @DisplayName("a header naming an unknown or repeated field makes the file unreadable")
    void badHeader() {
        assertThatThrownBy(() -> csv("transactionId,price\n", EventKind.TRADE))
                .isInstanceOfSatisfying(InputFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.violation()).hasToString("header: 'price' is not a field of a trade event");
                });
        assertThatThrownBy(() -> csv("\ncurrency,currency\n", EventKind.FX))
                .isInstanceOfSatisfying(InputFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.violation()).hasToString("header: 'currency' appears twice");
                });
    }

    @Test
    @DisplayName("a CSV file needs its kind")
    void needsKind(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("trades.csv"), TRADE_HEADER);
        assertThatThrownBy(() -> EventFileReader.open(file, InputFormat.CSV, null, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kind");
        assertThat(InputFormat.forFile(file)).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.forFile(dir.resolve("events.jsonl"))).isEqualTo(InputFormat.JSONL);
    }
}
