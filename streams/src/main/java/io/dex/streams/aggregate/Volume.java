package io.dex.streams.aggregate;

import io.dex.schema.ComplianceVolume;
import io.dex.schema.TradingDayVolume;
import io.dex.schema.TradingVolume;
import io.dex.schema.VolumeChange;
import io.dex.schema.WindowedVolume;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Accepted trades and their volume in CNY, with the cross-border part split out: the figures every
 * volume aggregate keeps. Sums are exact (scale 4, as every volumeCny).
 *
 * @param trades               accepted trades
 * @param volumeCny            their volumeCny
 * @param crossBorderTrades    those whose buyer is not in CN
 * @param crossBorderVolumeCny their volumeCny
 */
public record Volume(long trades, BigDecimal volumeCny, long crossBorderTrades, BigDecimal crossBorderVolumeCny) {

    /** Scale of every CNY amount. */
    public static final int SCALE = 4;

    /** No trades. */
    public static final Volume ZERO = new Volume(0, BigDecimal.ZERO.setScale(SCALE), 0, BigDecimal.ZERO.setScale(SCALE));

    /** Validates the figures. */
    public Volume {
        Objects.requireNonNull(volumeCny, "volumeCny");
        Objects.requireNonNull(crossBorderVolumeCny, "crossBorderVolumeCny");
        if (volumeCny.scale() != SCALE || crossBorderVolumeCny.scale() != SCALE) {
            throw new IllegalArgumentException("volumes have scale " + SCALE + ": " + volumeCny + ", " + crossBorderVolumeCny);
        }
    }

    /** One trade of {@code volumeCny}, cross-border or not. */
    public static Volume ofTrade(BigDecimal volumeCny, boolean crossBorder) {
        return crossBorder ? new Volume(1, volumeCny, 1, volumeCny) : new Volume(1, volumeCny, 0, ZERO.volumeCny);
    }

    /** The sum of both volumes. */
    public Volume plus(Volume other) {
        return new Volume(Math.addExact(trades, other.trades), volumeCny.add(other.volumeCny),
                Math.addExact(crossBorderTrades, other.crossBorderTrades), crossBorderVolumeCny.add(other.crossBorderVolumeCny));
    }

    /** The figures of a running total ({@link Volume#ZERO} for none). */
    public static Volume of(TradingVolume total) {
        return total == null ? ZERO : new Volume(total.getTrades(), total.getVolumeCny(),
                total.getCrossBorderTrades(), total.getCrossBorderVolumeCny());
    }

    /** The figures of a window ({@link Volume#ZERO} for none). */
    public static Volume of(WindowedVolume window) {
        return window == null ? ZERO : new Volume(window.getTrades(), window.getVolumeCny(),
                window.getCrossBorderTrades(), window.getCrossBorderVolumeCny());
    }

    /** The figures of a trading day ({@link Volume#ZERO} for none). */
    public static Volume of(TradingDayVolume day) {
        return day == null ? ZERO : new Volume(day.getTrades(), day.getVolumeCny(),
                day.getCrossBorderTrades(), day.getCrossBorderVolumeCny());
    }

    /** The figures of a pre-aggregated change. */
    public static Volume of(VolumeChange change) {
        return new Volume(change.getTrades(), change.getVolumeCny(),
                change.getCrossBorderTrades(), change.getCrossBorderVolumeCny());
    }

    /** The figures of a compliance outcome (all its trades are cross-border; {@link Volume#ZERO} for none). */
    public static Volume of(ComplianceVolume outcome) {
        return outcome == null ? ZERO : new Volume(outcome.getTrades(), outcome.getVolumeCny(),
                outcome.getTrades(), outcome.getVolumeCny());
    }

    /** This volume as the running total of {@code scope}. */
    public TradingVolume toTradingVolume(String scope) {
        return new TradingVolume(scope, trades, volumeCny, crossBorderTrades, crossBorderVolumeCny);
    }

    /**
     * This volume as a pre-aggregated change whose latest trade occurred at {@code latestEventTime} and
     * whose earliest was appended at {@code earliestRecordTime} (null where not followed).
     */
    public VolumeChange toChange(long latestEventTime, Instant earliestRecordTime) {
        return new VolumeChange(trades, volumeCny, crossBorderTrades, crossBorderVolumeCny,
                Instant.ofEpochMilli(latestEventTime), earliestRecordTime);
    }
}
