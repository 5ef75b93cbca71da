package dev.coarse.mc.kernel;

import static dev.coarse.mc.kernel.BernoulliChiSquare.Pairs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.model.IsingModel;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transition kernel of one vectorised checkerboard sweep ({@link SquareCheckerboardSchedule}), tested exactly
 * at sizes where the schedule runs (L ≥ 34), far beyond χ² tests against enumeration.
 *
 * <p>Sites of one colour do not interact, so one sweep from a fixed configuration σ flips each colour-0 site i
 * independently with probability a(d<sub>i</sub>), d<sub>i</sub> its disagreeing neighbours in σ, and then
 * each colour-1 site independently with a(d'<sub>i</sub>), d'<sub>i</sub> counted against the colour-0 sites
 * after their half-sweep, which are the colour-0 sites after the sweep. Both halves are read off one sweep. The
 * test repeats one sweep from the same σ with many generator states and checks, with
 * {@link BernoulliChiSquare}: the flip counts per class (colour, d) (a wrong threshold or acceptance table), per
 * site (a lane, wrap site or tail lane never updated, updated twice, or reading the wrong neighbours), and the
 * joint flips of pairs of sites: all pairs of one colour in a row (lanes of one vector, neighbouring lanes, the
 * lanes of one xoshiro stream, the tail's lanes and the full block it overlaps, the wrap site), each site with
 * the site two rows down (the next row of the run: the same lanes' next random numbers) and horizontal
 * neighbours (colour 1 reusing colour 0's random numbers). Sites with d ≥ 3 must flip every time.
 *
 * <p>The probabilities come from β and the rounding rule the schedule documents, P(flip) = ⌈a(d)·2³²⌉/2³²
 * with a(d) = e<sup>−8β</sup>, e<sup>−4β</sup>, 7/8, 1, 1 for d = 0…4, computed here and not taken from the
 * kernel.
 * Temperatures: T<sub>c</sub> = 2.269185314213022 (a = 0.029, 0.17, 7/8) and 4 (0.14, 0.37, 7/8).
 */
class CheckerboardTransitionKernelTest {

    /** Sweeps per configuration in the fast tests: ≈ 290 expected flips for the rarest sites (d = 0, T_c). */
    private static final int TRIALS = 10_000;
    /** Every class (colour, d) must be exercised: at least this many flips expected in it. */
    private static final double MIN_EXPECTED_FLIPS = 1000;

    /** One sweep of the kernel under test on a copy of the start. Modified: {@code spins}. */
    interface Sweep {
        void apply(byte[] spins);
    }

    @Test
    void theTestsRunTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector: the public sampler is the vector kernel here
        assertThat(CheckerboardMetropolis.vectorized()).isTrue();
    }

    /**
     * L = 34: H − 1 = 16, one full block per row and an all-masked tail; 36: a tail with one lane; 50: eight.
     */
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"34, 2.269185314213022", "34, 4.0", "36, 2.269185314213022", "36, 4.0", "50, 2.269185314213022",
        "50, 4.0"})
    void theSamplersSweepFlipsEverySiteIndependentlyWithItsMetropolisProbability(int size, double temperature) {
        assertExactKernel(size, temperature, samplerSweep(size, temperature, 1000L + size), TRIALS);
    }

    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"34, 2.269185314213022", "36, 4.0", "50, 2.269185314213022"})
    void theScalarTwinFlipsEverySiteIndependentlyWithItsMetropolisProbability(int size, double temperature) {
        assertExactKernel(size, temperature, twinSweep(size, temperature, 2000L + size), TRIALS);
    }

    /**
     * 32-unit blocks (L ≥ 66): one full block and an all-masked tail (L = 66, H − 1 = 32), one and a tail of one
     * lane (68), one and a tail of 15 (96, H − 1 = 47), at a low temperature where e<sup>−8β</sup> is small and
     * near the highest the schedule takes (T ≤ 4/ln 2 ≈ 5.77); the sampler, both vector kernels called directly
     * (two 256-bit halves per block, one 512-bit vector) and the twin.
     */
    @Tag("slow")
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"66, 1.5", "68, 2.269185314213022", "68, 5.7", "96, 3.0"})
    void wideSchedulesFlipEverySiteIndependentlyWithItsMetropolisProbability(int size, double temperature) {
        int trials = size > 70 ? 8_000 : 20_000;
        assertExactKernel(size, temperature, samplerSweep(size, temperature, 3000L + size), trials);
        assertExactKernel(size, temperature, vectorSweep(SquareCheckerboardVector::sweep, size, temperature,
                4000L + size), trials);
        assertExactKernel(size, temperature, vectorSweep(SquareCheckerboardVector512::sweep, size, temperature,
                6000L + size), trials);
        assertExactKernel(size, temperature, twinSweep(size, temperature, 5000L + size), trials);
    }

    /** The widest 16-unit schedule (L = 64: one full block and a tail of 15), with the 256-bit kernel. */
    @Tag("slow")
    @Test
    void theWidestNarrowScheduleFlipsEverySiteIndependentlyWithItsMetropolisProbability() {
        double temperature = 2.269185314213022;
        assertExactKernel(64, temperature, vectorSweep(SquareCheckerboardVector::sweep, 64, temperature, 4064L),
                20_000);
    }

    /**
     * The public sampler's byte kernel ({@link CheckerboardMetropolis#bytewise}), with one generator continued over
     * the sweeps (it re-seeds its streams each sweep).
     */
    private static Sweep samplerSweep(int size, double temperature, long seed) {
        CheckerboardMetropolis sampler = CheckerboardMetropolis.bytewise(
                IsingModel.atTemperature(Lattice.square(size), temperature));
        assertThat(sampler.usesVectorSchedule()).as("L = %d, T = %s runs the vector schedule", size, temperature)
                .isTrue();
        SplittableRandom rng = new SplittableRandom(seed);
        return spins -> sampler.sweep(spins, rng);
    }

    /** A vector kernel called directly (as the sampler does when {@link CheckerboardMetropolis#vectorized()}). */
    private static Sweep vectorSweep(SquareCheckerboardScalar.KernelSweep kernel, int size, double temperature,
            long seed) {
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1.0 / temperature,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE);
        long[] state = new long[4 * schedule.streams];
        int[] wrapRho = new int[size / 2];
        SplittableRandom rng = new SplittableRandom(seed);
        return spins -> {
            schedule.seed(state, rng);
            kernel.sweep(schedule, spins, state, wrapRho);
        };
    }

    /** The plain-Java twin, which the sampler runs without the incubator module. */
    private static Sweep twinSweep(int size, double temperature, long seed) {
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1.0 / temperature,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE);
        long[] state = new long[4 * schedule.streams];
        int[] scratch = new int[schedule.lanes + size / 2];
        SplittableRandom rng = new SplittableRandom(seed);
        return spins -> {
            schedule.seed(state, rng);
            SquareCheckerboardScalar.sweep(schedule, spins, state, scratch);
        };
    }

    /** P(flip) for d = 0…4 disagreeing neighbours: ⌈a(d)·2³²⌉/2³² (the schedule's documented rule). */
    static double[] flipProbabilities(double temperature) {
        double beta = 1.0 / temperature;
        double[] a = {Math.exp(-8 * beta), Math.exp(-4 * beta), 7.0 / 8.0, 1, 1};
        double[] p = new double[5];
        for (int d = 0; d < 5; d++) {
            p[d] = Math.ceil(a[d] * 0x1p32) * 0x1p-32;
        }
        return p;
    }

    private static void assertExactKernel(int size, double temperature, Sweep sweep, int trials) {
        assertExactKernel(size, temperature, flipProbabilities(temperature), pairs(size), sweep, trials);
    }

    /**
     * One sweep from a fixed random start, {@code trials} times: flips per class (colour, d), per site and jointly
     * for {@code pairs}, against P(flip) = p[d]. Also used by {@link SquareSpatialKernelTest}.
     */
    static void assertExactKernel(int size, double temperature, double[] p, BernoulliChiSquare.Pairs pairs,
            Sweep sweep, int trials) {
        int n = size * size;
        int[][] neighbours = neighbours(size);
        int[] colour = new int[n];
        for (int i = 0; i < n; i++) {
            colour[i] = (i / size + i % size) & 1;
        }
        SplittableRandom startRng = new SplittableRandom(size * 31L + (long) (temperature * 1000));
        byte[] start = new byte[n];
        for (int i = 0; i < n; i++) {
            start[i] = (byte) (startRng.nextBoolean() ? 1 : -1);
        }
        int[] startD = new int[n];
        for (int i = 0; i < n; i++) {
            startD[i] = disagreements(start, neighbours[i], start[i]);
        }
        BernoulliChiSquare.Cells classes = new BernoulliChiSquare.Cells(10);
        BernoulliChiSquare.Cells sites = new BernoulliChiSquare.Cells(n);
        double[] residual = new double[n];
        double[] variance = new double[n];
        byte[] spins = new byte[n];
        long forcedFlipsMissed = 0;
        long notPlusMinusOne = 0;
        for (int t = 0; t < trials; t++) {
            System.arraycopy(start, 0, spins, 0, n);
            sweep.apply(spins);
            for (int i = 0; i < n; i++) {
                notPlusMinusOne += spins[i] == 1 || spins[i] == -1 ? 0 : 1;
                // a colour-1 site sees the colour-0 sites after their half-sweep, i.e. after the sweep
                int d = colour[i] == 0 ? startD[i] : disagreements(spins, neighbours[i], start[i]);
                boolean flipped = spins[i] != start[i];
                double q = p[d];
                if (q == 1) {
                    forcedFlipsMissed += flipped ? 0 : 1;
                }
                classes.add(5 * colour[i] + d, flipped, q);
                sites.add(i, flipped, q);
                residual[i] = (flipped ? 1 : 0) - q;
                variance[i] = q * (1 - q);
            }
            pairs.add(residual, variance);
        }
        String what = String.format("L = %d, T = %s", size, temperature);
        assertThat(notPlusMinusOne).as("%s: spins other than ±1", what).isZero();
        assertThat(forcedFlipsMissed).as("%s: sites with d ≥ 3 (ΔE ≤ −4) that did not flip", what).isZero();
        for (int c = 0; c < 2; c++) {
            for (int d = 0; d < 3; d++) {
                assertThat(classes.expected(5 * c + d)).as("%s: the start has colour-%d sites with d = %d", what, c, d)
                        .isGreaterThan(MIN_EXPECTED_FLIPS);
            }
        }
        classes.assertConsistent(what + ", flips per class (colour, d)");
        sites.assertConsistent(what + ", flips per site");
        pairs.assertConsistent(what + ", joint flips of " + pairs.size() + " site pairs");
    }

    /** Neighbours of every site of the L×L torus: right, left, down, up. */
    static int[][] neighbours(int size) {
        int[][] nb = new int[size * size][];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                nb[y * size + x] = new int[] {y * size + (x + 1) % size, y * size + (x + size - 1) % size,
                    (y + 1) % size * size + x, (y + size - 1) % size * size + x};
            }
        }
        return nb;
    }

    private static int disagreements(byte[] spins, int[] neighbours, int s) {
        int d = 0;
        for (int j : neighbours) {
            d += spins[j] != s ? 1 : 0;
        }
        return d;
    }

    /**
     * Pairs of same-colour sites in one row up to B + 1 units apart (B the schedule's block width: one full block
     * and one more lane, so every pair in a row for L ≤ 2B + 4; cyclically: the wrap site pairs with both row
     * ends), each site with the one two rows down, each with its right neighbour (the colour-0 site first, as it
     * is updated first).
     */
    private static BernoulliChiSquare.Pairs pairs(int size) {
        final int reach = new SquareCheckerboardSchedule(size, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE).lanes + 1;
        Set<Long> keys = new LinkedHashSet<>();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                for (int k = 1; k <= reach; k++) {
                    int j = y * size + (x + 2 * k) % size;
                    if (j != i) {
                        keys.add(key(Math.min(i, j), Math.max(i, j)));
                    }
                }
                keys.add(key(i, (y + 2) % size * size + x));
                int right = y * size + (x + 1) % size;
                keys.add(((x + y) & 1) == 0 ? key(i, right) : key(right, i));
            }
        }
        return BernoulliChiSquare.Pairs.of(keys);
    }
}
