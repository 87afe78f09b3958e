package io.dex.deploy.bench;

import io.dex.producer.simulation.SimulationSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code dex bench} run measures with.
 *
 * @param events          events of the simulated market pre-published for the baseline and the pipeline
 * @param products        data products of the simulated market (its catalogue is listed first)
 * @param offeredRate     events per second the simulator offers while the latency is measured
 * @param latencyDuration how long the simulator offers them
 * @param seed            seed of the simulated market
 * @param commitInterval  commit interval of both Streams applications
 * @param warmUp          whether a first run of each application over the same events precedes (a) and (b), so
 *                        that they measure compiled code rather than the JIT compiler at work
 */
public record BenchSettings(long events, int products, double offeredRate, Duration latencyDuration, long seed,
                            Duration commitInterval, boolean warmUp) {

    /** Validates the settings. */
    public BenchSettings {
        Objects.requireNonNull(latencyDuration, "latencyDuration");
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("--commit-interval must be positive, got " + commitInterval);
        }
        if (events < 1) {
            throw new IllegalArgumentException("--events must be positive, got " + events);
        }
        if (!(offeredRate > 0)) {
            throw new IllegalArgumentException("--offered-rate must be positive, got " + offeredRate);
        }
        if (latencyDuration.isNegative() || latencyDuration.isZero()) {
            throw new IllegalArgumentException("--latency-duration must be positive, got " + latencyDuration);
        }
        // Fails early, naming the limit, rather than after the broker has started.
        market(products, seed);
    }

    /** The market pre-published for the baseline and the pipeline. */
    public SimulationSettings market() {
        return market(products, seed);
    }

    /**
     * The market the simulator offers while the latency is measured: the same catalogue, another seed,
     * so that its trades are new to the pipeline rather than duplicates of the pre-published ones.
     */
    public SimulationSettings latencyMarket() {
        return market(products, seed + 1);
    }

    private static SimulationSettings market(int products, long seed) {
        SimulationSettings standard = SimulationSettings.standard(seed);
        return new SimulationSettings(standard.members(), products, seed, standard.crossBorderShare(), standard.invalidShare());
    }
}
