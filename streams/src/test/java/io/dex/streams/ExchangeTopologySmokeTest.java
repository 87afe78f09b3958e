package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The exchange topology end to end")
class ExchangeTopologySmokeTest {

    @Test
    @DisplayName("a listed product's trade is counted everywhere")
    void tradeCounted() {
        try (ExchangeDriver exchange = new ExchangeDriver()) {
            exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
            exchange.rate(Events.rate("USD", "7.1"));
            exchange.trade(Events.trade("T1", "P1", "M1", "M2", "10").setCurrency("USD").setBuyerJurisdiction("US").build());
            exchange.flush();
            System.out.println(exchange.driver.producedTopicNames());
            TradingVolume total = exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange");
            assertThat(total.getVolumeCny()).isEqualByComparingTo(new BigDecimal("71"));
            System.out.println(exchange.latest(ExchangeTopics.EXCHANGE_VOLUME));
            System.out.println(exchange.latest(ExchangeTopics.COMPLIANCE));
            System.out.println(exchange.latest(ExchangeTopics.TOP_PRODUCTS));
            System.out.println(exchange.latest(ExchangeTopics.PRODUCT_COUNTS));
            System.out.println(exchange.metrics().keySet().stream().filter(m -> m.group().contains("dex")).toList());
        }
    }
}
