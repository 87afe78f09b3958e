package io.dex.streams.aggregate;

/**
 * What one trade adds to one aggregate group.
 *
 * @param group  the group
 * @param volume the trade's volume
 */
public record GroupVolume(AggregateGroup group, Volume volume) {
}
