package io.dex.streams.aggregate;

import io.dex.schema.AggregateDelta;
import io.dex.schema.AggregateKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One group of one aggregate, the unit the roll-up keeps a total for: the whole exchange, a category,
 * a member's sales, a category window...
 *
 * @param kind        the aggregate
 * @param group       the group within it, also the key the roll-up partitions and stores it by
 * @param windowStart start of the event-time window for {@link AggregateKind#CATEGORY_WINDOW}, else null
 */
public record AggregateGroup(AggregateKind kind, String group, Long windowStart) {

    /** Validates the group. */
    public AggregateGroup {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        if ((kind == AggregateKind.CATEGORY_WINDOW) != (windowStart != null)) {
            throw new IllegalArgumentException("a window start is given for category windows and only for them: " + kind);
        }
    }

    /** A group without a window. */
    public static AggregateGroup of(AggregateKind kind, String group) {
        return new AggregateGroup(kind, group, null);
    }

    /** The group a delta belongs to. */
    public static AggregateGroup of(AggregateDelta delta) {
        Instant start = delta.getWindowStart();
        return new AggregateGroup(delta.getKind(), delta.getGroup(), start == null ? null : start.toEpochMilli());
    }

    /** The group of a {@link #storeKey()}. */
    public static AggregateGroup parse(String storeKey) {
        int colon = storeKey.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an aggregate group key: " + storeKey);
        }
        AggregateKind kind = AggregateKind.valueOf(storeKey.substring(0, colon));
        String rest = storeKey.substring(colon + 1);
        if (kind != AggregateKind.CATEGORY_WINDOW) {
            return of(kind, rest);
        }
        int at = rest.lastIndexOf('@');
        return new AggregateGroup(kind, rest.substring(0, at), Long.parseLong(rest.substring(at + 1)));
    }

    /** A key unique across aggregates, for stores that hold groups of several aggregates. */
    public String storeKey() {
        return windowStart == null ? kind + ":" + group : kind + ":" + group + "@" + windowStart;
    }

    /** A delta of this group. */
    public AggregateDelta delta(Object change) {
        return new AggregateDelta(kind, group, windowStart == null ? null : Instant.ofEpochMilli(windowStart), change);
    }
}
