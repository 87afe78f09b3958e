package io.dex.streams;

import static io.dex.streams.ApiResponses.body;
import static io.dex.streams.ApiResponses.get;
import static io.dex.streams.ApiResponses.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dex.producer.ExchangePublisher;
import io.dex.schema.Category;
import io.dex.streams.query.QueryableStores;
import io.dex.testkit.ExchangeIntegrationTest;
import io.dex.testkit.ExchangeTestCluster;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Queries keep being answered when the instance owning their data stops answering or dies. */
@ExchangeIntegrationTest
@DisplayName("Queries through a failover")
class FailoverQueriesTest {

    /** Product, its expected volume JSON; the ids fall into partitions 2, 0 and 1. */
    private static final Map<String, String> VOLUMES = Map.of(
            "P-FIN-1", "{\"productId\":\"P-FIN-1\",\"trades\":1,\"volumeCny\":\"10.0000\"}",
            "P-FIN-2", "{\"productId\":\"P-FIN-2\",\"trades\":1,\"volumeCny\":\"20.0000\"}",
            "P-HEA-1", "{\"productId\":\"P-HEA-1\",\"trades\":1,\"volumeCny\":\"30.0000\"}");

    @Test
    @DisplayName("from standby copies while the owner is unreachable, then from the new owner once it is gone")
    void keepsAnswering(ExchangeTestCluster cluster) throws Exception {
        try (RunningExchange exchange = RunningExchange.start(cluster, "failover-queries-test", 3, 2)) {
            ExchangePublisher publisher = exchange.publisher();
            publisher.publishProduct(Events.listed("P-FIN-1", "M-A", Category.FINANCE).build());
            publisher.publishProduct(Events.listed("P-FIN-2", "M-A", Category.FINANCE).build());
            publisher.publishProduct(Events.listed("P-HEA-1", "M-B", Category.HEALTHCARE).build());
            publisher.flush();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(
                    () -> body(get(exchange.url(0), "/api/v1/product-counts")).path("total").asLong() == 3);
            publisher.publishTrade(Events.trade("T1", "P-FIN-1", "M-A", "M-B", "10").build());
            publisher.publishTrade(Events.trade("T2", "P-FIN-2", "M-A", "M-B", "20").build());
            publisher.publishTrade(Events.trade("T3", "P-HEA-1", "M-B", "M-A", "30").build());
            publisher.flush();
            URI survivor = exchange.url(0);
            assertVolumes(survivor);

            String owned = ownedBy(exchange, 1);
            assertThat(owned).as("the products fall into every partition, so instance 1 owns some").isNotBlank();
            exchange.instance(1).server().close();
            // Instance 1 still processes, but nobody can reach it: its partitions are read from instance 0's standbys.
            assertVolumes(survivor);
            assertThat(ownedBy(exchange, 1)).isEqualTo(owned);

            exchange.instance(1).app().close();
            assertVolumes(survivor);
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90))
                    .until(() -> ownedBy(exchange, 1).isEmpty());
            assertVolumes(survivor);
        }
    }

    /** {@code base} answers every product's volume, waiting through rebalances (503) for at most a minute. */
    private static void assertVolumes(URI base) {
        VOLUMES.forEach((product, expected) -> await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    HttpResponse<String> response = get(base, "/api/v1/volume/products/" + product);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(body(response)).isEqualTo(json(expected));
                }));
    }

    /** The products whose volume is active on instance {@code index}, as instance 0 sees it. */
    private static String ownedBy(RunningExchange exchange, int index) {
        StringBuilder products = new StringBuilder();
        for (String product : VOLUMES.keySet().stream().sorted().toList()) {
            KeyQueryMetadata metadata = exchange.streams(0).queryMetadataForKey(
                    QueryableStores.PRODUCT_VOLUMES.name(), product, new StringSerializer());
            if (metadata.activeHost().equals(exchange.instance(index).server().advertised())) {
                products.append(product).append(' ');
            }
        }
        return products.toString();
    }
}
