package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.DimerCoverings;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.stats.Autocorrelation;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worm sampler against exact results: the histogram of coverings of the 4×4 torus (χ² against
 * {@link DimerCoverings}) and ⟨N∥⟩ on 6×6, free and at two interacting points; its autocorrelation time; and the
 * bookkeeping a sampler owes its caller.
 */
class DimerWormTest {

    /** Threshold for the χ² p-value: a correct sampler fails on about 1 seed in 10⁴ per case. */
    private static final double P_THRESHOLD = 1e-4;
    /** A Gaussian estimate lies beyond 4σ with probability 6·10⁻⁵. */
    private static final double STAT_SIGMAS = 4.0;
    private static final long SEED = 20261201L;

    /** Free dimers, the attractive side (critical phase, T ≈ 1.5 T_c) and the repulsive side at low T. */
    static Stream<Arguments> points() {
        return Stream.of(Arguments.of(0.0, 1.0), Arguments.of(-1.0, 1.0), Arguments.of(1.0, 0.5));
    }

    @ParameterizedTest(name = "v = {0}, T = {1}")
    @MethodSource("points")
    void histogramOfFourByFourCoveringsMatchesExactEnumeration(double v, double t) {
        DimerModel model = new DimerModel(Lattice.square(4), v, t);
        DimerCoverings exact = DimerCoverings.of(model.lattice());
        DimerWorm worm = new DimerWorm(model);
        // every sample from its own chain, from the columnar covering after 40 sweeps (τ_int of N∥ is about one
        // sweep on 4×4), so the samples are independent and Pearson's χ² applies as is
        int samples = 20_000;
        long[] observed = new long[exact.count()];
        SplittableRandom root = new SplittableRandom(SEED);
        for (int i = 0; i < samples; i++) {
            byte[] c = model.columnarCovering();
            worm.sweeps(c, root.split(), 40);
            int index = exact.indexOf(c);
            assertThat(index).as("a covering of the 4×4 torus").isNotNegative();
            observed[index]++;
        }
        ChiSquareGoodnessOfFit.Result fit = ChiSquareGoodnessOfFit.test(exact.probabilities(model), observed);
        assertThat(fit.pValue())
                .as("v = %s, T = %s: χ² = %.1f with %d dof, p = %.3g; a correct sampler has p < %s on about 1 seed in"
                        + " 10⁴", v, t, fit.chiSquared(), fit.degreesOfFreedom(), fit.pValue(), P_THRESHOLD)
                .isGreaterThan(P_THRESHOLD);
    }

    @ParameterizedTest(name = "v = {0}, T = {1}")
    @MethodSource("points")
    void meanAlignedPlaquettesOnSixBySixMatchesExactEnumeration(double v, double t) {
        DimerModel model = new DimerModel(Lattice.square(6), v, t);
        double exact = DimerCoverings.of(model.lattice()).meanParallelPlaquettes(model);
        Estimate measured = MeanEstimator.of(alignedPlaquetteSeries(model, SEED + 1, 1000, 40_000));
        assertThat(Math.abs(measured.sigmasFrom(exact)))
                .as("⟨N∥⟩ = %s against the exact %.6f", measured, exact).isLessThan(STAT_SIGMAS);
    }

    @Test
    void autocorrelationTimeOfAlignedPlaquettesStaysShort() {
        // τ_int of N∥ in sweeps of about N proposals, measured on 32×32 with this seed (docs/sampling.md has 16, 32
        // and 64): ≈ 1.4 free, ≈ 3.5 at v = −1, T = 1, ≈ 20 at v = 1, T = 0.5; the bounds leave room for the
        // error of τ_int itself (about 10% from 20 000 sweeps)
        double[][] pointsAndBounds = {{0, 1, 3}, {-1, 1, 6}, {1, 0.5, 30}};
        for (double[] p : pointsAndBounds) {
            DimerModel model = new DimerModel(Lattice.square(32), p[0], p[1]);
            double tau = Autocorrelation.integratedTime(alignedPlaquetteSeries(model, SEED + 2, 500, 20_000));
            assertThat(tau).as("τ_int of N∥ at v = %s, T = %s", p[0], p[1]).isBetween(0.5, p[2]);
        }
    }

    /** N∥ after each of {@code sweeps} sweeps, from the columnar covering after {@code thermalize} sweeps. */
    private static double[] alignedPlaquetteSeries(DimerModel model, long seed, int thermalize, int sweeps) {
        DimerWorm worm = new DimerWorm(model);
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] c = model.columnarCovering();
        worm.sweeps(c, rng, thermalize);
        double[] series = new double[sweeps];
        for (int i = 0; i < sweeps; i++) {
            worm.sweep(c, rng);
            series[i] = DimerModel.parallelPlaquettes(model.lattice(), c);
        }
        return series;
    }

    @Test
    void aSweepIsAboutNProposals() {
        for (double[] vt : new double[][] {{0, 1}, {-1, 1}, {1, 0.5}, {-2, 0.5}}) {
            DimerModel model = new DimerModel(Lattice.square(16), vt[0], vt[1]);
            DimerWorm worm = new DimerWorm(model);
            assertThat(worm.proposals()).isZero();
            assertThat(new DimerWorm(model).wormsPerSweep()).isEqualTo(worm.wormsPerSweep()); // the pilot is seeded
            byte[] c = model.columnarCovering();
            SplittableRandom rng = new SplittableRandom(SEED + 3);
            worm.sweeps(c, rng, 200);
            long before = worm.proposals();
            int sweeps = 2000;
            worm.sweeps(c, rng, sweeps);
            double perSite = (worm.proposals() - before) / (double) sweeps / model.lattice().siteCount();
            // within a factor of two: worm lengths have a long tail, so the pilot's mean is rough
            assertThat(perSite).as("proposals per sweep and site at v = %s, T = %s", vt[0], vt[1]).isBetween(0.5, 2.0);
        }
    }

    @Test
    void wormsWindAroundTheTorus() {
        // plaquette flips keep the winding numbers; worms do not, so free dimers visit several sectors
        DimerModel model = DimerModel.free(Lattice.square(8));
        DimerWorm worm = new DimerWorm(model);
        SplittableRandom rng = new SplittableRandom(SEED + 4);
        byte[] c = model.columnarCovering();
        Set<List<Integer>> sectors = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            worm.sweep(c, rng);
            int[] w = DimerObservables.winding(model.lattice(), c);
            sectors.add(List.of(w[0], w[1]));
        }
        assertThat(sectors).hasSizeGreaterThan(4).contains(List.of(0, 0), List.of(2, 0), List.of(0, -2));
    }

    @Test
    void sameSeedSameChainAndSweepsEqualRepeatedSweep() {
        DimerModel model = new DimerModel(Lattice.square(8), -1, 1);
        byte[] a = model.columnarCovering();
        byte[] b = model.columnarCovering();
        SplittableRandom ra = new SplittableRandom(7);
        SplittableRandom rb = new SplittableRandom(7);
        DimerWorm one = new DimerWorm(model);
        DimerWorm other = new DimerWorm(model);
        one.sweeps(a, ra, 25);
        for (int i = 0; i < 25; i++) {
            other.sweep(b, rb);
        }
        assertThat(a).isEqualTo(b);
        assertThat(ra.nextLong()).isEqualTo(rb.nextLong());
        model.validate(a);
        assertThat(one.kind()).isEqualTo(SamplerKind.WORM);
        assertThat(SamplerKind.forId("worm", model).create(model)).isInstanceOf(DimerWorm.class);
        assertThat(SamplerKind.available(model)).containsExactly(SamplerKind.WORM);
        assertThat(one.model()).isSameAs(model);
    }

    @Test
    void refusesWhatIsNotACovering() {
        DimerModel model = DimerModel.free(Lattice.square(4));
        DimerWorm worm = new DimerWorm(model, 3);
        assertThat(worm.wormsPerSweep()).isEqualTo(3);
        byte[] c = model.columnarCovering();
        c[0] = 0;
        assertThatThrownBy(() -> worm.sweep(c, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("site 0 at (0, 0) is covered by no dimer");
        assertThatThrownBy(() -> worm.sweep(new byte[16], new SplittableRandom(1)))
                .hasMessageContaining("has 16 values");
        assertThatThrownBy(() -> new DimerWorm(model, -1)).hasMessageContaining("worms per sweep must be ≥ 0");
    }
}
