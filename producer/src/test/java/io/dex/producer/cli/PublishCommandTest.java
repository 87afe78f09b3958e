package io.dex.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.producer.EventKind;
import io.dex.producer.JsonLinesFile;
import io.dex.producer.TopicContents;
import io.dex.producer.simulation.MarketEventGenerator;
import io.dex.producer.simulation.SimulatedEvent;
import io.dex.producer.simulation.SimulationSettings;
import io.dex.producer.simulation.TradeFlaw;
import io.dex.schema.DataProductEvent;
import io.dex.schema.FxRate;
import io.dex.schema.TradeEvent;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.topics.ExchangeTopic;
import io.dex.topics.ExchangeTopics;
import io.dex.topics.TopicLayout;
import io.dex.topics.TopicProvisioner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExchangeIntegrationTest
@DisplayName("dex publish against a real cluster and registry")
class PublishCommandTest {

    private static final List<ExchangeTopic<?>> TOPICS =
            List.of(ExchangeTopics.DATA_PRODUCTS, ExchangeTopics.TRADES, ExchangeTopics.FX_RATES);
    private static final String PRODUCT = "{\"kind\":\"product\",\"eventType\":\"LISTED\",\"productId\":\"p-json\","
            + "\"providerId\":\"m-1\",\"name\":\"Freight rates\",\"category\":\"TRANSPORT_LOGISTICS\","
            + "\"deliveryMode\":\"API\",\"classification\":\"GENERAL\",\"personalInfoSubjects\":0,"
            + "\"sensitivePersonalInfo\":false,\"listPrice\":\"99.5\",\"currency\":\"CNY\","
            + "\"occurredAt\":\"2026-11-28T09:00:00+08:00\"}";

    @TempDir
    Path dir;

    @BeforeAll
    static void topics(ExchangeTestCluster cluster) {
        new TopicProvisioner(cluster.admin()).create(TOPICS, new TopicLayout(3, (short) 1));
    }

    private static CommandRun publish(ExchangeTestCluster cluster, Path file, String... more) {
        return CommandRun.against(new PublishCommand(), cluster.bootstrapServers(), cluster.schemaRegistryUrl(),
                PublishCommandValidationTest.withFile(file, more));
    }

    private static long[] counts(ExchangeTestCluster cluster) {
        return TOPICS.stream().mapToLong(topic -> TopicContents.count(cluster.bootstrapServers(), topic)).toArray();
    }

    @Test
    @DisplayName("publishes a JSON Lines file of every kind; the records read back equal the input")
    void jsonLines(ExchangeTestCluster cluster) throws IOException {
        Path file = JsonLinesFile.write(dir.resolve("events.jsonl"), List.of(
                "# opening rates",
                PublishCommandValidationTest.FX,
                "",
                PRODUCT,
                PublishCommandValidationTest.TRADE.replace("\"p-1\"", "\"p-json\"").replace("\"tx-1\"", "\"tx-json\"")));
        long[] before = counts(cluster);
        long publishedFrom = System.currentTimeMillis();
        CommandRun run = publish(cluster, file);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(run.out()).contains("published 3 events (fx 1, product 1, trade 1); rejected 0 invalid lines");
        assertThat(counts(cluster)).containsExactly(before[0] + 1, before[1] + 1, before[2] + 1);

        ConsumerRecord<String, TradeEvent> trade = last(cluster, ExchangeTopics.TRADES, "tx-json");
        assertThat(trade.key()).isEqualTo("p-json");
        // exchange.trades is stamped on append, where the end-to-end latency starts.
        assertThat(trade.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(trade.timestamp()).isBetween(publishedFrom, System.currentTimeMillis());
        assertThat(trade.value()).isEqualTo(new TradeEvent("tx-json", "p-json", "m-1", "m-2", "CN",
                new BigDecimal("10.0000"), "CNY", Instant.parse("2026-11-28T09:00:00Z")));
        List<ConsumerRecord<String, DataProductEvent>> products = TopicContents.read(
                cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.DATA_PRODUCTS);
        assertThat(products).filteredOn(r -> r.key().equals("p-json")).singleElement().satisfies(record -> {
            assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-28T01:00:00Z").toEpochMilli());
            assertThat(record.value().getListPrice()).isEqualTo(new BigDecimal("99.5000"));
            assertThat(record.value().getEventId()).isNotBlank();
        });
        assertThat(TopicContents.read(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.FX_RATES))
                .extracting(ConsumerRecord::key).contains("USD");
    }

    private static ConsumerRecord<String, TradeEvent> last(ExchangeTestCluster cluster, ExchangeTopic<TradeEvent> topic,
            String transactionId) {
        return TopicContents.read(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), topic).stream()
                .filter(r -> r.value().getTransactionId().equals(transactionId)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    @DisplayName("publishes a CSV file of trades")
    void csv(ExchangeTestCluster cluster) throws IOException {
        Path file = Files.writeString(dir.resolve("trades.csv"),
                "transactionId,productId,sellerId,buyerId,buyerJurisdiction,amount,currency,occurredAt\n"
                        + "tx-csv-1,p-csv,m-1,m-2,CN,12.5,CNY,2026-11-28T09:00:00Z\n"
                        + "\"tx-csv-2\",p-csv,m-1,m-3,US,\"7\",USD,2026-11-28T09:01:00Z\n");
        CommandRun run = publish(cluster, file, "--kind", "trade");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(run.out()).contains("published 2 events (trade 2)");
        assertThat(last(cluster, ExchangeTopics.TRADES, "tx-csv-2").value().getAmount()).isEqualTo(new BigDecimal("7.0000"));
    }

    @Test
    @DisplayName("publishes nothing at all when one line is invalid; --skip-invalid publishes the rest")
    void allOrNothing(ExchangeTestCluster cluster) throws IOException {
        Path file = JsonLinesFile.write(dir.resolve("mixed.jsonl"), List.of(
                PublishCommandValidationTest.FX,
                PRODUCT.replace("p-json", "p-mixed"),
                PublishCommandValidationTest.TRADE.replace("\"CNY\"", "\"RMB\"")));
        long[] before = counts(cluster);
        CommandRun refused = publish(cluster, file);
        assertThat(refused.exitCode()).isEqualTo(PublishCommand.INVALID_INPUT);
        assertThat(refused.err()).contains(file + ":3: currency: 'RMB' is not an ISO 4217 currency code");
        assertThat(counts(cluster)).containsExactly(before);

        CommandRun skipping = publish(cluster, file, "--skip-invalid");
        assertThat(skipping.exitCode()).as(skipping.err()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(skipping.out()).contains("published 2 events (fx 1, product 1); rejected 1 invalid lines");
        assertThat(counts(cluster)).containsExactly(before[0] + 1, before[1], before[2] + 1);
    }

    @Test
    @DisplayName("a missing topic exits 2 naming it, before anything is published")
    void missingTopic(ExchangeTestCluster cluster) throws Exception {
        ExchangeTopic<?> topic = ExchangeTopics.FX_RATES;
        cluster.admin().deleteTopics(List.of(topic.name())).all().get();
        try {
            Path file = JsonLinesFile.write(dir.resolve("fx.jsonl"), List.of(PublishCommandValidationTest.FX));
            CommandRun run = publish(cluster, file);
            assertThat(run.exitCode()).isEqualTo(PublishCommand.UNREACHABLE);
            assertThat(run.err()).contains("lacks the topics [" + topic.name() + "]");
        } finally {
            new TopicProvisioner(cluster.admin()).create(List.of(topic), new TopicLayout(3, (short) 1));
        }
    }

    @Test
    @DisplayName("publishes a generated 100,000-line file and reports its rate")
    void hundredThousandLines(ExchangeTestCluster cluster) throws IOException {
        Path file = dir.resolve("market.jsonl");
        MarketEventGenerator generator = new MarketEventGenerator(new SimulationSettings(100, 5000, 11, 0.2, 0),
                Instant.parse("2026-11-28T01:00:00Z"), 5000);
        try (BufferedWriter writer = JsonLinesFile.writer(file)) {
            for (int i = 0; i < 100_000; i++) {
                SimulatedEvent<?> event = generator.next();
                assertThat(event.flaw()).isEqualTo(TradeFlaw.NONE);
                writer.write(JsonLinesFile.line(event.kind(), event.event()));
                writer.newLine();
            }
        }
        long[] before = counts(cluster);
        CommandRun run = publish(cluster, file);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(PublishCommand.PUBLISHED);
        Matcher summary = Pattern.compile("published 100,000 events \\(fx (\\d+), product ([\\d,]+), trade ([\\d,]+)\\)"
                + ".*; validated in [\\d.]+ s, published in ([\\d.]+) s: ([\\d,]+) events/s").matcher(run.out());
        assertThat(summary.find()).as(run.out()).isTrue();
        long[] after = counts(cluster);
        assertThat(after[0] - before[0]).isEqualTo(Long.parseLong(summary.group(2).replace(",", "")));
        assertThat(after[1] - before[1]).isEqualTo(Long.parseLong(summary.group(3).replace(",", "")));
        assertThat(after[2] - before[2]).isEqualTo(Long.parseLong(summary.group(1)));
        System.out.printf("dex publish of %s (%,d bytes): %s", file.getFileName(), Files.size(file), run.out());
    }

    /** Keeps the FX rate type in the reading helpers' signatures honest. */
    @Test
    @DisplayName("FX rates are keyed by currency")
    void fxKey(ExchangeTestCluster cluster) throws IOException {
        Path file = JsonLinesFile.write(dir.resolve("eur.jsonl"), List.of(JsonLinesFile.line(EventKind.FX,
                new FxRate("EUR", new BigDecimal("7.7"), Instant.parse("2026-11-28T00:00:00Z")))));
        assertThat(publish(cluster, file).exitCode()).isEqualTo(PublishCommand.PUBLISHED);
        assertThat(TopicContents.read(cluster.bootstrapServers(), cluster.schemaRegistryUrl(), ExchangeTopics.FX_RATES))
                .filteredOn(r -> r.key().equals("EUR")).singleElement()
                .satisfies(r -> assertThat(r.value().getCnyPerUnit()).isEqualTo(new BigDecimal("7.70000000")));
    }
}
