package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NsbEntropyTest {

    @Test
    void undersampledUniformAlphabetIsMuchCloserThanPluginOrMillerMadow() {
        int k = 2000;
        int n = 400;
        int[] counts = new int[k];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(k)]++;
        }
        double exact = Math.log(k);
        double nsb = new NsbEntropy().entropy(counts, k);
        double mm = new MillerMadowEntropy().entropy(counts, k);
        assertThat(Math.abs(nsb - exact)).isLessThan(Math.abs(mm - exact) / 3);
        // NSB's posterior std here is ~0.1 nats; allow 0.3
        assertThat(nsb).isCloseTo(exact, within(0.3));
    }

    @Test
    void hugeDeclaredAlphabetWithAWellSampledDistributionStaysNearPlugin() {
        // all mass on 4 of 2^40 symbols, 10^4 samples: the posterior puts β ~ 1e-12, far below 1; a β grid that
        // does not scale with K would add thousands of pseudo-counts to unseen symbols and inflate H
        int[] counts = {4000, 3000, 2000, 1000};
        double k = Math.pow(2, 40);
        assertThat(new NsbEntropy().entropy(counts, k)).isCloseTo(PluginEntropy.plugin(counts), within(0.02));
    }

    @Test
    void singleSymbolHasZeroEntropyAndLargeSamplesAgreeWithPlugin() {
        assertThat(new NsbEntropy().entropy(new int[] {0, 50, 0}, 3)).isCloseTo(0.0, within(0.05));
        int[] counts = {40_000, 30_000, 20_000, 10_000};
        assertThat(new NsbEntropy().entropy(counts, 4))
                .isCloseTo(PluginEntropy.plugin(counts), within(1e-4));
    }
}
