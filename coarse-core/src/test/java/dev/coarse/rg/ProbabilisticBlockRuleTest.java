package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilisticBlockRuleTest extends CoarseGrainingContract {

    @Override
    protected CoarseGraining rule() {
        return new ProbabilisticBlockRule(2, 0.7);
    }

    @Test
    void aLargeWeightIsTheMajorityOfEveryUntiedBlock() {
        Lattice fine = Lattice.square(8);
        SplittableRandom rng = new SplittableRandom(3);
        ProbabilisticBlockRule sharp = new ProbabilisticBlockRule(2, 30);
        for (int t = 0; t < 50; t++) {
            byte[] s = randomSpins(64, rng);
            byte[] a = new byte[16];
            byte[] b = new byte[16];
            sharp.apply(fine, s, a, rng.split());
            new MajorityRule(2, TieBreak.FIXED_SITE).apply(fine, s, b, rng.split());
            int[] sites = fine.blocks(2).sitesOf(0);
            for (int k = 0; k < 16; k++) {
                int sum = 0;
                for (int site : fine.blocks(2).sitesOf(k)) {
                    sum += s[site];
                }
                if (sum != 0) {
                    assertThat(a[k]).as("block %d of %s", k, sites.length).isEqualTo(b[k]);
                }
            }
        }
    }

    @Test
    void theCoarseSpinFollowsTheBlockSumWithTheHeatBathProbability() {
        // a uniform block of four +1 spins: P(+1) = 1/(1 + e^{-8w})
        Lattice fine = Lattice.square(4);
        byte[] up = new byte[16];
        java.util.Arrays.fill(up, (byte) 1);
        double w = 0.2;
        double expected = 1 / (1 + Math.exp(-8 * w));
        ProbabilisticBlockRule rule = new ProbabilisticBlockRule(2, w);
        SplittableRandom rng = new SplittableRandom(5);
        int plus = 0;
        int draws = 40_000;
        byte[] c = new byte[4];
        for (int t = 0; t < draws / 4; t++) {
            rule.apply(fine, up, c, rng);
            for (byte v : c) {
                plus += v > 0 ? 1 : 0;
            }
        }
        double sigma = Math.sqrt(expected * (1 - expected) / draws);
        assertThat(Math.abs(plus / (double) draws - expected)).isLessThan(4 * sigma);
    }

    @Test
    void refusesABadWeight() {
        for (double w : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ProbabilisticBlockRule(2, w)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("weight");
        }
    }
}
