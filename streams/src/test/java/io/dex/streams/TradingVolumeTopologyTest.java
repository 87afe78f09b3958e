package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DataProductEventType;
import io.dex.schema.MemberVolume;
import io.dex.schema.ProductVolumes;
import io.dex.schema.TradeEvent;
import io.dex.schema.TradingVolume;
import io.dex.topics.ExchangeTopics;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Running trading volumes")
class TradingVolumeTopologyTest {

    private final ExchangeDriver exchange = new ExchangeDriver();
    /** The test's own sums: key -> {trades, volume, cross-border trades, cross-border volume}. */
    private final Map<String, BigDecimal[]> expected = new HashMap<>();

    @AfterEach
    void close() {
        exchange.close();
    }

    /** Trades in CNY, so that volumeCny is the amount. */
    private void trade(String transactionId, String productId, String category, String seller, String buyer,
                       String jurisdiction, String amount) {
        TradeEvent trade = Events.trade(transactionId, productId, seller, buyer, amount).setBuyerJurisdiction(jurisdiction).build();
        exchange.trade(trade);
        boolean crossBorder = !jurisdiction.equals("CN");
        for (String key : new String[] {"exchange", "category:" + category, "product:" + productId, "sales:" + seller,
                "purchases:" + buyer, "jurisdiction:" + jurisdiction}) {
            BigDecimal[] sums = expected.computeIfAbsent(key, k -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(BigDecimal.ONE);
            sums[1] = sums[1].add(new BigDecimal(amount));
            if (crossBorder) {
                sums[2] = sums[2].add(BigDecimal.ONE);
                sums[3] = sums[3].add(new BigDecimal(amount));
            }
        }
    }

    private void assertTotal(TradingVolume actual, String key) {
        BigDecimal[] sums = expected.getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        assertThat(actual.getTrades()).as(key).isEqualTo(sums[0].longValueExact());
        assertThat(actual.getVolumeCny()).as(key).isEqualByComparingTo(sums[1]);
        assertThat(actual.getCrossBorderTrades()).as(key).isEqualTo(sums[2].longValueExact());
        assertThat(actual.getCrossBorderVolumeCny()).as(key).isEqualByComparingTo(sums[3]);
    }

    @Test
    @DisplayName("totals per exchange, category at the time of trade, product, member and jurisdiction, with cross-border splits")
    void totals() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        exchange.product(Events.listed("P2", "M2", Category.ENERGY).build());
        trade("T1", "P1", "FINANCE", "M1", "M2", "CN", "100.5");
        trade("T2", "P1", "FINANCE", "M1", "M3", "US", "20.25");
        trade("T3", "P2", "ENERGY", "M2", "M1", "DE", "7");
        // P1 moves to ENERGY: its history stays under FINANCE, new trades count under ENERGY.
        exchange.product(Events.as(Events.listed("P1", "M1", Category.ENERGY), DataProductEventType.UPDATED).build());
        trade("T4", "P1", "ENERGY", "M1", "M2", "US", "0.0001");
        trade("T5", "P2", "ENERGY", "M2", "M3", "CN", "1000000");
        exchange.flush();

        assertTotal(exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange"), "exchange");
        for (String category : new String[] {"FINANCE", "ENERGY"}) {
            assertTotal(exchange.<TradingVolume>store(ExchangeStores.CATEGORY_VOLUMES).get(category), "category:" + category);
        }
        for (String product : new String[] {"P1", "P2"}) {
            assertTotal(exchange.<ProductVolumes>store(ExchangeStores.PRODUCT_VOLUMES).get(product).getTotal(), "product:" + product);
        }
        for (String jurisdiction : new String[] {"CN", "US", "DE"}) {
            assertTotal(exchange.<TradingVolume>store(ExchangeStores.JURISDICTION_VOLUMES).get(jurisdiction), "jurisdiction:" + jurisdiction);
        }
        for (String member : new String[] {"M1", "M2", "M3"}) {
            MemberVolume volume = exchange.<MemberVolume>store(ExchangeStores.MEMBER_VOLUMES).get(member);
            assertTotal(new TradingVolume(member, volume.getSalesTrades(), volume.getSalesVolumeCny(),
                    volume.getCrossBorderSalesTrades(), volume.getCrossBorderSalesVolumeCny()), "sales:" + member);
            assertTotal(new TradingVolume(member, volume.getPurchaseTrades(), volume.getPurchaseVolumeCny(),
                    volume.getCrossBorderPurchaseTrades(), volume.getCrossBorderPurchaseVolumeCny()), "purchases:" + member);
        }
        assertThat(exchange.<TradingVolume>store(ExchangeStores.CATEGORY_VOLUMES).get("TELECOM")).isNull();
    }

    @Test
    @DisplayName("every running total is published to its aggregate topic as the store holds it")
    void published() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        trade("T1", "P1", "FINANCE", "M1", "M2", "US", "3");
        trade("T2", "P1", "FINANCE", "M1", "M3", "CN", "4");
        exchange.flush();
        assertTotal(exchange.latest(ExchangeTopics.EXCHANGE_VOLUME).get("exchange"), "exchange");
        assertTotal(exchange.latest(ExchangeTopics.CATEGORY_VOLUME).get("FINANCE"), "category:FINANCE");
        assertTotal(exchange.latest(ExchangeTopics.PRODUCT_VOLUME).get("P1"), "product:P1");
        Map<String, TradingVolume> jurisdictions = exchange.latest(ExchangeTopics.JURISDICTION_VOLUME);
        assertTotal(jurisdictions.get("US"), "jurisdiction:US");
        assertTotal(jurisdictions.get("CN"), "jurisdiction:CN");
        Map<String, MemberVolume> members = exchange.latest(ExchangeTopics.MEMBER_VOLUME);
        assertThat(members.keySet()).containsExactlyInAnyOrder("M1", "M2", "M3");
        assertThat(members.get("M1")).isEqualTo(exchange.<MemberVolume>store(ExchangeStores.MEMBER_VOLUMES).get("M1"));

        exchange.flush();
        assertThat(exchange.latest(ExchangeTopics.EXCHANGE_VOLUME)).as("nothing changed, nothing published").isEmpty();
    }
}
