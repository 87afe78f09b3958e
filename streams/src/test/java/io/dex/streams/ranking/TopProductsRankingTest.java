package io.dex.streams.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.RankedProduct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Top products ranking")
class TopProductsRankingTest {

    private static RankedProduct product(String id, String volume, long trades) {
        return new RankedProduct(id, new BigDecimal(volume).setScale(4), trades);
    }

    private static List<String> ids(List<RankedProduct> products) {
        return products.stream().map(RankedProduct::getProductId).toList();
    }

    @Test
    @DisplayName("highest volume first, ties broken by productId, ten at most")
    void order() {
        TopProductsRanking ranking = new TopProductsRanking();
        for (int i = 0; i < 12; i++) {
            ranking.offer(product("P" + (char) ('a' + i), i < 4 ? "50" : Integer.toString(i), 1));
        }
        assertThat(ids(ranking.products())).containsExactly("Pa", "Pb", "Pc", "Pd", "Pl", "Pk", "Pj", "Pi", "Ph", "Pg");
    }

    @Test
    @DisplayName("a product outside the ranking enters when its volume passes the last one's")
    void entering() {
        TopProductsRanking ranking = new TopProductsRanking();
        for (int i = 0; i < 10; i++) {
            ranking.offer(product("P" + i, Integer.toString(10 + i), 1));
        }
        assertThat(ranking.offer(product("X", "9", 1))).isFalse();
        assertThat(ranking.offer(product("X", "10", 2))).as("ties with P0 and sorts after it").isFalse();
        assertThat(ranking.offer(product("A", "10", 2))).as("ties with P0 and sorts before it").isTrue();
        assertThat(ids(ranking.products())).endsWith("A").doesNotContain("P0");
        assertThat(ranking.offer(product("P0", "30", 2))).isTrue();
        assertThat(ids(ranking.products())).startsWith("P0", "P9").doesNotContain("A");
    }

    @Test
    @DisplayName("offering every change keeps the ranking exact, and merging partitions gives the overall one")
    void exactAgainstFullSort() {
        Random random = new Random(42);
        Map<String, BigDecimal> volumes = new HashMap<>();
        List<TopProductsRanking> partitions = List.of(new TopProductsRanking(), new TopProductsRanking(), new TopProductsRanking());
        for (int i = 0; i < 2_000; i++) {
            String id = "P" + random.nextInt(60);
            BigDecimal volume = volumes.merge(id, BigDecimal.valueOf(random.nextInt(5)).setScale(4), BigDecimal::add);
            partitions.get(Math.floorMod(id.hashCode(), 3)).offer(new RankedProduct(id, volume, 1L));
        }
        List<String> expected = volumes.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
        List<List<RankedProduct>> lists = new ArrayList<>();
        partitions.forEach(partition -> lists.add(partition.products()));
        assertThat(ids(TopProductsRanking.merge(lists))).isEqualTo(expected);
    }

    @Test
    @DisplayName("rankings are the same when products and figures are")
    void same() {
        List<RankedProduct> ranking = List.of(product("A", "2", 1), product("B", "1", 1));
        assertThat(TopProductsRanking.same(ranking, List.of(product("A", "2", 1), product("B", "1", 1)))).isTrue();
        assertThat(TopProductsRanking.same(ranking, List.of(product("A", "2", 2), product("B", "1", 1)))).isFalse();
        assertThat(TopProductsRanking.same(ranking, List.of(product("A", "2", 1)))).isFalse();
    }
}
