package dev.coarse.mc.kernel;

import static dev.coarse.mc.kernel.BernoulliChiSquare.Pairs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator.SplittableGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transition kernel of one square-lattice multi-spin sweep ({@link SquareMultispinVector}, its twin
 * {@link SquareMultispinScalar}, and {@link MultispinMetropolis#sweep()}), tested exactly: 64 replicas × N sites
 * of Bernoulli trials per sweep.
 *
 * <p>As in {@link CheckerboardTransitionKernelTest}: one sweep flips every colour-0 site of every replica
 * independently with the Metropolis probability of its n disagreeing neighbours in the start, then every
 * colour-1 site with that of its n' disagreeing neighbours after the colour-0 half-sweep (= after the sweep).
 * The kernel's rule (its class comment): n ≥ 3 (ΔE &lt; 0) always flips, n = 2 (ΔE = 0) flips with
 * 7/8 = 1 − 2<sup>−3</sup> (where the OR of the last three random words drawn for the site has a 1), n = 1
 * (ΔE = 4) with x = e<sup>−4β</sup>, n = 0 (ΔE = 8) with x², each as the 64-bit fixed-point fraction
 * ⌊p·2⁶⁴⌋/2⁶⁴. The test repeats one sweep from many starts or generator states and checks with
 * {@link BernoulliChiSquare} the flips per class (colour, n), per site (a lane never or twice updated, padding
 * lanes leaking into real ones), per replica (a replica bit never updated or with a biased random bit), the
 * joint flips of all pairs of replicas at colour-0 sites (shared or correlated bits of the random words), and
 * of pairs of sites: all pairs in a half-row (the four lanes of a vector and their streams, consecutive
 * vectors, the padded last vector), each site with the same index one and two half-rows down (generator state
 * not carried from row to row), and with the other colour's site of the same index in its row and the next
 * (colour 1 repeating colour 0's random words).
 *
 * <p>Sizes: the vector kernel runs for every even L; H = L/2 = 3, 5, 7, 17 leave 1, 3, 1, 3 padding lanes in
 * a half-row's last vector, H = 8 none. Temperatures: T<sub>c</sub> = 2.269185314213022 and 4 (x = 0.17 and
 * 0.37, x² = 0.03 and 0.14).
 */
class SquareMultispinTransitionKernelTest {

    private static final int R = MultispinMetropolis.REPLICAS;
    /** Every class (colour, n) must be exercised: at least this many flips expected in it. */
    private static final double MIN_EXPECTED_FLIPS = 100;

    /** One sweep from a start: fills the start and the result, lattice order, bit r = replica r. */
    interface Trial {
        void run(long[] start, long[] after);
    }

    @Test
    void theTestsRunTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector: MultispinMetropolis sweeps on vectors here
        assertThat(MultispinMetropolis.vectorized()).isTrue();
    }

    /** The public API: {@link MultispinMetropolis#sweep()} of a new group per trial. */
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"6, 2.269185314213022", "10, 4.0", "16, 2.269185314213022", "34, 2.269185314213022", "34, 4.0"})
    void aGroupsSweepFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size), groupTrial(size, temperature, 100L * size));
    }

    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"10, 2.269185314213022", "34, 4.0"})
    void theVectorKernelFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size), kernelTrial(size, temperature, 7L * size, true));
    }

    /**
     * Blocks of eight sites ({@link MultispinMetropolis.Width#WIDE}) on the twin (the 512-bit kernel is bit-identical
     * to it, {@link SquareMultispinWideKernelTest}): H = 3, 9, 17 leave 5, 7, 7 padding lanes in a half-row's last
     * block, H = 8 none.
     */
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"6, 2.269185314213022", "18, 4.0", "34, 2.269185314213022"})
    void theWideTwinFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size),
                kernelTrial(size, temperature, 23L * size, null, SquareMultispinLayout.WIDE_LANES));
    }

    /** The same blocks as two 256-bit halves ({@link SquareMultispinWideHalves}). */
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"6, 4.0", "18, 2.269185314213022"})
    void theTwoHalvesKernelFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size), kernelTrial(size, temperature, 37L * size,
                SquareMultispinWideHalves::sweep, SquareMultispinLayout.WIDE_LANES));
    }

    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"16, 2.269185314213022", "18, 4.0"})
    void aWideGroupsSweepFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size),
                groupTrial(size, temperature, 29L * size, MultispinMetropolis.Width.WIDE));
    }

    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"6, 2.269185314213022", "14, 4.0", "34, 2.269185314213022"})
    void theScalarTwinFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assertExactKernel(size, temperature, trials(size), kernelTrial(size, temperature, 11L * size, false));
    }

    /**
     * The smallest tori (H = 1: a site's two horizontal neighbours are one site; H = 2), other paddings (H = 6,
     * 11, 33), a low temperature and one near the highest of interest, four times the sweeps for the small tori;
     * the group, the vector kernel called directly and the twin.
     */
    @Tag("slow")
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"2, 2.269185314213022", "4, 1.5", "12, 1.5", "22, 6.0", "66, 2.269185314213022"})
    void moreSizesAndTemperaturesFlipEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        int trials = size <= 16 ? 4 * trials(size) : size <= 40 ? 2 * trials(size) : 200;
        assertExactKernel(size, temperature, trials, groupTrial(size, temperature, 13L * size));
        assertExactKernel(size, temperature, trials, kernelTrial(size, temperature, 17L * size, true));
        assertExactKernel(size, temperature, trials, kernelTrial(size, temperature, 19L * size, false));
    }

    /** Sweeps per test: about 10⁵ site-replica trials per site for the small tori, 1.6·10⁴ for L = 34. */
    static int trials(int size) {
        return size <= 16 ? 1_500 : 250;
    }

    /** A new group per trial, split from one root: hot-started, so its start is random too. */
    private static Trial groupTrial(int size, double temperature, long seed) {
        return groupTrial(size, temperature, seed, MultispinMetropolis.Width.NARROW);
    }

    /** As {@link #groupTrial(int, double, long)} with blocks of {@code width}. */
    static Trial groupTrial(int size, double temperature, long seed, MultispinMetropolis.Width width) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        SplittableGenerator root = MultispinMetropolis.rootGenerator(seed);
        return (start, after) -> {
            MultispinMetropolis group = new MultispinMetropolis(model, root, width);
            System.arraycopy(group.words(), 0, start, 0, start.length);
            group.sweep();
            System.arraycopy(group.words(), 0, after, 0, after.length);
        };
    }

    /**
     * The kernel called directly, from one fixed random start (independent random replicas) with fresh
     * generator states per trial; the threshold tables of x and x² as {@link MultispinMetropolis} builds them.
     */
    private static Trial kernelTrial(int size, double temperature, long seed, boolean vector) {
        return kernelTrial(size, temperature, seed, vector ? SquareMultispinVector::sweep : null,
                SquareMultispinLayout.NARROW_LANES);
    }

    /** As {@link #kernelTrial(int, double, long, boolean)} with {@code kernel} (null: the twin) on a layout of {@code lanes}. */
    static Trial kernelTrial(int size, double temperature, long seed, SquareMultispinScalar.Kernel kernel, int lanes) {
        SquareMultispinLayout layout = new SquareMultispinLayout(size, lanes);
        SplittableRandom rng = new SplittableRandom(seed);
        long[] fixedStart = new long[size * size];
        for (int i = 0; i < fixedStart.length; i++) {
            fixedStart[i] = rng.nextLong();
        }
        double x = Math.exp(-4.0 / temperature);
        long[] bits = SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x),
                FixedPoint.fraction(Math.pow(x, 2)));
        long[] packed = new long[layout.length()];
        long[] state = new long[4 * layout.lanes];
        return (start, after) -> {
            System.arraycopy(fixedStart, 0, start, 0, start.length);
            layout.pack(start, packed);
            for (int k = 0; k < state.length; k++) {
                state[k] = rng.nextLong();
            }
            if (kernel != null) {
                kernel.sweep(layout, packed, state, bits);
            } else {
                SquareMultispinScalar.sweep(layout, packed, state, bits);
            }
            layout.unpack(packed, after);
        };
    }

    /**
     * P(flip) for n = 2 (ΔE = 0): the OR of three fair random bits is 1 with 1 − 2<sup>−3</sup>. Written out
     * here, not read from the kernel, so that a kernel with another A(0) (e.g. ½ or ¾) fails the class cells.
     */
    private static final double ZERO_COST_FLIP = 1 - 1.0 / 8;

    /** P(flip) for n = 0, 1, 2 disagreeing neighbours: ⌊a·2⁶⁴⌋/2⁶⁴ for a = e<sup>−8β</sup>, e<sup>−4β</sup>; 7/8. */
    private static double[] flipProbabilities(double temperature) {
        double beta = 1.0 / temperature;
        return new double[] {Math.floor(Math.exp(-8 * beta) * 0x1p64) * 0x1p-64,
            Math.floor(Math.exp(-4 * beta) * 0x1p64) * 0x1p-64, ZERO_COST_FLIP};
    }

    /**
     * The written-out vector kernel draws three words per group, and A(0) = 1 − 2<sup>−WORDS_PER_TEST</sup>
     * relies on the loop drawing whole groups: a change of the group size must revisit both.
     */
    @Test
    void theZeroCostAcceptanceIsOneMinusTwoToTheMinusTheThreeWordsOfAGroup() {
        assertThat(SquareMultispinLayout.WORDS_PER_TEST).as("words per group, written out in SquareMultispinVector")
                .isEqualTo(3);
        assertThat(MultispinMetropolis.ZERO_COST_ACCEPTANCE).isEqualTo(ZERO_COST_FLIP);
    }

    static void assertExactKernel(int size, double temperature, int trials, Trial trial) {
        int n = size * size;
        double[] p = flipProbabilities(temperature);
        int classCount = p.length;
        double[] v = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            v[c] = p[c] * (1 - p[c]);
        }
        int[][] neighbours = new int[n][];
        int[] colour = new int[n];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                neighbours[y * size + x] = new int[] {y * size + (x + 1) % size, y * size + (x + size - 1) % size,
                    (y + 1) % size * size + x, (y + size - 1) % size * size + x};
                colour[y * size + x] = (x + y) & 1;
            }
        }
        BernoulliChiSquare.Cells classes = new BernoulliChiSquare.Cells(2 * classCount);
        BernoulliChiSquare.Cells sites = new BernoulliChiSquare.Cells(n);
        BernoulliChiSquare.Cells replicas = new BernoulliChiSquare.Cells(R);
        int[][] replicaPair = new int[R][R];
        int[] pairFirst = new int[R * (R - 1) / 2];
        int[] pairSecond = new int[pairFirst.length];
        for (int a = 0, k = 0; a < R; a++) {
            for (int b = a + 1; b < R; b++, k++) {
                replicaPair[a][b] = k;
                pairFirst[k] = a;
                pairSecond[k] = b;
            }
        }
        BernoulliChiSquare.Pairs replicaPairs = new BernoulliChiSquare.Pairs(pairFirst, pairSecond);
        double[] replicaCross = new double[pairFirst.length];
        double[] replicaVariance = new double[pairFirst.length];
        BernoulliChiSquare.Pairs sitePairs = sitePairs(size);
        long[] start = new long[n];
        long[] after = new long[n];
        // per site, per class (n = 0, 1, 2): the replicas in the class and those of them that flipped
        long[][] inClass = new long[classCount][n];
        long[][] flippedInClass = new long[classCount][n];
        int[] bitIndex = new int[R];
        double[] bitResidual = new double[R];
        double[] bitVariance = new double[R];
        long forcedFlipsMissed = 0;
        for (int t = 0; t < trials; t++) {
            trial.run(start, after);
            for (int i = 0; i < n; i++) {
                // colour 1 sees the colour-0 sites after their half-sweep, i.e. after the sweep
                long[] around = colour[i] == 0 ? start : after;
                long s = start[i];
                long d0 = s ^ around[neighbours[i][0]];
                long d1 = s ^ around[neighbours[i][1]];
                long d2 = s ^ around[neighbours[i][2]];
                long d3 = s ^ around[neighbours[i][3]];
                long some = d0 | d1 | d2 | d3;
                long atLeastTwo = (d0 & d1) | (d0 & d2) | (d0 & d3) | (d1 & d2) | (d1 & d3) | (d2 & d3);
                long atLeastThree = (d0 & d1 & (d2 | d3)) | (d2 & d3 & (d0 | d1));
                long flipped = s ^ after[i];
                forcedFlipsMissed += Long.bitCount(atLeastThree & ~flipped);
                inClass[0][i] = ~some;
                inClass[1][i] = some & ~atLeastTwo;
                inClass[2][i] = atLeastTwo & ~atLeastThree;
                long random = 0;
                for (int c = 0; c < classCount; c++) {
                    flippedInClass[c][i] = inClass[c][i] & flipped;
                    long members = Long.bitCount(inClass[c][i]);
                    long flips = Long.bitCount(flippedInClass[c][i]);
                    classes.add(classCount * colour[i] + c, flips, members, p[c]);
                    sites.add(i, flips, members, p[c]);
                    random |= inClass[c][i];
                }
                // the replicas with a random decision at this site: per-replica cells, and all pairs of them at
                // colour-0 sites (both colours draw their bits from the same words; this halves the test's time)
                int m = 0;
                for (long open = random; open != 0; open &= open - 1) {
                    int r = Long.numberOfTrailingZeros(open);
                    int c = (inClass[1][i] >>> r & 1) != 0 ? 1 : (inClass[2][i] >>> r & 1) != 0 ? 2 : 0;
                    boolean f = ((flipped >>> r) & 1) != 0;
                    replicas.add(r, f, p[c]);
                    if (colour[i] == 0) {
                        bitIndex[m] = r;
                        bitResidual[m] = (f ? 1 : 0) - p[c];
                        bitVariance[m] = v[c];
                        m++;
                    }
                }
                for (int a = 0; a < m; a++) {
                    int[] row = replicaPair[bitIndex[a]];
                    double ra = bitResidual[a];
                    double va = bitVariance[a];
                    for (int b = a + 1; b < m; b++) {
                        int k = row[bitIndex[b]];
                        replicaCross[k] += ra * bitResidual[b];
                        replicaVariance[k] += va * bitVariance[b];
                    }
                }
            }
            addSitePairs(sitePairs, inClass, flippedInClass, p, v);
        }
        for (int k = 0; k < replicaCross.length; k++) {
            replicaPairs.add(k, replicaCross[k], replicaVariance[k]);
        }
        String what = String.format("L = %d, T = %s", size, temperature);
        assertThat(forcedFlipsMissed).as("%s: replica sites with n ≥ 3 (ΔE < 0) that did not flip", what).isZero();
        for (int c = 0; c < 2 * classCount; c++) {
            // on the 2×2 torus every neighbour is counted twice, so n is even and the class n = 1 is empty
            if (size > 2 || c % classCount != 1) {
                assertThat(classes.expected(c)).as("%s: expected flips in class (colour %d, n = %d)", what,
                        c / classCount, c % classCount).isGreaterThan(MIN_EXPECTED_FLIPS);
            }
        }
        classes.assertConsistent(what + ", flips per class (colour, n)");
        sites.assertConsistent(what + ", flips per site");
        replicas.assertConsistent(what + ", flips per replica");
        replicaPairs.assertConsistent(what + ", joint flips of all replica pairs");
        sitePairs.assertConsistent(what + ", joint flips of " + sitePairs.size() + " site pairs");
    }

    /**
     * One sweep's products of residuals, summed over the replicas, for every site pair, and the variance
     * Σ r<sub>first</sub>²·v<sub>second</sub>, from the class and flip words: with F<sub>c</sub> the flipped
     * members of class c and M<sub>c</sub> all of them, Σ over replicas in classes (c, c') of (f − p<sub>c</sub>)
     * (f' − p<sub>c'</sub>) = |F<sub>c</sub>F'<sub>c'</sub>| − p<sub>c'</sub>|F<sub>c</sub>M'<sub>c'</sub>|
     * − p<sub>c</sub>|M<sub>c</sub>F'<sub>c'</sub>| + p<sub>c</sub>p<sub>c'</sub>|M<sub>c</sub>M'<sub>c'</sub>|.
     */
    private static void addSitePairs(BernoulliChiSquare.Pairs pairs, long[][] inClass, long[][] flippedInClass,
            double[] p, double[] v) {
        int classCount = p.length;
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.first(k);
            int j = pairs.second(k);
            double cross = 0;
            double variance = 0;
            for (int c = 0; c < classCount; c++) {
                long mi = inClass[c][i];
                long fi = flippedInClass[c][i];
                for (int c2 = 0; c2 < classCount; c2++) {
                    long mj = inClass[c2][j];
                    long fj = flippedInClass[c2][j];
                    long both = mi & mj;
                    if (both == 0) {
                        continue;
                    }
                    cross += Long.bitCount(fi & fj) - p[c2] * Long.bitCount(fi & mj) - p[c] * Long.bitCount(mi & fj)
                            + p[c] * p[c2] * Long.bitCount(both);
                    // r_i² is (1 − p)² where i flipped, p² where it did not
                    int flippedBoth = Long.bitCount(fi & mj);
                    variance += v[c2] * ((1 - p[c]) * (1 - p[c]) * flippedBoth
                            + p[c] * p[c] * (Long.bitCount(both) - flippedBoth));
                }
            }
            pairs.add(k, cross, variance);
        }
    }

    /**
     * All pairs in a half-row; each site with the same index j one and two half-rows down; each colour-0 site
     * with the colour-1 site of the same j in its row and the next (colour 0 first: it is updated first).
     */
    private static BernoulliChiSquare.Pairs sitePairs(int size) {
        int half = size / 2;
        Set<Long> keys = new LinkedHashSet<>();
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < size; y++) {
                for (int j = 0; j < half; j++) {
                    int i = site(size, c, y, j);
                    for (int j2 = j + 1; j2 < half; j2++) {
                        keys.add(key(i, site(size, c, y, j2)));
                    }
                    for (int dy = 1; dy <= 2; dy++) {
                        int other = site(size, c, (y + dy) % size, j);
                        if (other != i) {
                            keys.add(key(Math.min(i, other), Math.max(i, other)));
                        }
                    }
                    if (c == 0) {
                        keys.add(key(i, site(size, 1, y, j)));
                        keys.add(key(i, site(size, 1, (y + 1) % size, j)));
                    }
                }
            }
        }
        return BernoulliChiSquare.Pairs.of(keys);
    }

    /** Lattice index of colour c's site j in row y: x = 2j + (c + y) mod 2. */
    private static int site(int size, int colour, int y, int j) {
        return y * size + 2 * j + ((colour + y) & 1);
    }
}
