package dev.coarse.emergence.deepnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Random networks of width 1000 and depth 50 against the mean-field maps. Each check compares the mean over S = 6
 * seeds with the map's prediction in units of the standard error from the seeds' spread; with S − 1 = 5 degrees of
 * freedom |t| &gt; 6 has probability 0.002, so the 20 checks below fail falsely about 4 % of the time for a fresh seed
 * set (the seeds are fixed, so in practice they pass or fail deterministically). Finite-width bias is O(1/N), ten
 * times below the standard errors here.
 */
class RandomNetworkSimulationTest {

    private static final int WIDTH = 1000;
    private static final int DEPTH = 50;
    private static final int SEEDS = 6;
    private static final double T_LIMIT = 6;
    private static final int[] LAYERS = {1, 3, 10, 50};

    private static void checkAgainstMeanField(MeanField field, double q0, double c0) {
        RandomNetworkSimulation[] runs = new RandomNetworkSimulation[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            runs[s] = RandomNetworkSimulation.run(field, WIDTH, DEPTH, q0, c0,
                    RandomGeneratorFactory.of("L64X128MixRandom").create(1000 + s));
        }
        double[] q = {q0, q0, q0 * c0};
        double[][] theory = new double[DEPTH + 1][];
        theory[0] = q;
        for (int l = 1; l <= DEPTH; l++) {
            q = field.covarianceMap(q[0], q[1], q[2]);
            theory[l] = q;
        }
        for (int l : LAYERS) {
            double[] qs = new double[SEEDS];
            double[] cs = new double[SEEDS];
            for (int s = 0; s < SEEDS; s++) {
                qs[s] = runs[s].q11()[l];
                cs[s] = runs[s].c()[l];
            }
            double qTheory = theory[l][0];
            double cTheory = theory[l][2] / Math.sqrt(theory[l][0] * theory[l][1]);
            assertThat(t(qs, qTheory)).as("%s: q at layer %d, theory %s", field, l, qTheory).isLessThan(T_LIMIT);
            if (cTheory < 1 - 1e-6) {
                assertThat(t(cs, cTheory)).as("%s: c at layer %d, theory %s", field, l, cTheory).isLessThan(T_LIMIT);
            } else {
                assertThat(mean(cs)).isCloseTo(cTheory, org.assertj.core.data.Offset.offset(1e-3));
            }
        }
        // χ₁: the Jacobian's mean squared singular value, averaged over the stationary layers 30 … 50
        double chi1 = field.chi1(field.fixedPointQ());
        double[] chis = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            for (int l = 30; l <= DEPTH; l++) {
                chis[s] += runs[s].chi1()[l] / (DEPTH - 29);
            }
        }
        assertThat(t(chis, chi1)).as("%s: χ₁ %s", field, chi1).isLessThan(T_LIMIT);
    }

    private static double mean(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        return m;
    }

    private static double t(double[] x, double expected) {
        double m = mean(x);
        double var = 0;
        for (double v : x) {
            var += (v - m) * (v - m) / (x.length - 1);
        }
        return Math.abs(m - expected) / Math.sqrt(var / x.length);
    }

    @Test
    void chaoticTanhNetworkFollowsTheMaps() {
        checkAgainstMeanField(new MeanField(Activation.TANH, 2.5, 0.05), 1.5, 0.8);
    }

    @Test
    void orderedReluNetworkFollowsTheMaps() {
        checkAgainstMeanField(new MeanField(Activation.RELU, 1.6, 0.2), 0.5, 0.2);
    }
}
