package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Energy and specific heat of the L×L torus from two samplers (Swendsen–Wang and checkerboard Metropolis)
 * against Kaufman's exact finite-lattice values, at T = 2.0, T_c and 2.6, for L = 8 and 16.
 */
@Tag("slow")
class KaufmanAgreementTest {

    /**
     * Agreement required, in estimated standard errors. With 12 cases × 2 quantities, each Gaussian
     * comparison fails with probability 6e-5, so a correct sampler fails this class ~1.5e-3 of seeds.
     */
    private static final double STAT_SIGMAS = 4.0;
    private static final long SEED = 20261123L;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (SamplerKind sampler : new SamplerKind[] {SamplerKind.SWENDSEN_WANG, SamplerKind.METROPOLIS}) {
            for (int l : new int[] {8, 16}) {
                for (double t : new double[] {2.0, Onsager.CRITICAL_TEMPERATURE, 2.6}) {
                    cases.add(Arguments.of(sampler, l, t));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} L = {1} T = {2}")
    @MethodSource("cases")
    void energyAndSpecificHeatMatchKaufman(SamplerKind sampler, int l, double t) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(l), t);
        // Metropolis decorrelates slowly near T_c (z ≈ 2.17): it gets more sweeps than SW.
        long sweeps = sampler == SamplerKind.SWENDSEN_WANG ? 20_000 : 60_000;
        ChainResult result = ChainRunner.run(new RunSpec(model, sampler, sweeps, 2_000, 1, 2, SEED + l, 2), null);
        Map<String, Estimate> measured = Observables.measure(result);
        Estimate e = measured.get("energy_per_site");
        Estimate c = measured.get("specific_heat");
        double exactE = Kaufman.energyPerSite(l, t);
        double exactC = Kaufman.specificHeatPerSite(l, t);
        assertThat(e.sigmasFrom(exactE)).as("%s L=%d T=%s: e = %s vs Kaufman %s", sampler, l, t, e, exactE)
                .isLessThan(STAT_SIGMAS);
        assertThat(c.sigmasFrom(exactC)).as("%s L=%d T=%s: C = %s vs Kaufman %s", sampler, l, t, c, exactC)
                .isLessThan(STAT_SIGMAS);
    }
}
