package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sampler with {@link Observables#measure} against exact results that need no Kaufman: the 4×4 Ising
 * torus and the 3×3 three-state Potts torus by enumeration, and the long Ising chain (e = −tanh K).
 */
class ThermodynamicsTest {

    /** Agreement required, in estimated standard errors (each comparison fails ~1e-4 of seeds if Gaussian). */
    private static final double STAT_SIGMAS = 4.0;
    private static final long SEED = 42L;

    static Stream<Arguments> isingCases() {
        List<Arguments> cases = new ArrayList<>();
        for (double t : new double[] {2.27, 3.0}) {
            for (SamplerKind kind : SamplerKind.available(IsingModel.atTemperature(Lattice.square(4), t))) {
                cases.add(Arguments.of(kind, t));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at T = {1}")
    @MethodSource("isingCases")
    void isingFourByFourMatchesEnumeration(SamplerKind sampler, double t) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), t);
        Map<String, Double> exact = ExactObservables.of(Enumeration.boltzmann(model));
        // A Wolff step moves one cluster (about half the lattice here), so it gets twice the steps.
        long sweeps = sampler == SamplerKind.WOLFF ? 40_000 : 20_000;
        ChainResult result = ChainRunner.run(new RunSpec(model, sampler, sweeps, 1000, 1, 4, SEED, 1), null);
        Map<String, Estimate> measured = Observables.measure(result);
        assertThat(measured.keySet()).containsExactlyElementsOf(exact.keySet());
        for (String key : exact.keySet()) {
            Estimate e = measured.get(key);
            assertThat(e.sigmasFrom(exact.get(key)))
                    .as("%s %s = %s vs exact %s (τ_int %.2f)", sampler, key, e, exact.get(key), e.tauInt())
                    .isLessThan(STAT_SIGMAS);
        }
    }

    @Test
    void pottsThreeByThreeEnergyAndSpecificHeatMatchEnumeration() {
        for (double t : new double[] {0.8, 1.5}) {
            PottsModel model = new PottsModel(Lattice.square(3), 3, t);
            ExactDistribution exact = Enumeration.boltzmann(model);
            for (SamplerKind sampler : SamplerKind.available(model)) {
                ChainResult result = ChainRunner.run(new RunSpec(model, sampler, 30_000, 1000, 1, 2, SEED, 1), null);
                Map<String, Estimate> measured = Observables.measure(result);
                Estimate e = measured.get("energy_per_site");
                Estimate c = measured.get("specific_heat");
                assertThat(e.sigmasFrom(exact.energyPerSite())).as("%s T=%s e = %s vs %s", sampler, t, e,
                        exact.energyPerSite()).isLessThan(STAT_SIGMAS);
                assertThat(c.sigmasFrom(exact.specificHeatPerSite())).as("%s T=%s C = %s vs %s", sampler, t, c,
                        exact.specificHeatPerSite()).isLessThan(STAT_SIGMAS);
            }
        }
    }

    @Test
    void longChainEnergyIsMinusTanhK() {
        double k = 0.5;
        int n = 1000;
        IsingModel model = IsingModel.atCoupling(Lattice.chain(n), k);
        // Finite ring: e = −(tanh K + tanh^{N−1} K)/(1 + tanh^N K); the corrections are below 1e-300 here.
        double exact = -Math.tanh(k);
        for (SamplerKind sampler : SamplerKind.available(model)) {
            // A Wolff step flips a cluster of ~(1+tanh K)/(1−tanh K) ≈ 2.7 sites: thin by ~N/3 steps.
            boolean wolff = sampler == SamplerKind.WOLFF;
            long thin = wolff ? 400 : 1;
            ChainResult result = ChainRunner.run(new RunSpec(model, sampler, 1500 * thin, 200 * thin, thin, 2, SEED,
                    1), null);
            Estimate e = Observables.measure(result).get("energy_per_site");
            assertThat(e.sigmasFrom(exact)).as("%s: e = %s vs −tanh K = %s", sampler, e, exact)
                    .isLessThan(STAT_SIGMAS);
        }
    }
}
