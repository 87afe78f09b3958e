package io.dex.producer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ZipfDistribution")
class ZipfDistributionTest {

    @Test
    @DisplayName("rank r has probability (1/(r+1)) / H(n) for exponent 1")
    void probabilities() {
        ZipfDistribution zipf = new ZipfDistribution(4, 1.0);
        double harmonic = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0;
        assertThat(zipf.probability(0)).isCloseTo(1 / harmonic, within(1e-12));
        assertThat(zipf.probability(3)).isCloseTo(0.25 / harmonic, within(1e-12));
        assertThat(IntStream.range(0, 4).mapToDouble(zipf::probability).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    @DisplayName("samples follow the probabilities and stay in range")
    void samples() {
        ZipfDistribution zipf = new ZipfDistribution(100, 1.0);
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[100];
        for (int i = 0; i < 200_000; i++) {
            counts[zipf.sample(random)]++;
        }
        assertThat(counts[0] / 200_000.0).isCloseTo(zipf.probability(0), within(0.005));
        assertThat(counts[9] / 200_000.0).isCloseTo(zipf.probability(9), within(0.003));
        assertThat((double) counts[0] / counts[1]).isCloseTo(2.0, within(0.1));
    }
}
