package dev.coarse.learn.rgflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.exact.ExactSampler;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.learn.flow.FlowArchitecture;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LatticeKl}: the forward KL bound's bookkeeping against values computed by hand, and a trained flow's bound
 * against its floor 0. Statistical assertions are within 4 standard errors (false-failure rate about 6·10⁻⁵ each) or,
 * for "≥ 0", 3 (0.13 %).
 */
public class LatticeKlTest {

    static final double TC = 2 / Math.log(1 + Math.sqrt(2));

    /** An untrained flow is exactly the identity (its last coupling layers start at zero). */
    public static TrainedRgFlow identity(int size) {
        RgFlowSettings settings = new RgFlowSettings(false, Prior.GAUSSIAN, Preprocessing.AFFINE, 2, 1, 8, 16, 1, 1e-3,
                10, 1);
        FlowArchitecture a = settings.architecture(size, 1);
        try (NDManager manager = TorchEngine.newManager();
             RgFlowNetwork network = new RgFlowNetwork(settings, a, manager, new SplittableRandom(3))) {
            return new TrainedRgFlow(settings, a, network.flow().weights(), 0, 0, new double[0]);
        }
    }

    static byte[][] independentSpins(int n, int sites, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] out = new byte[n][sites];
        for (byte[] s : out) {
            for (int i = 0; i < sites; i++) {
                s[i] = (byte) (random.nextBoolean() ? 1 : -1);
            }
        }
        return out;
    }

    /** Kaufman's entropy per spin is the enumerated one at L = 4 (T_c and T = 1.5, 5), ln 2 at T = ∞. */
    @Test
    void entropyIsTheEnumeratedOne() {
        for (double t : new double[] {TC, 1.5, 5}) {
            ExactDistribution exact = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(4), t));
            assertThat(LatticeKl.entropyPerSpin(4, t)).as("T = %s", t).isCloseTo(exact.entropy() / 16, within(1e-10));
        }
        assertThat(LatticeKl.entropyPerSpin(8, Double.POSITIVE_INFINITY)).isEqualTo(Math.log(2));
    }

    /**
     * The identity flow (x = 2y − 1, Gaussian prior) on independent spins at T = ∞, H = N ln 2. Two levels: y is
     * uniform on a half, x uniform on [−1, 0) or [0, 1), E x² = 1/3, so the bound per spin is
     * ½ ln 2π + 1/6 − ln 2 − ln ½ = ½ ln 2π + 1/6 and KL ≤ ½ ln 2π + 1/6 − ln 2 = 0.392459. Bytes 0/255:
     * x = (254 + 2u)/256 or −(256 − 2u)/256, E x² = (254² + 254·2 + 4/3)/256², and the bound per spin is
     * ln 256 + ½ ln 2π + E x²/2 − ln 2.
     */
    @Test
    void identityFlowOnIndependentSpinsGivesTheHandComputedBound() {
        TrainedRgFlow flow = identity(4);
        byte[][] spins = independentSpins(4000, 16, 5);
        double halfLn2Pi = 0.5 * Math.log(2 * Math.PI);
        double twoLevel = halfLn2Pi + 1.0 / 6 - Math.log(2);
        assertThat(twoLevel).isCloseTo(0.392459, within(1e-6));
        LatticeKl kl = LatticeKl.of(flow, SpinQuantisation.TWO_LEVEL, spins, Double.POSITIVE_INFINITY, 7);
        assertThat(kl.entropyPerSpin()).isEqualTo(Math.log(2));
        assertThat(kl.klPerSpin().sigmasFrom(twoLevel)).as("%s vs %s", kl.klPerSpin(), twoLevel).isLessThan(4);
        assertThat(kl.klPerSpin().error()).isLessThan(0.002);
        double x2 = (254.0 * 254 + 254 * 2 + 4.0 / 3) / (256.0 * 256);
        double bytes = Math.log(256) + halfLn2Pi + x2 / 2 - Math.log(2) - Math.log(2);
        LatticeKl kb = LatticeKl.of(flow, SpinQuantisation.BYTES, spins, Double.POSITIVE_INFINITY, 8);
        assertThat(kb.klPerSpin().sigmasFrom(bytes)).as("%s vs %s", kb.klPerSpin(), bytes).isLessThan(4);
        assertThat(kb.codePerSpin().mean() - kb.klPerSpin().mean()).isCloseTo(Math.log(2), within(1e-12));
    }

    /**
     * The importance-weighted bound converges to −ln P(s) itself: for the identity flow (x = 2y − 1, Gaussian prior)
     * every spin's half-cell holds the mass Φ(1) − ½ = 0.3413447 exactly (x uniform over [0, 1) or [−1, 0)), so
     * KL(p‖P)/N = −ln(Φ(1) − ½) − ln 2 = 0.3817151 for independent spins; with K = 64 draws the bound exceeds it by
     * about Var(ln p)/(2KN) ≈ 2·10⁻⁴ per spin (Var over the cell: 16·(1/5 − 1/9)/4). Within 4 errors plus that bias,
     * and below the one-draw bound ½ ln 2π + 1/6 − ln 2 by more than 4 errors.
     */
    @Test
    void importanceWeightedBoundReachesTheCellMass() {
        double cellMass = 0.3413447460685429;
        double exact = -Math.log(cellMass) - Math.log(2);
        LatticeKl kl = LatticeKl.of(identity(4), SpinQuantisation.TWO_LEVEL, independentSpins(1000, 16, 6),
                Double.POSITIVE_INFINITY, 64, 9);
        assertThat(kl.draws()).isEqualTo(64);
        double bias = 16 * (1.0 / 5 - 1.0 / 9) / 4 / (2 * 64 * 16);
        assertThat(kl.klPerSpin().mean()).as("%s vs %s", kl.klPerSpin(), exact)
                .isCloseTo(exact + bias, within(4 * kl.klPerSpin().error() + bias));
        double oneDraw = 0.5 * Math.log(2 * Math.PI) + 1.0 / 6 - Math.log(2);
        assertThat(kl.klPerSpin().mean() + 4 * kl.klPerSpin().error()).isLessThan(oneDraw);
    }

    /**
     * A flow trained (a few seconds) on exact samples of the 4×4 Ising model at T_c, scored on fresh exact samples:
     * the bound is ≥ 0 within 3 errors, and below the uniform two-level code's ln 2 − s, which the training must beat.
     */
    @Test
    void trainedFlowBoundIsNonNegativeAndBeatsTheUniformCode() {
        ExactDistribution exact = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(4), TC));
        ExactSampler sampler = new ExactSampler(exact);
        byte[][] train = sampler.sample(4000, new SplittableRandom(1));
        byte[][] test = sampler.sample(4000, new SplittableRandom(2));
        RgFlowSettings settings = new RgFlowSettings(false, Prior.LAPLACE, Preprocessing.LOGIT, 4, 1, 32, 64, 3, 3e-3,
                50, 1);
        TrainedRgFlow flow = new RgFlowTrainer(settings).train(SpinQuantisation.TWO_LEVEL.images(train, 4,
                new SplittableRandom(3)), RgFlowProgress.NONE);
        LatticeKl kl = LatticeKl.of(flow, SpinQuantisation.TWO_LEVEL, test, TC, 4);
        assertThat(kl.entropyPerSpin()).isCloseTo(exact.entropy() / 16, within(1e-10));
        assertThat(kl.klPerSpin().mean()).as("%s", kl.klPerSpin()).isGreaterThan(-3 * kl.klPerSpin().error());
        double uniform = Math.log(2) - kl.entropyPerSpin();
        assertThat(kl.klPerSpin().mean() + 4 * kl.klPerSpin().error()).as("%s vs uniform %s", kl.klPerSpin(), uniform)
                .isLessThan(uniform);
    }
}
