package dev.coarse.dynamics.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.stats.IncompleteGamma;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.junit.jupiter.api.Test;

class ReactionNetworkTest {

    /** χ² tests here fail with probability 1e-3 for a correct sampler (for this fixed seed: never, or always). */
    private static final double P_VALUE_FLOOR = 1e-3;

    private static SplittableGenerator random(long seed) {
        return RandomStreams.root(seed);
    }

    @Test
    void birthDeathSsaFollowsTheExactPoissonLaw() {
        // From X(0) = 0 the law at time t is exactly Poisson(λ(1 − e^{−γt})), here λ = 20, γ = 1, t = 10.
        ReactionNetwork network = BuiltinNetworks.birthDeath(20, 1, 0);
        int runs = 20_000;
        Trajectories runsAtT = Gillespie.simulate(network, new double[] {0, 10}, runs, random(11), 11);
        double mean = 20 * (1 - Math.exp(-10));
        assertThat(chiSquaredPValue(runsAtT.samples(1, 0), mean)).isGreaterThan(P_VALUE_FLOOR);
        assertThat(runsAtT.samples(0, 0)).containsOnly(0L);
    }

    @Test
    void tauLeapingWithASmallStepFollowsThePoissonLaw() {
        ReactionNetwork network = BuiltinNetworks.birthDeath(20, 1, 0);
        Trajectories leaps = TauLeaping.simulate(network, new double[] {10}, 10_000, 0.02, random(12), 12);
        // The O(τ) bias of the variance, a factor 1/(1 − γτ/2) ≈ 1.01, is below what 10,000 samples resolve.
        assertThat(chiSquaredPValue(leaps.samples(0, 0), 20 * (1 - Math.exp(-10)))).isGreaterThan(P_VALUE_FLOOR);
    }

    @Test
    void michaelisMentenQuasiSteadyStateHoldsWhenTheEnzymeIsScarce() {
        // E0/(S0 + K_M) = 2/510: the QSSA product curve must stay within 1% of S0 of the SSA mean.
        ReactionNetwork scarce = BuiltinNetworks.michaelisMenten(300, 2);
        Reduction.Comparison comparison = Reduction.compare(scarce, Trajectories.evenTimes(4000, 21), 800,
                random(13), 13);
        Reduction.SpeciesComparison product = comparison.species().get(0);
        assertThat(product.species()).isEqualTo("P");
        assertThat(product.quasiSteadyDeviation()).isLessThan(Reduction.HOLDS_WITHIN);
        assertThat(product.quasiSteadyHolds()).isTrue();
        // and the SSA mean is resolved well below that 1% (3 molecules)
        for (double error : product.fullError()) {
            assertThat(error).isLessThan(0.6);
        }
        // the averaged-fast-pair SSA nearly reproduces the law of P: rapid equilibrium uses K_d = 200 for K_M = 210,
        // shifting the mean by ≲ 3 of σ ≈ 9 molecules, KL ≈ ½(δμ/σ)² ≲ 0.06, above the sampling bias of the plug-in KL
        for (int t = 0; t < product.klDivergence().length; t++) {
            assertThat(product.klDivergence()[t]).isLessThan(product.klBias()[t] + 0.06 + 5 * product.klError()[t]);
        }
    }

    @Test
    void michaelisMentenQuasiSteadyStateBreaksDownWhenTheEnzymeIsAbundant() {
        ReactionNetwork abundant = BuiltinNetworks.michaelisMenten(300, 300);
        Reduction.Comparison comparison = Reduction.compare(abundant, Trajectories.evenTimes(40, 21), 100,
                random(14), 14);
        Reduction.SpeciesComparison product = comparison.species().get(0);
        assertThat(product.quasiSteadyDeviation()).isGreaterThan(Reduction.FAILS_BEYOND);
        assertThat(product.quasiSteadyHolds()).isFalse();
        // mean field of the full network is exact enough here (large numbers), unlike the QSSA
        assertThat(product.meanFieldDeviation()).isLessThan(Reduction.HOLDS_WITHIN * 2);
    }

    @Test
    void schloeglMeanFieldFailsBecauseTheLawIsBimodal() {
        ReactionNetwork schloegl = BuiltinNetworks.schloegl(250);
        Reduction.Comparison comparison = Reduction.compare(schloegl, Trajectories.evenTimes(10, 11), 300,
                random(15), 15);
        Reduction.SpeciesComparison x = comparison.species().get(0);
        assertThat(x.bimodal()).isTrue();
        assertThat(x.meanFieldFails()).isTrue();
        // the modes sit at the rate equation's two stable points, 85 and 563, within their Poisson-like widths
        assertThat(x.clusters().lowCentre()).isBetween(85 - 15.0, 85 + 15.0);
        assertThat(x.clusters().highCentre()).isBetween(563 - 40.0, 563 + 40.0);
        assertThat(x.clusters().highWeight()).isBetween(0.1, 0.9);
        // the mean field from 250 (above the unstable point 248) ends in the upper state alone
        assertThat(x.meanField()[x.meanField().length - 1]).isBetween(540.0, 580.0);
    }

    @Test
    void birthDeathMeanFieldIsExactInTheMean() {
        DeterministicPath path = RateEquations.meanField(BuiltinNetworks.birthDeath(20, 1, 0), new double[] {0, 1, 3});
        assertThat(path.value(1, 0)).isCloseTo(20 * (1 - Math.exp(-1)), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(path.value(2, 0)).isCloseTo(20 * (1 - Math.exp(-3)), org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void sameSeedSameTrajectories() {
        ReactionNetwork network = BuiltinNetworks.schloegl(250);
        Trajectories a = Gillespie.simulate(network, new double[] {1}, 5, random(3), 3);
        Trajectories b = Gillespie.simulate(network, new double[] {1}, 5, random(3), 3);
        assertThat(a.counts()).isDeepEqualTo(b.counts());
    }

    @Test
    void invalidNetworksAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> new Reaction("r", new int[] {1}, new int[] {0}, -1, false))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> new ReactionNetwork("n", List.of("X"), List.of(
                new Reaction("a", new int[] {1}, new int[] {0}, 1, true)), new long[] {1}, List.of()))
                .hasMessageContaining("reversible pair");
        assertThatThrownBy(() -> new ReactionNetwork("n", List.of("X", "Y"), List.of(
                new Reaction("a", new int[] {2, 0}, new int[] {0, 1}, 1, false)), new long[] {1, 0}, List.of("X")))
                .hasMessageContaining("quasi-steady");
    }

    @Test
    void klOfASampleWithItselfIsZero() {
        long[] sample = new SplittableRandom(4).longs(1000, 0, 10).toArray();
        assertThat(Reduction.klDivergence(sample, sample)).isEqualTo(0.0);
    }

    /** Pearson χ² p-value of integer samples against Poisson(mean), bins pooled so each expects at least 5. */
    private static double chiSquaredPValue(long[] samples, double mean) {
        int max = 0;
        for (long v : samples) {
            max = (int) Math.max(max, v);
        }
        int n = samples.length;
        double[] expected = new double[max + 2];
        double p = Math.exp(-mean);
        double cumulative = 0;
        for (int k = 0; k <= max; k++) {
            expected[k] = n * p;
            cumulative += p;
            p *= mean / (k + 1);
        }
        expected[max + 1] = n * Math.max(0, 1 - cumulative);
        long[] observed = new long[max + 2];
        for (long v : samples) {
            observed[(int) v]++;
        }
        double chi2 = 0;
        int bins = 0;
        double e = 0;
        double o = 0;
        for (int k = 0; k < expected.length; k++) {
            e += expected[k];
            o += observed[k];
            if (e >= 5 && (k == expected.length - 1 || tail(expected, k + 1) >= 5)) {
                chi2 += (o - e) * (o - e) / e;
                bins++;
                e = 0;
                o = 0;
            }
        }
        if (e > 0) {
            chi2 += (o - e) * (o - e) / e;
            bins++;
        }
        return IncompleteGamma.chiSquaredPValue(chi2, bins - 1);
    }

    private static double tail(double[] expected, int from) {
        double sum = 0;
        for (int k = from; k < expected.length; k++) {
            sum += expected[k];
        }
        return sum;
    }
}
