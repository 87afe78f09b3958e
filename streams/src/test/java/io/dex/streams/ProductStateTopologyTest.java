package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.Classification;
import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.DeadLetter;
import io.dex.schema.DeliveryMode;
import io.dex.schema.ProductCount;
import io.dex.schema.ProductState;
import io.dex.schema.RejectionReason;
import io.dex.topics.ExchangeTopics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Product state and product counts")
class ProductStateTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();
    /** The test's own model: the listed products' latest events. */
    private final Map<String, DataProductEvent> listed = new HashMap<>();

    @AfterEach
    void close() {
        exchange.close();
    }

    private void accepted(DataProductEvent event) {
        exchange.product(event);
        if (event.getEventType() == DataProductEventType.DELISTED) {
            listed.remove(event.getProductId());
        } else {
            listed.put(event.getProductId(), event);
        }
    }

    private Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (DataProductEvent product : listed.values()) {
            counts.merge("total", 1L, Long::sum);
            counts.merge("category/" + product.getCategory(), 1L, Long::sum);
            counts.merge("deliveryMode/" + product.getDeliveryMode(), 1L, Long::sum);
            counts.merge("classification/" + product.getClassification(), 1L, Long::sum);
            counts.merge("provider/" + product.getProviderId(), 1L, Long::sum);
        }
        return counts;
    }

    /** The counts the store holds, groups that emptied left out. */
    private Map<String, Long> storedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        exchange.<ProductCount>entries(ExchangeStores.PRODUCT_COUNTS).forEach((key, count) -> {
            assertThat(count.getListed()).as(key).isNotNegative();
            if (count.getListed() > 0) {
                counts.put(key, count.getListed());
            }
        });
        return counts;
    }

    @Test
    @DisplayName("counts follow listings, updates that move a product, delistings and relistings exactly")
    void counts() {
        accepted(Events.listed("P1", "M1", Category.FINANCE).build());
        accepted(Events.listed("P2", "M1", Category.ENERGY).setDeliveryMode(DeliveryMode.DATASET)
                .setClassification(Classification.IMPORTANT).build());
        accepted(Events.listed("P3", "M2", Category.FINANCE).setDeliveryMode(DeliveryMode.MODEL)
                .setClassification(Classification.CORE).build());
        exchange.flush();
        assertThat(storedCounts()).isEqualTo(expectedCounts()).containsEntry("total", 3L).containsEntry("category/FINANCE", 2L);

        accepted(Events.as(Events.listed("P1", "M1", Category.ENERGY), DataProductEventType.UPDATED).build());
        accepted(Events.delisted("P2", "M1"));
        accepted(Events.listed("P2", "M3", Category.TELECOM).build());
        accepted(Events.listed("P3", "M2", Category.FINANCE).setDeliveryMode(DeliveryMode.API).build());
        exchange.flush();
        assertThat(storedCounts()).isEqualTo(expectedCounts())
                .containsEntry("category/ENERGY", 1L).containsEntry("provider/M3", 1L);
        assertThat(exchange.<ProductCount>store(ExchangeStores.PRODUCT_COUNTS).get("classification/IMPORTANT").getListed()).isZero();

        Map<String, ProductCount> published = exchange.latest(ExchangeTopics.PRODUCT_COUNTS);
        published.forEach((key, count) -> assertThat(count.getListed()).as(key).isEqualTo(expectedCounts().getOrDefault(key, 0L)));
        assertThat(published.get("provider/M3")).isEqualTo(new ProductCount("provider", "M3", 1L));
    }

    @Test
    @DisplayName("the product store keeps delisted products and their owner")
    void productState() {
        accepted(Events.listed("P1", "M1", Category.FINANCE).build());
        accepted(Events.delisted("P1", "M1"));
        ProductState state = exchange.<ProductState>store(ExchangeStores.PRODUCTS).get("P1");
        assertThat(state.getListed()).isFalse();
        assertThat(state.getProviderId()).isEqualTo("M1");
        accepted(Events.listed("P1", "M2", Category.ENERGY).build());
        assertThat(exchange.<ProductState>store(ExchangeStores.PRODUCTS).get("P1").getProviderId()).isEqualTo("M2");
    }

    @Test
    @DisplayName("events against the lifecycle or ownership rules are dead-lettered and change no count")
    void rejections() {
        accepted(Events.listed("P1", "M1", Category.FINANCE).build());
        exchange.flush();
        Map<String, Long> before = storedCounts();
        exchange.read(ExchangeTopics.DEAD_LETTERS);

        exchange.product(Events.as(Events.listed("P9", "M1", Category.ENERGY), DataProductEventType.UPDATED).build());
        exchange.product(Events.delisted("P9", "M1"));
        exchange.product(Events.delisted("P1", "M2"));
        exchange.product(Events.listed("P1", "M2", Category.ENERGY).build());
        exchange.product(Events.as(Events.listed("P1", "M2", Category.ENERGY), DataProductEventType.UPDATED).build());
        exchange.product(Events.listed("P4", "M1", Category.ENERGY).setName(null).build());
        exchange.flush();

        List<DeadLetter> deadLetters = exchange.deadLetters();
        assertThat(deadLetters).extracting(DeadLetter::getReason).containsExactly(
                RejectionReason.UNKNOWN_PRODUCT, RejectionReason.UNKNOWN_PRODUCT, RejectionReason.PROVIDER_MISMATCH,
                RejectionReason.PROVIDER_MISMATCH, RejectionReason.PROVIDER_MISMATCH, RejectionReason.MALFORMED);
        assertThat(deadLetters.get(5).getDetail()).startsWith("name");
        assertThat(deadLetters).allSatisfy(letter -> assertThat(letter.getSourceTopic()).isEqualTo(ExchangeTopics.DATA_PRODUCTS.name()));
        assertThat(deadLetters).extracting(DeadLetter::getSourceOffset).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(storedCounts()).isEqualTo(before).isEqualTo(expectedCounts());
    }

    @Test
    @DisplayName("every count stays exact through a long mixed history")
    void longHistory() {
        Category[] categories = Category.values();
        for (int round = 0; round < 200; round++) {
            String productId = "P" + (round % 17);
            String owner = listed.containsKey(productId) ? listed.get(productId).getProviderId() : "M" + (round % 5);
            Category category = categories[round % categories.length];
            if (listed.containsKey(productId) && round % 3 == 0) {
                accepted(Events.delisted(productId, owner));
            } else if (listed.containsKey(productId)) {
                accepted(Events.as(Events.listed(productId, owner, category), DataProductEventType.UPDATED).build());
            } else {
                accepted(Events.listed(productId, owner, category).build());
            }
            if (round % 40 == 0) {
                exchange.flush();
                assertThat(storedCounts()).isEqualTo(expectedCounts());
            }
        }
        exchange.flush();
        assertThat(storedCounts()).isEqualTo(expectedCounts());
        assertThat(exchange.deadLetters()).isEmpty();
    }
}
