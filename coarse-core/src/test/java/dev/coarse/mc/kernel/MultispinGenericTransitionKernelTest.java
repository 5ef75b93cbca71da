package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.util.Arrays;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transition kernel of one multi-spin sweep on the chain (d = 1) and the cubic lattice (d = 3), tested
 * exactly as {@link SquareMultispinTransitionKernelTest} tests the square one: a sweep flips every colour-0
 * site of every replica independently with the probability of its n disagreeing neighbours in the start, then
 * every colour-1 site with that of its n' disagreeing neighbours after the colour-0 half-sweep. The documented
 * rule ({@link MultispinMetropolis}): n &gt; d (ΔE &lt; 0) always flips; n = d (ΔE = 0) flips with 7/8 on the
 * cubic lattice and ½ on the chain; n &lt; d with x<sup>d−n</sup>, x = e<sup>−4β</sup>, as the 64-bit
 * fixed-point fraction ⌊p·2⁶⁴⌋/2⁶⁴. {@link BernoulliChiSquare} checks the flips per class (colour, n), per site
 * and per replica, over one sweep of each of many new hot-started groups.
 */
class MultispinGenericTransitionKernelTest {

    private static final int R = MultispinMetropolis.REPLICAS;
    /** Every class (colour, n ≤ d) must be exercised: at least this many flips expected in it. */
    private static final double MIN_EXPECTED_FLIPS = 100;
    /**
     * P(flip) of a ΔE = 0 replica, written out from the documented rule rather than read from the kernel, so
     * that a kernel with another A(0) (e.g. ½ or ¾ in 3D, 7/8 on the chain) fails the class cells.
     */
    private static final double CUBIC_ZERO_COST_FLIP = 7.0 / 8;
    private static final double CHAIN_ZERO_COST_FLIP = 0.5;
    /** Sweeps (one new group each) per test: 1.6·10⁵ replica trials per site. */
    private static final int TRIALS = 2_500;

    @ParameterizedTest(name = "d = {0}, L = {1}, T = {2}")
    @CsvSource({"3, 4, 4.5", "3, 6, 6.0", "1, 10, 1.5", "1, 8, 3.0"})
    void aSweepFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int dimension, int size,
            double temperature) {
        Lattice lattice = Lattice.of(dimension, size);
        IsingModel model = IsingModel.atTemperature(lattice, temperature);
        int n = lattice.siteCount();
        int z = lattice.coordination();
        int[] neighbours = lattice.neighbourTable();
        int[] colour = new int[n];
        for (int site : lattice.checkerboardSites(1)) {
            colour[site] = 1;
        }
        // p[m] for n = m disagreeing neighbours, m = 0 … d; n > d flips always
        double x = Math.exp(-4.0 / temperature);
        double[] p = new double[dimension + 1];
        for (int m = 0; m < dimension; m++) {
            p[m] = Math.floor(Math.pow(x, dimension - m) * 0x1p64) * 0x1p-64;
        }
        p[dimension] = dimension == 3 ? CUBIC_ZERO_COST_FLIP : CHAIN_ZERO_COST_FLIP;
        int classCount = p.length;
        BernoulliChiSquare.Cells classes = new BernoulliChiSquare.Cells(2 * classCount);
        BernoulliChiSquare.Cells sites = new BernoulliChiSquare.Cells(n);
        BernoulliChiSquare.Cells replicas = new BernoulliChiSquare.Cells(R);
        SplittableGenerator root = MultispinMetropolis.rootGenerator(31L * size + dimension);
        long[] start = new long[n];
        long[] after = new long[n];
        int[] count = new int[R];
        long forcedFlipsMissed = 0;
        for (int t = 0; t < TRIALS; t++) {
            MultispinMetropolis group = new MultispinMetropolis(model, root);
            System.arraycopy(group.words(), 0, start, 0, n);
            group.sweep();
            System.arraycopy(group.words(), 0, after, 0, n);
            for (int i = 0; i < n; i++) {
                // colour 1 sees the colour-0 sites after their half-sweep, i.e. after the sweep
                long[] around = colour[i] == 0 ? start : after;
                long s = start[i];
                long flipped = s ^ after[i];
                Arrays.fill(count, 0);
                for (int k = 0; k < z; k++) {
                    long d = s ^ around[neighbours[i * z + k]];
                    for (; d != 0; d &= d - 1) {
                        count[Long.numberOfTrailingZeros(d)]++;
                    }
                }
                for (int r = 0; r < R; r++) {
                    boolean f = ((flipped >>> r) & 1) != 0;
                    int m = count[r];
                    if (m > dimension) {
                        forcedFlipsMissed += f ? 0 : 1;
                    } else {
                        classes.add(classCount * colour[i] + m, f, p[m]);
                        sites.add(i, f, p[m]);
                        replicas.add(r, f, p[m]);
                    }
                }
            }
        }
        String what = String.format("d = %d, L = %d, T = %s", dimension, size, temperature);
        assertThat(forcedFlipsMissed).as("%s: replica sites with ΔE < 0 that did not flip", what).isZero();
        for (int c = 0; c < 2 * classCount; c++) {
            assertThat(classes.expected(c)).as("%s: expected flips in class (colour %d, n = %d)", what,
                    c / classCount, c % classCount).isGreaterThan(MIN_EXPECTED_FLIPS);
        }
        classes.assertConsistent(what + ", flips per class (colour, n)");
        sites.assertConsistent(what + ", flips per site");
        replicas.assertConsistent(what + ", flips per replica");
    }
}
