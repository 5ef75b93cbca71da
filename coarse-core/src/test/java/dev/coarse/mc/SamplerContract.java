package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.model.Model;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every sampler must meet: the histogram of sampled configurations matches the exact Boltzmann
 * distribution (χ² goodness of fit against {@link Enumeration}) on models small enough to enumerate. Subclassed
 * once per family of samplers, in any module (coarse-core's test-jar publishes it): {@link #cases()} lists the
 * samplers and models, {@link #independentSamples(Case, long)} draws the samples.
 *
 * <p>Every sample must come from its own chain (random start, {@value #THERMALIZE} thermalisation sweeps, far more
 * than τ<sub>int</sub> on the tiny lattices enumeration allows), so that the samples are independent and Pearson's
 * χ² applies as is. Two slow modes made thinned samples from long chains unusable: at low T a local kernel stays in
 * one ordered phase for a whole chain, and at high T a Metropolis sweep is nearly a global flip, so the flip orbit of
 * the state hardly changes from sweep to sweep (found by this test: χ² ≈ 2300 on 255 dof at T = 4). The hot start
 * is symmetric, so both phases are equally likely. A case may compare configurations up to a relabelling of the
 * site values ({@link ChiSquareGoodnessOfFit#relabellingClasses}), for models where that symmetry is exact but
 * mixes slowly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SamplerContract {

    /** Threshold for the χ² p-value: a correct sampler fails on about 1 seed in 10⁴. */
    public static final double P_THRESHOLD = 1e-4;
    /** Thermalisation sweeps of each sample's own chain. */
    public static final int THERMALIZE = 100;
    private static final long SEED = 20261123L;

    /**
     * One check: the sampler (named as the subclass knows it) on {@code model}, with {@code samples} independent
     * samples, compared configuration by configuration or, if {@code upToRelabelling}, by orbits of the relabelling
     * of site values.
     */
    public record Case(SamplerKind sampler, Model model, boolean upToRelabelling, int samples) {

        @Override
        public String toString() {
            return sampler + " on " + model;
        }
    }

    /** The samplers and models to check. */
    protected abstract Stream<Case> cases();

    /**
     * {@code c.samples()} configurations of {@code c.model()} drawn by {@code c.sampler()}, each the end of its own
     * chain ({@value #THERMALIZE} sweeps from a uniformly random start), all determined by {@code seed}.
     */
    protected abstract byte[][] independentSamples(Case c, long seed);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void histogramMatchesExactBoltzmannDistribution(Case c) {
        ExactDistribution exact = Enumeration.boltzmann(c.model());
        int[] classes = c.upToRelabelling() ? ChiSquareGoodnessOfFit.relabellingClasses(exact)
                : ChiSquareGoodnessOfFit.identityClasses(exact.stateCount());
        ChiSquareGoodnessOfFit.Result fit = ChiSquareGoodnessOfFit.test(exact, classes, exact.stateCount(),
                independentSamples(c, SEED));
        assertThat(fit.pValue())
                .as("%s: χ² = %.1f with %d dof, p = %.3g; a correct sampler has p < %s on about 1 seed in 10⁴",
                        c, fit.chiSquared(), fit.degreesOfFreedom(), fit.pValue(), P_THRESHOLD)
                .isGreaterThan(P_THRESHOLD);
    }
}
