package dev.coarse.learn.corex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteCorexTest {

    /** Error bars a TC estimate may be from the exact value (a 4σ fluctuation: about 1 in 16,000 per check). */
    private static final double SIGMAS = 4.0;

    @Test
    void recoversPlantedClustersOnAtLeastNineOfTenSeeds() {
        int exact = 0;
        StringBuilder aris = new StringBuilder();
        for (long seed = 1; seed <= 10; seed++) {
            PlantedFactors planted = PlantedFactors.generate(5, 8, 1000, seed);
            CorexFit fit = new DiscreteCorex(CorexSettings.of(5)).fit(planted.data(), seed);
            double ari = AdjustedRandIndex.of(planted.parent(), fit.best().clusters());
            aris.append(ari).append(' ');
            if (ari == 1.0) {
                exact++;
            }
        }
        assertThat(exact).as("seeds with ARI exactly 1: %s", aris).isGreaterThanOrEqualTo(9);
    }

    @Test
    void explainsTheExactTotalCorrelationOfOneFactor() {
        double[] flip = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3};
        int[] parent = new int[flip.length];
        SymbolMatrix data = PlantedFactors.sample(parent, flip, 1, 20_000, new SplittableRandom(11));
        CorexLayer layer = new DiscreteCorex(CorexSettings.of(1)).fit(data, 3).best();
        assertWithinError(layer, exactTotalCorrelation(flip), data.rows(), 2 * flip.length + 1);
    }

    @Test
    void explainsTheExactTotalCorrelationOfTwoFactors() {
        double[] flip = {0.05, 0.1, 0.2, 0.3, 0.08, 0.12, 0.15, 0.25};
        int[] parent = {0, 0, 0, 0, 1, 1, 1, 1};
        SymbolMatrix data = PlantedFactors.sample(parent, flip, 2, 20_000, new SplittableRandom(12));
        CorexFit fit = new DiscreteCorex(CorexSettings.of(2)).fit(data, 4);
        // the factors are independent: TC(X) is the sum of the two groups' TCs
        double exact = exactTotalCorrelation(new double[] {0.05, 0.1, 0.2, 0.3})
                + exactTotalCorrelation(new double[] {0.08, 0.12, 0.15, 0.25});
        assertThat(AdjustedRandIndex.of(parent, fit.best().clusters())).isEqualTo(1.0);
        assertWithinError(fit.best(), exact, data.rows(), 2 * (2 * 4 + 1));
    }

    @Test
    void missingValuesLeaveTheClustersIntact() {
        PlantedFactors planted = PlantedFactors.generate(4, 6, 2000, 21);
        byte[] values = planted.data().values().clone();
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < values.length; t++) {
            if (rng.nextDouble() < 0.15) {
                values[t] = SymbolMatrix.MISSING;
            }
        }
        SymbolMatrix holed = new SymbolMatrix(planted.data().rows(), planted.data().columns(), values,
                planted.data().alphabet());
        CorexFit fit = new DiscreteCorex(CorexSettings.of(4)).fit(holed, 2);
        assertThat(AdjustedRandIndex.of(planted.parent(), fit.best().clusters())).isEqualTo(1.0);
    }

    @Test
    void miniBatchesFindTheSameClustersAndTc() {
        PlantedFactors planted = PlantedFactors.generate(4, 6, 8000, 31);
        CorexLayer full = new DiscreteCorex(CorexSettings.of(4)).fit(planted.data(), 6).best();
        CorexLayer batched = new DiscreteCorex(CorexSettings.of(4).withBatchSize(500).withIterations(200))
                .fit(planted.data(), 6).best();
        assertThat(AdjustedRandIndex.of(planted.parent(), batched.clusters())).isEqualTo(1.0);
        // both are means over the same samples: their difference is far below either error bar's scale
        assertThat(Math.abs(batched.tc().mean() - full.tc().mean())).isLessThan(SIGMAS * full.tc().error());
    }

    @Test
    void threadsDoNotChangeTheResult() {
        PlantedFactors planted = PlantedFactors.generate(3, 5, 1500, 41);
        CorexLayer one = new DiscreteCorex(CorexSettings.of(3)).fit(planted.data(), 9).best();
        CorexLayer two = new DiscreteCorex(CorexSettings.of(3).withThreads(2)).fit(planted.data(), 9).best();
        assertThat(two.factorTc()).containsExactly(one.factorTc());
        assertThat(two.labels().values()).containsExactly(one.labels().values());
    }

    @Test
    void restartsOfCleanDataAgree() {
        PlantedFactors planted = PlantedFactors.generate(3, 6, 1500, 51);
        CorexFit fit = new DiscreteCorex(CorexSettings.of(3).withRestarts(4)).fit(planted.data(), 1);
        assertThat(fit.restartTc()).hasSize(4);
        assertThat(fit.stability()).isEqualTo(1.0);
        assertThat(fit.best().tc().mean()).isEqualTo(java.util.Arrays.stream(fit.restartTc()).max().orElseThrow());
    }

    @Test
    void secondLayerGroupsTheFactorsOfOneParent() {
        // two top factors z, each the parent of three middle factors (copies flipped with probability 0.1), each the
        // parent of six variables: layer 2 should put the middle factors of one z together
        SplittableRandom rng = new SplittableRandom(61);
        int samples = 4000;
        int[] topOfMiddle = {0, 0, 0, 1, 1, 1};
        int p = 36;
        int[][] x = new int[samples][p];
        for (int l = 0; l < samples; l++) {
            int[] z = {rng.nextInt(2), rng.nextInt(2)};
            for (int mid = 0; mid < 6; mid++) {
                int y = rng.nextDouble() < 0.1 ? 1 - z[topOfMiddle[mid]] : z[topOfMiddle[mid]];
                for (int c = 0; c < 6; c++) {
                    x[l][mid * 6 + c] = rng.nextDouble() < 0.1 ? 1 - y : y;
                }
            }
        }
        List<CorexFit> layers = HierarchicalCorex.fit(SymbolMatrix.ofSymbols(x), CorexSettings.of(6),
                new int[] {6, 2}, 7);
        int[] middle = layers.get(0).best().clusters();
        int[] top = layers.get(1).best().clusters();
        int[] plantedMiddle = new int[p];
        int[] plantedTop = new int[p];
        int[] found = new int[p];
        for (int i = 0; i < p; i++) {
            plantedMiddle[i] = i / 6;
            plantedTop[i] = topOfMiddle[i / 6];
            found[i] = top[middle[i]];
        }
        assertThat(AdjustedRandIndex.of(plantedMiddle, middle)).isEqualTo(1.0);
        assertThat(AdjustedRandIndex.of(plantedTop, found)).isEqualTo(1.0);
        assertThat(layers.get(1).best().tc().mean()).isGreaterThan(0.0);
    }

    /**
     * TC = Σ H(X_i) − H(X) of binary copies of one fair coin, variable i flipped with probability flip[i], by
     * enumerating all 2^n values of X (each a sum over the coin). Independent of the code under test.
     */
    static double exactTotalCorrelation(double[] flip) {
        int n = flip.length;
        double joint = 0;
        for (int state = 0; state < 1 << n; state++) {
            double probability = 0;
            for (int y = 0; y < 2; y++) {
                double q = 0.5;
                for (int i = 0; i < n; i++) {
                    int xi = (state >> i) & 1;
                    q *= xi == y ? 1 - flip[i] : flip[i];
                }
                probability += q;
            }
            joint -= probability * Math.log(probability);
        }
        // every X_i is a fair coin: H(X_i) = ln 2
        return n * Math.log(2) - joint;
    }

    /**
     * The fitted TC is a mean over samples (error: its standard error) of a model fitted to them, which overfits by
     * about (free parameters)/(2N) nats (the χ²/2 of a likelihood ratio); both enter the tolerance.
     */
    private static void assertWithinError(CorexLayer layer, double exact, int samples, int parameters) {
        double tolerance = SIGMAS * layer.tc().error() + parameters / (2.0 * samples);
        assertThat(Math.abs(layer.tc().mean() - exact)).as("TC %s vs exact %s (tolerance %s)", layer.tc(), exact,
                tolerance).isLessThan(tolerance);
    }
}
