package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DataProductEventType;
import io.dex.schema.RankedProduct;
import io.dex.schema.TopProducts;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Top products")
class TopProductsTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();
    /** The test's own volumes per scope and product. */
    private final Map<String, Map<String, BigDecimal>> volumes = new HashMap<>();
    private int transactions;

    @AfterEach
    void close() {
        exchange.close();
    }

    private void trade(String productId, String category, String amount) {
        exchange.trade(Events.trade("T" + transactions++, productId, "M-" + productId, "B", amount).build());
        for (String scope : new String[] {"ALL", category}) {
            volumes.computeIfAbsent(scope, s -> new HashMap<>()).merge(productId, new BigDecimal(amount), BigDecimal::add);
        }
    }

    private List<String> expected(String scope) {
        return volumes.get(scope).entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
    }

    private List<String> ranking(String scope) {
        return exchange.<TopProducts>store(ExchangeStores.TOP_PRODUCTS).get(scope).getProducts().stream()
                .map(RankedProduct::getProductId).toList();
    }

    @Test
    @DisplayName("the ten highest volumes overall and per category, ties broken by productId")
    void topTen() {
        for (int i = 1; i <= 14; i++) {
            String id = String.format("P%02d", i);
            Category category = i % 2 == 0 ? Category.FINANCE : Category.ENERGY;
            exchange.product(Events.listed(id, "M-" + id, category).build());
            // Volumes 10, 20, ... with P05-P08 all at 100: ties.
            trade(id, category.name(), i >= 5 && i <= 8 ? "100" : Integer.toString(10 * i));
        }
        trade("P03", "ENERGY", "75");
        exchange.flush();
        assertThat(ranking("ALL")).isEqualTo(expected("ALL")).containsExactly("P14", "P13", "P12", "P11", "P03", "P05", "P06", "P07", "P08", "P10");
        assertThat(ranking("FINANCE")).isEqualTo(expected("FINANCE")).hasSize(7);
        assertThat(ranking("ENERGY")).isEqualTo(expected("ENERGY")).hasSize(7);
        RankedProduct p03 = exchange.<TopProducts>store(ExchangeStores.TOP_PRODUCTS).get("ALL").getProducts().get(4);
        assertThat(p03).isEqualTo(new RankedProduct("P03", new BigDecimal("105.0000"), 2L));
        Map<String, TopProducts> published = exchange.latest(ExchangeTopics.TOP_PRODUCTS);
        assertThat(published).containsOnlyKeys("ALL", "FINANCE", "ENERGY");
        assertThat(published.get("ALL").getProducts()).extracting(RankedProduct::getProductId).isEqualTo(expected("ALL"));
    }

    @Test
    @DisplayName("a delisted product keeps its history and its rank; a recategorised one ranks by category at the time of trade")
    void delistedAndRecategorised() {
        exchange.product(Events.listed("P1", "M-P1", Category.FINANCE).build());
        exchange.product(Events.listed("P2", "M-P2", Category.FINANCE).build());
        trade("P1", "FINANCE", "50");
        trade("P2", "FINANCE", "40");
        exchange.product(Events.delisted("P1", "M-P1"));
        exchange.product(Events.as(Events.listed("P2", "M-P2", Category.ENERGY), DataProductEventType.UPDATED).build());
        trade("P2", "ENERGY", "30");
        exchange.flush();
        assertThat(ranking("ALL")).isEqualTo(expected("ALL")).containsExactly("P2", "P1");
        assertThat(ranking("FINANCE")).isEqualTo(expected("FINANCE")).containsExactly("P1", "P2");
        assertThat(ranking("ENERGY")).containsExactly("P2");
        assertThat(exchange.<TopProducts>store(ExchangeStores.TOP_PRODUCTS).get("FINANCE").getProducts().get(1).getVolumeCny())
                .isEqualTo(new BigDecimal("40.0000"));
    }
}
