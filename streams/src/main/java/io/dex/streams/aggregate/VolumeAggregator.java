package io.dex.streams.aggregate;

import io.dex.schema.AggregateKind;
import io.dex.schema.TradeEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which volume groups an accepted trade counts in (SPEC "trading volume"): the exchange, the
 * product's category at the time of the trade, the buyer's jurisdiction, the seller's sales, the
 * buyer's purchases, and, unless they are already closed, its category window and its trading day.
 */
public final class VolumeAggregator {

    /** The group of the whole exchange. */
    public static final String EXCHANGE = "exchange";

    /** The domestic jurisdiction; every other buyer jurisdiction is cross-border. */
    public static final String DOMESTIC = "CN";

    private final TumblingWindows windows;
    private final TradingCalendar calendar;
    private final GracePeriod grace;

    /** An aggregator with the given windows, trading days and grace period. */
    public VolumeAggregator(TumblingWindows windows, TradingCalendar calendar, GracePeriod grace) {
        this.windows = windows;
        this.calendar = calendar;
        this.grace = grace;
    }

    /** Whether a trade to a buyer in {@code buyerJurisdiction} is cross-border. */
    public static boolean isCrossBorder(String buyerJurisdiction) {
        return !DOMESTIC.equals(buyerJurisdiction);
    }

    /**
     * The groups {@code trade} (of a product in {@code category}, worth {@code volumeCny}) counts in,
     * given stream time {@code streamTime} (the latest event time seen, this trade's included).
     */
    public Contributions contributions(TradeEvent trade, String category, BigDecimal volumeCny, long streamTime) {
        Volume volume = Volume.ofTrade(volumeCny, isCrossBorder(trade.getBuyerJurisdiction()));
        long eventTime = trade.getOccurredAt().toEpochMilli();
        List<GroupVolume> groups = new ArrayList<>(7);
        groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.EXCHANGE, EXCHANGE), volume));
        groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.CATEGORY, category), volume));
        groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.JURISDICTION, trade.getBuyerJurisdiction()), volume));
        groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.SALES, trade.getSellerId()), volume));
        groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.PURCHASES, trade.getBuyerId()), volume));
        long windowStart = windows.start(eventTime);
        boolean windowClosed = grace.isClosed(windows.end(windowStart), streamTime);
        if (!windowClosed) {
            groups.add(new GroupVolume(new AggregateGroup(AggregateKind.CATEGORY_WINDOW, category, windowStart), volume));
        }
        LocalDate day = calendar.day(eventTime);
        boolean dayClosed = grace.isClosed(calendar.end(day), streamTime);
        if (!dayClosed) {
            groups.add(new GroupVolume(AggregateGroup.of(AggregateKind.TRADING_DAY, day.toString()), volume));
        }
        return new Contributions(volume, eventTime, groups, windowClosed, dayClosed);
    }

    /**
     * What one trade contributes.
     *
     * @param volume        the trade as a volume
     * @param eventTime     its occurredAt
     * @param groups        the groups it counts in
     * @param windowClosed  whether its category window was already closed (the trade is late for it)
     * @param dayClosed     whether its trading day was already closed
     */
    public record Contributions(Volume volume, long eventTime, List<GroupVolume> groups,
                                boolean windowClosed, boolean dayClosed) {
    }
}
