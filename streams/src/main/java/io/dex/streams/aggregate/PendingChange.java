package io.dex.streams.aggregate;

import io.dex.schema.AggregateDelta;
import io.dex.schema.CountChange;
import io.dex.schema.VolumeChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * How one aggregate group changed since the task's last flush, kept as it accumulates: updated in
 * place by every trade and written to the changelogged store in a compact binary form. The store is
 * internal and drained every flush interval, so its format needs no registry; its first byte is a
 * format version all the same (version 1 lacks the earliest record time).
 */
final class PendingChange {

    private static final byte FORMAT_WITHOUT_RECORD_TIME = 1;
    private static final byte FORMAT = 2;
    private static final byte VOLUME = 0;
    private static final byte COUNT = 1;
    private static final byte LONG_AMOUNT = 0;
    private static final byte BIG_AMOUNT = 1;

    private final AggregateGroup group;
    private final boolean volume;
    private long trades;
    private BigDecimal volumeCny = Volume.ZERO.volumeCny();
    private long crossBorderTrades;
    private BigDecimal crossBorderVolumeCny = Volume.ZERO.crossBorderVolumeCny();
    private long latestEventTime = Long.MIN_VALUE;
    private long earliestRecordTime = PendingDeltas.UNTIMED;
    private long count;

    private PendingChange(AggregateGroup group, boolean volume) {
        this.group = group;
        this.volume = volume;
    }

    /** No trades yet in a volume group. */
    static PendingChange volume(AggregateGroup group) {
        return new PendingChange(group, true);
    }

    /** A count group that has not changed yet. */
    static PendingChange count(AggregateGroup group) {
        return new PendingChange(group, false);
    }

    /**
     * Adds trades whose latest occurredAt is {@code eventTime} and whose earliest record timestamp is
     * {@code recordTime} ({@link PendingDeltas#UNTIMED} when not followed).
     */
    void add(Volume added, long eventTime, long recordTime) {
        requireKind(true);
        trades = Math.addExact(trades, added.trades());
        volumeCny = volumeCny.add(added.volumeCny());
        crossBorderTrades = Math.addExact(crossBorderTrades, added.crossBorderTrades());
        crossBorderVolumeCny = crossBorderVolumeCny.add(added.crossBorderVolumeCny());
        latestEventTime = Math.max(latestEventTime, eventTime);
        earliestRecordTime = Math.min(earliestRecordTime, recordTime);
    }

    /** Adds {@code change} (negative to subtract) to the count. */
    void add(long change) {
        requireKind(false);
        count = Math.addExact(count, change);
    }

    /** The latest event time among the trades, {@link Long#MIN_VALUE} for counts. */
    long latestEventTime() {
        return latestEventTime;
    }

    /** The change as the delta the roll-up reads. */
    AggregateDelta toDelta() {
        return group.delta(volume
                ? new Volume(trades, volumeCny, crossBorderTrades, crossBorderVolumeCny).toChange(latestEventTime,
                        earliestRecordTime == PendingDeltas.UNTIMED ? null : Instant.ofEpochMilli(earliestRecordTime))
                : new CountChange(count));
    }

    /** The stored form. */
    byte[] encode() {
        if (!volume) {
            return ByteBuffer.allocate(2 + Long.BYTES).put(FORMAT).put(COUNT).putLong(count).array();
        }
        byte[] volumeBytes = amount(volumeCny);
        byte[] crossBorderBytes = amount(crossBorderVolumeCny);
        return ByteBuffer.allocate(2 + 4 * Long.BYTES + volumeBytes.length + crossBorderBytes.length)
                .put(FORMAT).put(VOLUME).putLong(trades).put(volumeBytes).putLong(crossBorderTrades).put(crossBorderBytes)
                .putLong(latestEventTime).putLong(earliestRecordTime).array();
    }

    /** The change of {@code group} stored as {@code bytes}. */
    static PendingChange decode(AggregateGroup group, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != FORMAT && format != FORMAT_WITHOUT_RECORD_TIME) {
            throw new IllegalStateException("pending change of " + group.storeKey() + " has unknown format " + format);
        }
        if (in.get() == COUNT) {
            PendingChange change = count(group);
            change.count = in.getLong();
            return change;
        }
        PendingChange change = volume(group);
        change.trades = in.getLong();
        change.volumeCny = amount(in);
        change.crossBorderTrades = in.getLong();
        change.crossBorderVolumeCny = amount(in);
        change.latestEventTime = in.getLong();
        if (format == FORMAT) {
            change.earliestRecordTime = in.getLong();
        }
        return change;
    }

    /** An amount of scale 4: its unscaled value as a long when it fits, as big-endian bytes otherwise. */
    private static byte[] amount(BigDecimal value) {
        BigInteger unscaled = value.setScale(Volume.SCALE).unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
            return ByteBuffer.allocate(1 + Long.BYTES).put(LONG_AMOUNT).putLong(unscaled.longValue()).array();
        }
        byte[] big = unscaled.toByteArray();
        return ByteBuffer.allocate(1 + Integer.BYTES + big.length).put(BIG_AMOUNT).putInt(big.length).put(big).array();
    }

    private static BigDecimal amount(ByteBuffer in) {
        if (in.get() == LONG_AMOUNT) {
            return BigDecimal.valueOf(in.getLong(), Volume.SCALE);
        }
        byte[] big = new byte[in.getInt()];
        in.get(big);
        return new BigDecimal(new BigInteger(big), Volume.SCALE);
    }

    private void requireKind(boolean expectedVolume) {
        if (volume != expectedVolume) {
            throw new IllegalStateException(group.storeKey() + " is a " + (volume ? "volume" : "count") + " group");
        }
    }
}
