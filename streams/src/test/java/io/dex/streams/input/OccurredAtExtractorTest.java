package io.dex.streams.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.dex.schema.DataProductEvent;
import io.dex.schema.DataProductEventType;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Event time from occurredAt")
class OccurredAtExtractorTest {

    private final OccurredAtExtractor extractor = new OccurredAtExtractor();

    private static TradeEvent trade(Instant occurredAt) {
        return TradeEvent.newBuilder().setTransactionId("T").setProductId("P").setSellerId("S").setBuyerId("B")
                .setBuyerJurisdiction("CN").setAmount(BigDecimal.ONE.setScale(4)).setCurrency("CNY").setOccurredAt(occurredAt).build();
    }

    private long extract(Object value, long recordTimestamp) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0, recordTimestamp,
                TimestampType.CREATE_TIME, 0, 0, new byte[0], value, new RecordHeaders(), Optional.empty());
        return extractor.extract(record, 5);
    }

    @Test
    @DisplayName("trades and product events run on their occurredAt, however old")
    void occurredAt() {
        assertThat(extract(Received.readable(new byte[0], trade(Instant.ofEpochMilli(1_000))), 9_000)).isEqualTo(1_000);
        DataProductEvent delisted = DataProductEvent.newBuilder().setEventId("e").setEventType(DataProductEventType.DELISTED)
                .setProductId("P").setProviderId("M").setOccurredAt(Instant.ofEpochMilli(2_000)).build();
        assertThat(extract(Received.readable(new byte[0], delisted), 9_000)).isEqualTo(2_000);
    }

    @Test
    @DisplayName("never after the record timestamp the broker accepted")
    void capped() {
        assertThat(extract(Received.readable(new byte[0], trade(Instant.ofEpochMilli(10_000))), 9_000)).isEqualTo(9_000);
    }

    @Test
    @DisplayName("unreadable values and occurredAt before the epoch keep the record timestamp")
    void fallback() {
        assertThat(extract(Received.unreadable(new byte[0], "bad"), 9_000)).isEqualTo(9_000);
        assertThat(extract(Received.readable(new byte[0], trade(Instant.ofEpochMilli(-1))), 9_000)).isEqualTo(9_000);
        assertThat(extract(Received.unreadable(new byte[0], "bad"), -1)).isEqualTo(5);
    }
}
