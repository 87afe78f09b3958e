package io.dex.producer.simulation;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulation run did.
 *
 * @param sent         events handed to the publisher, per kind name
 * @param flawed       trades sent with a flaw the exchange must reject
 * @param acknowledged events acknowledged by the cluster
 * @param failed       events whose send failed
 * @param sending      time spent generating and sending (the paced part)
 * @param targetRate   the rate asked for, events per second
 */
public record SimulationReport(Map<String, Long> sent, long flawed, long acknowledged, long failed,
        Duration sending, double targetRate) {

    /** Copies the counts. */
    public SimulationReport {
        sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
    }

    /** Every event sent. */
    public long total() {
        return sent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rate achieved while sending, events per second. */
    public double achievedRate() {
        double seconds = sending.toNanos() / 1e9;
        return seconds > 0 ? total() / seconds : 0;
    }
}
