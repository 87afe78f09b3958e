package io.dex.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.Category;
import io.dex.schema.DeadLetter;
import io.dex.schema.RejectionReason;
import io.dex.schema.TradingVolume;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Duplicate transactions")
class DeduplicationTopologyTest {

    private static final Duration RETENTION = Duration.ofHours(1);

    private final ExchangeDriver exchange = new ExchangeDriver(TopologySettings.defaults().withDedupRetention(RETENTION));

    @AfterEach
    void close() {
        exchange.close();
    }

    private List<RejectionReason> send(String transactionId, String productId, Instant at, String currency) {
        String seller = productId.equals("P1") ? "M1" : "M2";
        exchange.trade(Events.trade(transactionId, productId, seller, "M9", "1").setOccurredAt(at).setCurrency(currency).build());
        return exchange.deadLetters().stream().map(DeadLetter::getReason).toList();
    }

    private long acceptedTrades() {
        exchange.flush();
        return exchange.<TradingVolume>store(ExchangeStores.EXCHANGE_VOLUME).get("exchange").getTrades();
    }

    @Test
    @DisplayName("an accepted transaction sent again is a duplicate; the same id on another product is not")
    void duplicates() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        exchange.product(Events.listed("P2", "M2", Category.FINANCE).build());
        Instant t0 = Events.T0;
        assertThat(send("T1", "P1", t0, "CNY")).isEmpty();
        assertThat(send("T1", "P1", t0, "CNY")).containsExactly(RejectionReason.DUPLICATE_TRANSACTION);
        assertThat(send("T1", "P1", t0.plus(Duration.ofMinutes(59)), "CNY")).as("another occurredAt, same transaction")
                .containsExactly(RejectionReason.DUPLICATE_TRANSACTION);
        assertThat(send("T1", "P2", t0, "CNY")).isEmpty();
        assertThat(acceptedTrades()).isEqualTo(2);
    }

    @Test
    @DisplayName("a rejected transaction is not remembered: sent again, it is judged afresh")
    void rejectedNotRemembered() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        assertThat(send("T1", "P1", Events.T0, "USD")).containsExactly(RejectionReason.UNKNOWN_CURRENCY);
        exchange.rate(Events.rate("USD", "7"));
        assertThat(send("T1", "P1", Events.T0, "USD")).isEmpty();
        assertThat(acceptedTrades()).isEqualTo(1);
    }

    @Test
    @DisplayName("transactions are remembered for the retention, in event time, then forgotten")
    void retention() {
        exchange.product(Events.listed("P1", "M1", Category.FINANCE).build());
        Instant t0 = Events.T0;
        assertThat(send("T1", "P1", t0, "CNY")).isEmpty();
        // Event time moves on by less than the retention: still remembered.
        assertThat(send("T2", "P1", t0.plus(RETENTION).minusSeconds(1), "CNY")).isEmpty();
        assertThat(send("T1", "P1", t0, "CNY")).containsExactly(RejectionReason.DUPLICATE_TRANSACTION);
        // Event time moves on well past the retention: forgotten, accepted again.
        assertThat(send("T3", "P1", t0.plus(RETENTION.multipliedBy(3)), "CNY")).isEmpty();
        assertThat(send("T1", "P1", t0, "CNY")).isEmpty();
        assertThat(acceptedTrades()).isEqualTo(4);
    }
}
