package dev.coarse.emergence.sandpile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.Tolerances;
import dev.coarse.stats.Estimate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class SandpileTest {

    private static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** The textbook parallel update, scanning the whole grid each step: size, area, duration and final heights. */
    private static long[] referenceRelax(int l, int[] h, int site) {
        h[site]++;
        long size = 0;
        int duration = 0;
        boolean[] toppled = new boolean[h.length];
        while (true) {
            int[] unstable = new int[h.length];
            int count = 0;
            for (int i = 0; i < h.length; i++) {
                if (h[i] >= 4) {
                    unstable[count++] = i;
                }
            }
            if (count == 0) {
                break;
            }
            for (int k = 0; k < count; k++) {
                int i = unstable[k];
                int x = i / l;
                int y = i % l;
                h[i] -= 4;
                toppled[i] = true;
                if (x > 0) {
                    h[i - l]++;
                }
                if (x < l - 1) {
                    h[i + l]++;
                }
                if (y > 0) {
                    h[i - 1]++;
                }
                if (y < l - 1) {
                    h[i + 1]++;
                }
            }
            size += count;
            duration++;
        }
        int area = 0;
        for (boolean t : toppled) {
            area += t ? 1 : 0;
        }
        return new long[] {size, area, duration};
    }

    @Test
    void stackKernelEqualsTheParallelUpdateGrainByGrain() {
        int l = 7;
        RandomGenerator random = rng(3);
        Sandpile pile = Sandpile.maximal(l);
        int[] reference = pile.heights();
        for (int g = 0; g < 3000; g++) {
            int site = random.nextInt(l * l);
            long[] expected = referenceRelax(l, reference, site);
            long size = pile.addGrain(site);
            assertThat(new long[] {size, pile.lastArea(), pile.lastDuration()}).as("grain %d", g).containsExactly(expected);
            assertThat(pile.heights()).isEqualTo(reference);
        }
    }

    @Test
    void grainsAreConservedUpToTheBoundary() {
        int l = 16;
        RandomGenerator random = rng(5);
        Sandpile pile = Sandpile.empty(l);
        int added = 20_000;
        for (int g = 0; g < added; g++) {
            pile.addGrain(random.nextInt(l * l));
        }
        long inPile = 0;
        for (int h : pile.heights()) {
            assertThat(h).isBetween(0, 3);
            inPile += h;
        }
        assertThat(inPile + pile.dissipated()).isEqualTo(added);
        assertThat(pile.dissipated()).isPositive();
    }

    @Test
    void drivingFromTheMaximalPileVisitsOnlyRecurrentConfigurations() {
        int l = 4;
        RandomGenerator random = rng(9);
        Sandpile pile = Sandpile.maximal(l);
        for (int g = 0; g < 2000; g++) {
            pile.addGrain(random.nextInt(l * l));
            assertThat(RecurrentConfigurations.isRecurrent(l, l, pile.heights())).isTrue();
        }
        assertThat(RecurrentConfigurations.isRecurrent(l, l, new int[l * l])).as("the empty pile is transient").isFalse();
    }

    @Test
    void additionsCommute() {
        int l = 9;
        RandomGenerator random = rng(11);
        int[] sites = random.ints(500, 0, l * l).toArray();
        Sandpile forward = Sandpile.maximal(l);
        Sandpile backward = Sandpile.maximal(l);
        long forwardTopplings = 0;
        long backwardTopplings = 0;
        for (int i = 0; i < sites.length; i++) {
            forwardTopplings += forward.addGrain(sites[i]);
            backwardTopplings += backward.addGrain(sites[sites.length - 1 - i]);
        }
        assertThat(forward.heights()).isEqualTo(backward.heights());
        assertThat(forwardTopplings).isEqualTo(backwardTopplings);
    }

    @Test
    void meanTopplingsMatchDharsInverseTopplingMatrix() {
        // Gaussian 4σ: false failure ≈ 6e-5 per check (fixed seeds, so deterministic in practice).
        for (int l : new int[] {4, 12}) {
            AvalancheSeries run = AvalancheSeries.drive(l, 10L * l * l, 200_000, 0, 17, rng(17 + l));
            Estimate measured = AvalancheStatistics.meanTopplings(run);
            double exact = DharExact.meanTopplingsPerGrain(l, l);
            assertThat(measured.sigmasFrom(exact)).as("L=%d: %s vs exact %s", l, measured, exact)
                    .isLessThan(Tolerances.STAT_SIGMAS);
            assertThat(measured.error() / exact).as("resolution").isLessThan(0.03);
        }
    }
}
