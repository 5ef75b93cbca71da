package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SamplerKind#MULTISPIN} through {@link ChainRunner#run}: the 64-replica kernel behind the same API
 * as the per-configuration samplers. Distribution tests use one sample per replica (every replica its own
 * hot-started chain), so the samples are independent and Pearson's χ² applies as is.
 */
class MultispinRunTest {

    /** Threshold for the χ² p-value: a correct sampler fails on about 1 seed in 10⁴. */
    private static final double P_THRESHOLD = 1e-4;
    /** Agreement required between two estimates, in combined standard errors (~6e-5 false failures each). */
    private static final double STAT_SIGMAS = 4.0;
    private static final int SAMPLES = 20_000;
    private static final int THERMALIZE = 100;
    private static final long SEED = 20261123L;

    /** Multispin (both widths), and the scalar kernel's square-lattice fast path (even L, h = 0), on the 4×4 torus. */
    @ParameterizedTest(name = "{0} at T = {1}")
    @CsvSource({"MULTISPIN, 1.8", "MULTISPIN, 2.27", "MULTISPIN, 3.5", "MULTISPIN_NARROW, 1.8", "MULTISPIN_NARROW, 2.27",
        "MULTISPIN_NARROW, 3.5", "METROPOLIS, 1.8", "METROPOLIS, 2.27", "METROPOLIS, 3.5"})
    void squareFourByFourEnergyMagnetizationHistogramMatchesEnumeration(SamplerKind sampler, double t) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), t);
        ExactDistribution exact = Enumeration.boltzmann(model);
        // classes: (E, |M|) of each of the 2^16 states
        Map<Long, Integer> index = new HashMap<>();
        int[] classOf = new int[exact.stateCount()];
        for (int code = 0; code < classOf.length; code++) {
            byte[] c = exact.decode(code);
            long key = (long) model.energy(c) * 1000 + Math.abs(IsingModel.magnetization(c));
            classOf[code] = index.computeIfAbsent(key, k -> index.size());
        }
        ChainResult result = ChainRunner.run(new RunSpec(model, sampler, 1, THERMALIZE, 1, SAMPLES, SEED, 2), null);
        assertThat(result.configurations().length).isEqualTo(SAMPLES);
        assertChiSquare(sampler, model, exact, classOf, index.size(), result);
    }

    @Test
    void chainFullStateHistogramMatchesEnumeration() {
        // the chain kernel accepts ΔE = 0 with ½ (always accepting is not ergodic on the chain)
        IsingModel model = IsingModel.atTemperature(Lattice.chain(10), 1.5);
        ExactDistribution exact = Enumeration.boltzmann(model);
        ChainResult result = ChainRunner.run(new RunSpec(model, SamplerKind.MULTISPIN, 1, THERMALIZE, 1, SAMPLES, SEED, 1),
                null);
        assertChiSquare(SamplerKind.MULTISPIN, model, exact, ChiSquareGoodnessOfFit.identityClasses(exact.stateCount()),
                exact.stateCount(), result);
    }

    @Test
    @Tag("slow")
    void energyAndBinderAgreeWithTheScalarKernel() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(16), 2.4);
        Map<String, Estimate> multispin = Observables.measure(ChainRunner.run(
                new RunSpec(model, SamplerKind.MULTISPIN, 20_000, 1000, 10, 16, SEED, 2), null));
        Map<String, Estimate> scalar = Observables.measure(ChainRunner.run(
                new RunSpec(model, SamplerKind.METROPOLIS, 20_000, 1000, 10, 16, SEED + 1, 2), null));
        for (String key : new String[] {"energy_per_site", "abs_magnetization", "binder"}) {
            Estimate a = multispin.get(key);
            Estimate b = scalar.get(key);
            double sigmas = Math.abs(a.mean() - b.mean()) / Math.hypot(a.error(), b.error());
            assertThat(sigmas).as("%s: multispin %s vs scalar %s", key, a, b).isLessThan(STAT_SIGMAS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SamplerKind.class, names = {"MULTISPIN", "MULTISPIN_NARROW"})
    void sameSeedSameDataWhateverTheThreadCount(SamplerKind sampler) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(8), 2.3);
        ChainResult one = ChainRunner.run(new RunSpec(model, sampler, 20, 5, 4, 130, SEED, 1), null);
        ChainResult two = ChainRunner.run(new RunSpec(model, sampler, 20, 5, 4, 130, SEED, 2), null);
        assertThat(one.configurations()).isDeepEqualTo(two.configurations());
        assertThat(one.energyPerSite()).isDeepEqualTo(two.energyPerSite());
        assertThat(one.magnetizationPerSite()).isDeepEqualTo(two.magnetizationPerSite());
        // fewer chains keep a prefix of the same replicas
        ChainResult few = ChainRunner.run(new RunSpec(model, sampler, 20, 5, 4, 3, SEED, 2), null);
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < few.samplesPerChain(); k++) {
                assertThat(few.configuration(c, k)).isEqualTo(one.configuration(c, k));
            }
        }
    }

    @Test
    void seriesAreThoseOfTheKeptConfigurationsChainMajor() {
        IsingModel model = IsingModel.atTemperature(Lattice.cubic(4), 4.0);
        ChainResult r = ChainRunner.run(new RunSpec(model, SamplerKind.MULTISPIN, 30, 3, 10, 70, SEED, 2), null);
        assertThat(r.chains()).isEqualTo(70);
        assertThat(r.samplesPerChain()).isEqualTo(3);
        int n = model.lattice().siteCount();
        for (int c = 0; c < 70; c++) {
            for (int k = 0; k < 3; k++) {
                byte[] s = r.configuration(c, k);
                assertThat(r.configurations()[c * 3 + k]).isSameAs(s);
                assertThat(r.energyPerSite()[c][k]).isEqualTo(model.energy(s) / n);
                assertThat(r.magnetizationPerSite()[c][k]).isEqualTo((double) IsingModel.magnetization(s) / n);
            }
        }
    }

    @Test
    void progressReachesTheTotal() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(4), 2.3);
        RunSpec spec = new RunSpec(model, SamplerKind.MULTISPIN, 50, 10, 5, 70, SEED, 2);
        ProgressRecorder progress = new ProgressRecorder(spec.totalSweeps());
        ChainRunner.run(spec, progress);
        progress.assertReachedTheTotal();
    }

    @Test
    void rejectsOddSizeAndField() {
        assertThatThrownBy(() -> new RunSpec(IsingModel.atTemperature(Lattice.square(5), 2.3), SamplerKind.MULTISPIN, 10, 0, 1,
                1, SEED, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an even lattice size");
        assertThatThrownBy(() -> new RunSpec(new IsingModel(Lattice.square(4), 2.3, 0.1), SamplerKind.MULTISPIN, 10, 0, 1, 1,
                SEED, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h = 0");
    }

    private static void assertChiSquare(SamplerKind sampler, IsingModel model, ExactDistribution exact, int[] classOf, int classes,
                                        ChainResult result) {
        ChiSquareGoodnessOfFit.Result fit = ChiSquareGoodnessOfFit.test(exact, classOf, classes,
                result.configurations());
        assertThat(fit.pValue())
                .as("%s on %s: χ² = %.1f with %d dof, p = %.3g; a correct sampler has p < %s on about 1 seed "
                        + "in 10⁴", sampler, model, fit.chiSquared(), fit.degreesOfFreedom(), fit.pValue(), P_THRESHOLD)
                .isGreaterThan(P_THRESHOLD);
    }
}
