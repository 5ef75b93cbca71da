package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CheckerboardMetropolis} on larger square lattices (smaller and odd ones are checked against enumeration in
 * {@link ThermodynamicsTest} and {@link SamplerContractTest}): energy and specific heat against Kaufman's exact
 * finite-lattice values through the chain runner, i.e. the packed kernel since 2026-11-24 (the byte-per-site
 * kernels of {@link CheckerboardMetropolis#bytewise} are checked by their exact one-sweep transition kernel in
 * {@link CheckerboardTransitionKernelTest}); where the byte schedule applies; and the sampler contract (no random
 * state of its own).
 */
class CheckerboardMetropolisTest {

    /**
     * Agreement required, in estimated standard errors. With 7 cases × 2 quantities, each Gaussian comparison
     * fails with probability 6e-5, so a correct sampler fails this class ~1e-3 of seeds.
     */
    private static final double STAT_SIGMAS = 4.0;
    private static final long SEED = 20261123L;

    @ParameterizedTest(name = "L = {0} T = {1}")
    @CsvSource({
        // the packed kernel: L = 34 has 17-bit half-rows and two padding lanes in its last unit, 36 and 48 none;
        // T = 6 is above the byte schedule's 4/ln 2, which the packed kernel does not need
        "34, 2.0", "34, 2.269185314213022", "34, 2.6", "36, 2.269185314213022", "48, 2.269185314213022",
        "34, 6.0"})
    void energyAndSpecificHeatMatchKaufman(int size, double temperature) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        RunSpec spec = new RunSpec(model, SamplerKind.METROPOLIS, 40_000, 2_000, 10, 2, SEED + size, 2);
        Map<String, Estimate> measured = Observables.measure(ChainRunner.run(spec, null));
        Estimate e = measured.get("energy_per_site");
        Estimate c = measured.get("specific_heat");
        double exactE = Kaufman.energyPerSite(size, temperature);
        double exactC = Kaufman.specificHeatPerSite(size, temperature);
        assertThat(e.sigmasFrom(exactE)).as("L=%d T=%s: e = %s vs Kaufman %s", size, temperature, e, exactE)
                .isLessThan(STAT_SIGMAS);
        assertThat(c.sigmasFrom(exactC)).as("L=%d T=%s: C = %s vs Kaufman %s", size, temperature, c, exactC)
                .isLessThan(STAT_SIGMAS);
    }

    @Test
    void aSweepIsAFunctionOfTheConfigurationAndTheStreamAndDrawsSixteenLongs() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(40), Onsager.CRITICAL_TEMPERATURE);
        CheckerboardMetropolis sampler = new CheckerboardMetropolis(model);
        RandomGenerator start = new SplittableRandom(7L);
        byte[] spins = ChainRunner.randomConfiguration(model, start);
        byte[] again = spins.clone();
        SplittableRandom a = new SplittableRandom(11L);
        SplittableRandom b = new SplittableRandom(11L);
        sampler.sweep(spins, a);
        new CheckerboardMetropolis(model).sweep(again, b);
        assertThat(Arrays.mismatch(spins, again)).as("first differing site").isEqualTo(-1);
        SplittableRandom c = new SplittableRandom(11L);
        for (int k = 0; k < 16; k++) {
            c.nextLong();
        }
        assertThat(a.nextLong()).as("the sweep drew 4 longs per xoshiro256** stream").isEqualTo(c.nextLong());
    }
}
