package io.dex.streams;

import static io.dex.streams.ApiResponses.body;
import static io.dex.streams.ApiResponses.get;
import static io.dex.streams.ApiResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dex.producer.ExchangePublisher;
import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeliveryMode;
import io.dex.schema.TradeEvent;
import io.dex.streams.query.QueryableStores;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import io.dex.streams.watch.WatchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * Every endpoint of the HTTP API against the real topology, on two instances sharing three
 * partitions. The expected figures are worked out by hand from the events below.
 */
@ExchangeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The HTTP API of two Streams instances")
class OperatorsApiTest {

    private static final List<String> PRODUCTS = List.of("P-FIN-1", "P-FIN-2", "P-ENE-1", "P-HEA-1", "P-OLD");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunningExchange exchange;

    @BeforeAll
    void startAndPublish(ExchangeTestCluster cluster) throws Exception {
        exchange = RunningExchange.start(cluster, "operators-api-test", 3, 2);
        ExchangePublisher publisher = exchange.publisher();
        publisher.publishFxRate(Events.rate("USD", "7.1")).get(30, TimeUnit.SECONDS);
        publisher.publishProduct(Events.listed("P-FIN-1", "M-A", Category.FINANCE).build());
        publisher.publishProduct(Events.listed("P-FIN-2", "M-A", Category.FINANCE).setClassification(Classification.IMPORTANT)
                .setDeliveryMode(DeliveryMode.DATASET).setPersonalInfoSubjects(5_000L).build());
        publisher.publishProduct(Events.listed("P-ENE-1", "M-B", Category.ENERGY).setDeliveryMode(DeliveryMode.MODEL)
                .setPersonalInfoSubjects(200_000L).build());
        publisher.publishProduct(Events.listed("P-HEA-1", "M-B", Category.HEALTHCARE).setClassification(Classification.CORE).build());
        publisher.publishProduct(Events.listed("P-OLD", "M-C", Category.TELECOM).setDeliveryMode(DeliveryMode.DATA_REPORT).build());
        publisher.publishProduct(Events.as(Events.listed("P-OLD", "M-C", Category.TELECOM), DataProductEventType.DELISTED).build());
        publisher.flush();
        // Trades are judged against the product state as of their processing: let the listings land first.
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> listedProducts(url(0)) == 4);

        publisher.publishTrade(trade("T1", "P-FIN-1", "M-A", "M-B", "CN", "100", "CNY", 0));
        publisher.publishTrade(trade("T2", "P-FIN-1", "M-A", "M-C", "US", "10", "USD", 0));
        publisher.publishTrade(trade("T3", "P-FIN-2", "M-A", "M-B", "SG", "200", "CNY", 0));
        publisher.publishTrade(trade("T4", "P-ENE-1", "M-B", "M-A", "DE", "50", "CNY", 0));
        publisher.publishTrade(trade("T5", "P-HEA-1", "M-B", "M-C", "US", "30", "USD", 0));
        publisher.publishTrade(trade("T6", "P-ENE-1", "M-B", "M-E", "CN", "1000.5", "CNY", 2));
        publisher.publishTrade(trade("T1", "P-FIN-1", "M-A", "M-B", "CN", "100", "CNY", 0));
        publisher.publishTrade(trade("T8", "P-NOPE", "M-A", "M-B", "CN", "1", "CNY", 0));
        publisher.publishTrade(trade("T9", "P-OLD", "M-C", "M-B", "CN", "1", "CNY", 0));
        // A day late: in the running totals, left out of its closed window and trading day.
        publisher.publishTrade(trade("T10", "P-FIN-1", "M-A", "M-B", "CN", "9", "CNY", -24 * 60));
        publisher.flush();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> summary = get(url(0), "/api/v1/summary");
            return summary.statusCode() == 200 && body(summary).path("trades").asLong() == 6
                    && body(summary).path("deadLetters").asLong() == 4
                    && body(get(url(0), "/api/v1/compliance")).path("byOutcome").path("BLOCKED").path("trades").asLong() == 1;
        });
    }

    @AfterAll
    void stop() {
        exchange.close();
    }

    private static TradeEvent trade(String id, String product, String seller, String buyer, String jurisdiction,
                                    String amount, String currency, int minutesAfterT0) {
        return Events.trade(id, product, seller, buyer, amount).setBuyerJurisdiction(jurisdiction).setCurrency(currency)
                .setAmount(new BigDecimal(amount).setScale(4)).setOccurredAt(Events.T0.plus(Duration.ofMinutes(minutesAfterT0)))
                .build();
    }

    private URI url(int instance) {
        return exchange.url(instance);
    }

    private static long listedProducts(URI base) {
        HttpResponse<String> counts = get(base, "/api/v1/product-counts");
        return counts.statusCode() == 200 ? body(counts).path("total").asLong() : -1;
    }

    /**
     * Both instances answer {@code path} with status 200 and {@code expected}, once the aggregates
     * have caught up (each aggregate is updated on its own, so they become consistent one by one).
     */
    private void assertAnswer(String path, String expected) {
        for (int instance = 0; instance < 2; instance++) {
            URI base = url(instance);
            String name = "instance " + instance + ": " + path;
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        HttpResponse<String> response = get(base, path);
                        assertThat(response.statusCode()).as("%s -> %s", name, response.body()).isEqualTo(200);
                        assertThat(body(response)).as(name).isEqualTo(json(expected));
                    });
        }
    }

    /** Both instances answer {@code path} with {@code status} and an error message. */
    private void assertError(String path, int status) {
        for (int instance = 0; instance < 2; instance++) {
            HttpResponse<String> response = get(url(instance), path);
            assertThat(response.statusCode()).as("instance %d: %s -> %s", instance, path, response.body()).isEqualTo(status);
            assertThat(body(response).path("error").asText()).as(path).isNotBlank();
        }
    }

    @Test
    @DisplayName("each instance holds some of the products' partitions, and answers for those the other holds")
    void keysOnBothInstances() {
        Set<HostInfo> owners = new HashSet<>();
        Set<Integer> partitions = new HashSet<>();
        for (String product : PRODUCTS) {
            KeyQueryMetadata metadata = exchange.streams(0).queryMetadataForKey(
                    QueryableStores.PRODUCT_VOLUMES.name(), product, new StringSerializer());
            owners.add(metadata.activeHost());
            partitions.add(metadata.partition());
        }
        // The products were named to fall into every partition, so each instance is active for some of them.
        assertThat(partitions).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(owners).containsExactlyInAnyOrder(exchange.instance(0).server().advertised(),
                exchange.instance(1).server().advertised());
        assertAnswer("/api/v1/volume/products/P-FIN-1", "{\"productId\":\"P-FIN-1\",\"trades\":3,\"volumeCny\":\"180.0000\"}");
        assertAnswer("/api/v1/volume/products/P-FIN-2", "{\"productId\":\"P-FIN-2\",\"trades\":1,\"volumeCny\":\"200.0000\"}");
        assertAnswer("/api/v1/volume/products/P-ENE-1", "{\"productId\":\"P-ENE-1\",\"trades\":2,\"volumeCny\":\"1050.5000\"}");
    }

    @Test
    @DisplayName("summary: listed products, accepted trades, volumes and every dead letter")
    void summary() {
        assertAnswer("/api/v1/summary", "{\"listedProducts\":4,\"trades\":6,\"volumeCny\":\"1430.5000\","
                + "\"crossBorderTrades\":3,\"crossBorderVolumeCny\":\"321.0000\",\"deadLetters\":4}");
    }

    @Test
    @DisplayName("product counts in total, per group, and per provider (0 for a known member without listings)")
    void productCounts() {
        assertAnswer("/api/v1/product-counts", "{\"total\":4,"
                + "\"byCategory\":{\"ENERGY\":1,\"FINANCE\":2,\"HEALTHCARE\":1},"
                + "\"byDeliveryMode\":{\"API\":2,\"DATASET\":1,\"MODEL\":1},"
                + "\"byClassification\":{\"CORE\":1,\"GENERAL\":2,\"IMPORTANT\":1}}");
        assertAnswer("/api/v1/product-counts/providers/M-A", "{\"memberId\":\"M-A\",\"listed\":2}");
        assertAnswer("/api/v1/product-counts/providers/M-C", "{\"memberId\":\"M-C\",\"listed\":0}");
        assertAnswer("/api/v1/product-counts/providers/M-E", "{\"memberId\":\"M-E\",\"listed\":0}");
        assertError("/api/v1/product-counts/providers/M-NEVER", 404);
    }

    @Test
    @DisplayName("volume per category with trades, with the cross-border part")
    void categories() {
        assertAnswer("/api/v1/volume/categories", "["
                + "{\"category\":\"ENERGY\",\"trades\":2,\"volumeCny\":\"1050.5000\",\"crossBorderTrades\":1,\"crossBorderVolumeCny\":\"50.0000\"},"
                + "{\"category\":\"FINANCE\",\"trades\":4,\"volumeCny\":\"380.0000\",\"crossBorderTrades\":2,\"crossBorderVolumeCny\":\"271.0000\"}]");
    }

    @Test
    @DisplayName("category windows selected by start, from inclusive, to exclusive; bad ranges and categories are 400")
    void windows() {
        assertAnswer("/api/v1/volume/categories/ENERGY/windows?from=2026-11-28T09:00:00Z&to=2026-11-28T09:03:00Z", "["
                + "{\"windowStart\":\"2026-11-28T09:00:00Z\",\"windowEnd\":\"2026-11-28T09:01:00Z\",\"trades\":1,\"volumeCny\":\"50.0000\"},"
                + "{\"windowStart\":\"2026-11-28T09:02:00Z\",\"windowEnd\":\"2026-11-28T09:03:00Z\",\"trades\":1,\"volumeCny\":\"1000.5000\"}]");
        assertAnswer("/api/v1/volume/categories/ENERGY/windows?from=2026-11-28T09:00:00Z&to=2026-11-28T09:02:00Z", "["
                + "{\"windowStart\":\"2026-11-28T09:00:00Z\",\"windowEnd\":\"2026-11-28T09:01:00Z\",\"trades\":1,\"volumeCny\":\"50.0000\"}]");
        assertAnswer("/api/v1/volume/categories/FINANCE/windows?from=2026-11-28T08:00:00Z&to=2026-11-28T10:00:00Z", "["
                + "{\"windowStart\":\"2026-11-28T09:00:00Z\",\"windowEnd\":\"2026-11-28T09:01:00Z\",\"trades\":3,\"volumeCny\":\"371.0000\"}]");
        assertAnswer("/api/v1/volume/categories/FINANCE/windows?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z", "[]");
        assertAnswer("/api/v1/volume/categories/PATENTS_IP/windows?from=2026-11-28T08:00:00Z&to=2026-11-28T10:00:00Z", "[]");
        assertError("/api/v1/volume/categories/ENERGY/windows?from=2026-11-28T09:03:00Z&to=2026-11-28T09:00:00Z", 400);
        assertError("/api/v1/volume/categories/ENERGY/windows?from=2026-11-28T09:00:00Z&to=2026-11-28T09:00:00Z", 400);
        assertError("/api/v1/volume/categories/ENERGY/windows?from=yesterday&to=2026-11-28T09:00:00Z", 400);
        assertError("/api/v1/volume/categories/ENERGY/windows?to=2026-11-28T09:00:00Z", 400);
        assertError("/api/v1/volume/categories/CRYPTO/windows?from=2026-11-28T08:00:00Z&to=2026-11-28T10:00:00Z", 400);
    }

    @Test
    @DisplayName("trading days in the exchange time zone, from inclusive, to exclusive")
    void tradingDays() {
        assertAnswer("/api/v1/volume/daily?from=2026-11-01&to=2026-12-01", "[{\"day\":\"2026-11-28\",\"trades\":5,"
                + "\"volumeCny\":\"1421.5000\",\"crossBorderTrades\":3,\"crossBorderVolumeCny\":\"321.0000\"}]");
        assertAnswer("/api/v1/volume/daily?from=2026-11-28&to=2026-11-29", "[{\"day\":\"2026-11-28\",\"trades\":5,"
                + "\"volumeCny\":\"1421.5000\",\"crossBorderTrades\":3,\"crossBorderVolumeCny\":\"321.0000\"}]");
        assertAnswer("/api/v1/volume/daily?from=2026-11-29&to=2026-11-30", "[]");
        assertAnswer("/api/v1/volume/daily?from=2026-11-27&to=2026-11-28", "[]"); // T10 came after its day closed
        assertError("/api/v1/volume/daily?from=2026-11-29&to=2026-11-28", 400);
        assertError("/api/v1/volume/daily?from=2026-13-01&to=2026-12-28", 400);
        assertError("/api/v1/volume/daily?from=2026-11-01", 400);
    }

    @Test
    @DisplayName("product volume: zeros for a known product without trades, 404 for one never seen")
    void products() {
        assertAnswer("/api/v1/volume/products/P-HEA-1", "{\"productId\":\"P-HEA-1\",\"trades\":0,\"volumeCny\":\"0.0000\"}");
        assertAnswer("/api/v1/volume/products/P-OLD", "{\"productId\":\"P-OLD\",\"trades\":0,\"volumeCny\":\"0.0000\"}");
        assertError("/api/v1/volume/products/P-NOPE", 404);
    }

    @Test
    @DisplayName("top products overall and per category, n from 1 to 10")
    void topProducts() {
        String all = "[{\"productId\":\"P-ENE-1\",\"volumeCny\":\"1050.5000\",\"trades\":2},"
                + "{\"productId\":\"P-FIN-2\",\"volumeCny\":\"200.0000\",\"trades\":1},"
                + "{\"productId\":\"P-FIN-1\",\"volumeCny\":\"180.0000\",\"trades\":3}]";
        assertAnswer("/api/v1/volume/products/top", all);
        assertAnswer("/api/v1/volume/products/top?n=10", all);
        assertAnswer("/api/v1/volume/products/top?n=2", "[{\"productId\":\"P-ENE-1\",\"volumeCny\":\"1050.5000\",\"trades\":2},"
                + "{\"productId\":\"P-FIN-2\",\"volumeCny\":\"200.0000\",\"trades\":1}]");
        assertAnswer("/api/v1/volume/products/top?category=FINANCE", "[{\"productId\":\"P-FIN-2\",\"volumeCny\":\"200.0000\",\"trades\":1},"
                + "{\"productId\":\"P-FIN-1\",\"volumeCny\":\"180.0000\",\"trades\":3}]");
        assertAnswer("/api/v1/volume/products/top?n=1&category=ENERGY", "[{\"productId\":\"P-ENE-1\",\"volumeCny\":\"1050.5000\",\"trades\":2}]");
        assertAnswer("/api/v1/volume/products/top?category=HEALTHCARE", "[]");
        assertError("/api/v1/volume/products/top?n=0", 400);
        assertError("/api/v1/volume/products/top?n=11", 400);
        assertError("/api/v1/volume/products/top?n=many", 400);
        assertError("/api/v1/volume/products/top?category=finance", 400);
    }

    @Test
    @DisplayName("member volume as seller and buyer: zeros for a known member without trades, 404 for one never seen")
    void members() {
        assertAnswer("/api/v1/volume/members/M-A", "{\"memberId\":\"M-A\",\"salesTrades\":4,\"salesVolumeCny\":\"380.0000\","
                + "\"purchaseTrades\":1,\"purchaseVolumeCny\":\"50.0000\"}");
        assertAnswer("/api/v1/volume/members/M-B", "{\"memberId\":\"M-B\",\"salesTrades\":2,\"salesVolumeCny\":\"1050.5000\","
                + "\"purchaseTrades\":3,\"purchaseVolumeCny\":\"309.0000\"}");
        assertAnswer("/api/v1/volume/members/M-C", "{\"memberId\":\"M-C\",\"salesTrades\":0,\"salesVolumeCny\":\"0.0000\","
                + "\"purchaseTrades\":1,\"purchaseVolumeCny\":\"71.0000\"}");
        assertAnswer("/api/v1/volume/members/M-E", "{\"memberId\":\"M-E\",\"salesTrades\":0,\"salesVolumeCny\":\"0.0000\","
                + "\"purchaseTrades\":1,\"purchaseVolumeCny\":\"1000.5000\"}");
        assertError("/api/v1/volume/members/M-NEVER", 404);
    }

    @Test
    @DisplayName("volume per buyer jurisdiction, CN included")
    void jurisdictions() {
        assertAnswer("/api/v1/volume/jurisdictions", "[{\"jurisdiction\":\"CN\",\"trades\":3,\"volumeCny\":\"1109.5000\"},"
                + "{\"jurisdiction\":\"DE\",\"trades\":1,\"volumeCny\":\"50.0000\"},"
                + "{\"jurisdiction\":\"SG\",\"trades\":1,\"volumeCny\":\"200.0000\"},"
                + "{\"jurisdiction\":\"US\",\"trades\":1,\"volumeCny\":\"71.0000\"}]");
    }

    @Test
    @DisplayName("compliance: all four outcomes, BLOCKED with the volume it would have had")
    void compliance() {
        assertAnswer("/api/v1/compliance", "{\"byOutcome\":{"
                + "\"EXEMPT\":{\"trades\":1,\"volumeCny\":\"71.0000\"},"
                + "\"STANDARD_CONTRACT\":{\"trades\":1,\"volumeCny\":\"50.0000\"},"
                + "\"SECURITY_ASSESSMENT\":{\"trades\":1,\"volumeCny\":\"200.0000\"},"
                + "\"BLOCKED\":{\"trades\":1,\"volumeCny\":\"213.0000\"}}}");
    }

    @Test
    @DisplayName("a seller's year-to-date sums, by default of the year of its latest classified trade")
    void sellers() {
        assertAnswer("/api/v1/compliance/sellers/M-A", "{\"memberId\":\"M-A\",\"year\":2026,\"piSubjects\":5000,\"sensitivePiSubjects\":0}");
        assertAnswer("/api/v1/compliance/sellers/M-A?year=2026", "{\"memberId\":\"M-A\",\"year\":2026,\"piSubjects\":5000,\"sensitivePiSubjects\":0}");
        assertAnswer("/api/v1/compliance/sellers/M-B", "{\"memberId\":\"M-B\",\"year\":2026,\"piSubjects\":200000,\"sensitivePiSubjects\":0}");
        assertAnswer("/api/v1/compliance/sellers/M-A?year=2025", "{\"memberId\":\"M-A\",\"year\":2025,\"piSubjects\":0,\"sensitivePiSubjects\":0}");
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertAnswer("/api/v1/compliance/sellers/M-E", "{\"memberId\":\"M-E\",\"year\":" + thisYear + ",\"piSubjects\":0,\"sensitivePiSubjects\":0}");
        assertError("/api/v1/compliance/sellers/M-NEVER", 404);
        assertError("/api/v1/compliance/sellers/M-A?year=26x", 400);
        assertError("/api/v1/compliance/sellers/M-A?year=0", 400);
    }

    @Test
    @DisplayName("metrics: Kafka Streams, JVM, HTTP and the exchange's own counters, summed over both instances")
    void metrics() throws Exception {
        // Kafka Streams metrics created after start reach Micrometer when its binder next looks (every minute).
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<PrometheusScrape> scrapes = List.of(scrape(0), scrape(1));
                    assertThat(total(scrapes, "kafka_stream_dex_trades_accepted_total")).isGreaterThanOrEqualTo(6);
                    for (String reason : List.of("CROSS_BORDER_BLOCKED", "DUPLICATE_TRANSACTION", "UNKNOWN_PRODUCT", "PRODUCT_NOT_LISTED")) {
                        assertThat(scrapes.stream().mapToDouble(s -> s.sum("kafka_stream_dex_dead_letters_total", "reason", reason)).sum())
                                .as(reason).isGreaterThanOrEqualTo(1);
                    }
                    for (String outcome : List.of("EXEMPT", "STANDARD_CONTRACT", "SECURITY_ASSESSMENT", "BLOCKED")) {
                        assertThat(scrapes.stream().mapToDouble(s -> s.sum("kafka_stream_dex_compliance_outcomes_total", "outcome", outcome)).sum())
                                .as(outcome).isGreaterThanOrEqualTo(1);
                    }
                    assertThat(total(scrapes, "kafka_stream_dex_duplicate_trades_total")).isGreaterThanOrEqualTo(1);
                    // The six accepted trades, timed by whichever instance rolled them up.
                    assertThat(total(scrapes, "dex_end_to_end_latency_seconds_count")).isGreaterThanOrEqualTo(6);
                    assertThat(scrapes.stream().mapToDouble(s -> s.sum("kafka_stream_dex_late_trades_total", "window", "trading-day")).sum())
                            .isGreaterThanOrEqualTo(1);
                    assertThat(grafanaMetrics()).allSatisfy(metric -> assertThat(scrapes).as(metric).anyMatch(s -> s.has(metric)));
                });
        PrometheusScrape scrape = scrape(0);
        assertThat(scrape.sum("dex_streams_running")).isEqualTo(1);
        assertThat(scrape.has("kafka_stream_thread_process_rate")).isTrue();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
        assertThat(scrape.sum("http_server_requests_seconds_count", "route", "/api/v1/summary")).isPositive();
        assertThat(scrape.has("dex_end_to_end_latency_seconds_bucket")).isTrue();
    }

    private PrometheusScrape scrape(int instance) {
        HttpResponse<String> response = get(url(instance), "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return new PrometheusScrape(response.body());
    }

    private static double total(List<PrometheusScrape> scrapes, String metric) {
        return scrapes.stream().mapToDouble(scrape -> scrape.sum(metric)).sum();
    }

    /** Every metric the Grafana dashboard queries. */
    private static Set<String> grafanaMetrics() throws Exception {
        String dashboard = Files.readString(Path.of("..", "deploy", "grafana", "dex-exchange.json"));
        Set<String> metrics = new TreeSet<>();
        Matcher metric = Pattern.compile("([a-z_][a-z0-9_]*)\\{job=").matcher(dashboard);
        while (metric.find()) {
            metrics.add(metric.group(1));
        }
        assertThat(metrics).hasSizeGreaterThan(10);
        return metrics;
    }

    @Test
    @DisplayName("live feed: a snapshot of the aggregates as a server-sent event; the client count drops when it leaves")
    void liveFeed() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(
                HttpRequest.newBuilder(url(1).resolve("/api/v1/live")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        JsonNode snapshot;
        try (java.util.stream.Stream<String> lines = response.body()) {
            Iterator<String> events = lines.iterator();
            String event = "";
            String data = null;
            while (data == null) {
                String line = events.next();
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && event.equals("snapshot")) {
                    data = line.substring("data:".length()).trim();
                }
            }
            snapshot = json(data);
            assertThat(exchange.instance(1).server().liveClients()).isEqualTo(1);
        }
        assertThat(snapshot.path("summary").path("trades").asLong()).isEqualTo(6);
        assertThat(snapshot.path("summary").path("volumeCny").asText()).isEqualTo("1430.5000");
        assertThat(snapshot.path("productCounts").path("total").asLong()).isEqualTo(4);
        assertThat(snapshot.path("categories")).hasSize(2);
        assertThat(snapshot.path("topProducts").path(0).path("productId").asText()).isEqualTo("P-ENE-1");
        assertThat(snapshot.path("jurisdictions")).hasSize(4);
        assertThat(snapshot.path("deadLettersByReason")).isEqualTo(json("{\"CROSS_BORDER_BLOCKED\":1,"
                + "\"DUPLICATE_TRANSACTION\":1,\"PRODUCT_NOT_LISTED\":1,\"UNKNOWN_PRODUCT\":1}"));
        assertThat(snapshot.path("compliance").path("byOutcome").path("BLOCKED").path("volumeCny").asText()).isEqualTo("213.0000");
        // The trades are a day old: no window of the last 30 minutes has any.
        assertThat(snapshot.path("recentWindows")).isEmpty();
        // The server notices the closed connection at its next write (a heartbeat at the latest).
        await().atMost(Duration.ofSeconds(40)).until(() -> exchange.instance(1).server().liveClients() == 0);
    }

    @Test
    @DisplayName("dex watch --once prints the aggregates of any instance, and fails when none answers")
    void watchOnce() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new WatchCommand(out, Clock.systemUTC())).execute("--url", url(1).toString(), "--once");
        String screen = text.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(screen).isZero();
        assertThat(screen).doesNotContain("\033");
        assertThat(screen).containsSubsequence("Listed products", "4", "Trades", "6", "Volume CNY", "1,430.50",
                "Cross-border volume CNY", "321.00", "Dead letters", "4");
        assertThat(screen).containsSubsequence("ENERGY", "2", "1,050.50", "50.00", "FINANCE", "4", "380.00", "271.00");
        assertThat(screen).containsSubsequence("1 P-ENE-1", "2 P-FIN-2", "3 P-FIN-1");
        assertThat(screen).containsSubsequence("EXEMPT", "71.00", "STANDARD_CONTRACT", "50.00",
                "SECURITY_ASSESSMENT", "200.00", "BLOCKED", "213.00");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        text.reset();
        int failed = new CommandLine(new WatchCommand(out, Clock.systemUTC()))
                .execute("--url", "http://127.0.0.1:" + closedPort, "--once");
        assertThat(failed).isEqualTo(1);
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("Cannot read the aggregates");
    }

    @Test
    @DisplayName("health: ready while running")
    void health() {
        for (int instance = 0; instance < 2; instance++) {
            HttpResponse<String> health = get(url(instance), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode body = body(health);
            assertThat(body.path("ready").asBoolean()).isTrue();
            assertThat(body.path("streamsState").asText()).isEqualTo("RUNNING");
            assertThat(get(url(instance), "/health/ready").statusCode()).isEqualTo(200);
        }
    }
}
