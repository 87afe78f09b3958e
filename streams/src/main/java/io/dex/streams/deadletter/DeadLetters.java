package io.dex.streams.deadletter;

import io.dex.schema.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Builds the dead letter of a rejected or unreadable record (SPEC "dead letters"). */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * The dead letter of the record read at {@code source} with the given original bytes.
     *
     * @param processedAt wall-clock time of the rejection, epoch milliseconds
     */
    public static DeadLetter of(Rejection rejection, RecordMetadata source, byte[] key, byte[] value, long processedAt) {
        return DeadLetter.newBuilder()
                .setReason(rejection.reason())
                .setDetail(rejection.detail())
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setProcessedAt(Instant.ofEpochMilli(processedAt))
                .build();
    }
}
