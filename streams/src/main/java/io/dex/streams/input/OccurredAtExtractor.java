package io.dex.streams.input;

import io.dex.schema.DataProductEvent;
import io.dex.schema.TradeEvent;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of product events and trades: their {@code occurredAt}, not the record timestamp.
 *
 * <p>The event time never goes past the record's own timestamp, the one the broker accepted. Streams
 * stamps changelog and output records with the event time, and a broker refuses timestamps too far in
 * the future; an occurredAt beyond the record timestamp (a skewed clock, or a malformed event on its
 * way to the dead letters) would otherwise stop the pipeline. The topology's windows, trading days and
 * retention read occurredAt from the payload itself. Unreadable records keep the record timestamp.
 *
 * <p>Extraction is the one place that sees both the record timestamp and the event, so it also
 * stamps the record timestamp on the {@link Received} value, where the end-to-end latency reads it.
 */
public final class OccurredAtExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long recordTime = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
        if (!(record.value() instanceof Received<?> received)) {
            return recordTime;
        }
        received.stamp(recordTime);
        if (!received.isReadable()) {
            return recordTime;
        }
        Instant occurredAt = null;
        if (received.event() instanceof TradeEvent trade) {
            occurredAt = trade.getOccurredAt();
        } else if (received.event() instanceof DataProductEvent product) {
            occurredAt = product.getOccurredAt();
        }
        if (occurredAt == null || occurredAt.toEpochMilli() < 0) {
            return recordTime;
        }
        return Math.min(occurredAt.toEpochMilli(), recordTime);
    }
}
