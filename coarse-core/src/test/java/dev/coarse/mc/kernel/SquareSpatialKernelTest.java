package dev.coarse.mc.kernel;

import static dev.coarse.mc.kernel.BernoulliChiSquare.Pairs.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.CheckerboardMetropolis;
import dev.coarse.model.IsingModel;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packed (spatially multi-spin-coded) checkerboard kernel of {@link CheckerboardMetropolis}: its layout against
 * the definition in {@link SquareSpatialLayout}, the vector kernel against its plain-Java twin bit for bit, the
 * sampler's multi-sweep calls against single sweeps, and the transition kernel of one sweep exactly (every site
 * flips independently with its Metropolis probability, {@link CheckerboardTransitionKernelTest}'s test).
 */
class SquareSpatialKernelTest {

    /** Sizes with every kind of half-row: one word with r &lt; 64 (L ≤ 126), r = 64 (128), two words (r = 1, 63, 64). */
    private static final int[] SIZES = {2, 4, 6, 8, 10, 14, 16, 18, 34, 62, 64, 66, 126, 128, 130, 254, 256};
    private static final double[] TEMPERATURES = {1.2, 2.269185314213022, 4.0, 50.0};
    private static final int SWEEPS = 5;

    @Test
    void theBuildRunsTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector: the vector kernel is the one the sampler runs here
        IsingModel model = IsingModel.atTemperature(Lattice.square(16), 2.0);
        assertThat(new CheckerboardMetropolis(model).kernel()).isEqualTo("packed-256");
    }

    @Test
    void packingPutsEverySiteWhereTheLayoutSaysAndUnpackingRestoresIt() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int size : SIZES) {
            SquareSpatialLayout layout = new SquareSpatialLayout(size);
            byte[] spins = randomSpins(size, rng);
            long[] packed = new long[layout.length()];
            layout.pack(spins, packed);
            int half = size / 2;
            int words = (half + 63) / 64;
            int stride = (size + 3) / 4 * 4 + 2;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int colour = (x + y) & 1;
                    int k = x / 2;
                    long word = packed[colour * words * stride + k / 64 * stride + y + 1];
                    assertThat(word >>> (k & 63) & 1).as("L = %d, site (%d, %d)", size, x, y)
                            .isEqualTo(spins[y * size + x] == -1 ? 1L : 0L);
                }
            }
            for (int colour = 0; colour < 2; colour++) {
                for (int j = 0; j < words; j++) {
                    int column = colour * words * stride + j * stride;
                    int bits = j == words - 1 ? half - 64 * j : 64;
                    for (int y = 0; y < size; y++) {
                        assertThat(bits == 64 ? 0 : packed[column + y + 1] >>> bits).as("L = %d: bits past the half-row",
                                size).isZero();
                    }
                    assertThat(packed[column]).as("L = %d: ghost above row 0", size).isEqualTo(packed[column + size]);
                    assertThat(packed[column + size + 1]).as("L = %d: ghost below row L − 1", size)
                            .isEqualTo(packed[column + 1]);
                }
            }
            byte[] back = new byte[spins.length];
            layout.unpack(packed, back);
            assertThat(back).as("L = %d round trip", size).isEqualTo(spins);
        }
    }

    @Test
    void theVectorConversionGivesTheSameWordsAndBytes() {
        SplittableRandom rng = new SplittableRandom(4);
        for (int size : new int[] {32, 64, 96, 128, 160, 256, 288}) {
            SquareSpatialLayout layout = new SquareSpatialLayout(size);
            byte[] spins = randomSpins(size, rng);
            long[] scalar = new long[layout.length()];
            long[] vector = new long[layout.length()];
            layout.pack(spins, scalar);
            SquareSpatialVector.pack(layout, spins, vector);
            assertThat(vector).as("L = %d packed", size).isEqualTo(scalar);
            byte[] back = new byte[spins.length];
            SquareSpatialVector.unpack(layout, vector, back);
            assertThat(back).as("L = %d unpacked", size).isEqualTo(spins);
        }
    }

    @Test
    void theVectorSweepIsBitIdenticalToTheTwin() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int size : SIZES) {
            for (double temperature : TEMPERATURES) {
                SquareSpatialLayout layout = new SquareSpatialLayout(size);
                long[] twin = new long[layout.length()];
                layout.pack(randomSpins(size, rng), twin);
                long[] packed = twin.clone();
                long[] twinState = new long[16];
                SquareSpatialLayout.seed(twinState, rng);
                long[] state = twinState.clone();
                long[] bits = thresholdBits(temperature);
                for (int t = 0; t < SWEEPS; t++) {
                    SquareSpatialScalar.sweep(layout, twin, twinState, bits);
                    SquareSpatialVector.sweep(layout, packed, state, bits);
                    assertThat(packed).as("L = %d, T = %s, sweep %d", size, temperature, t).isEqualTo(twin);
                    assertThat(state).as("L = %d, T = %s, sweep %d: generator states", size, temperature, t)
                            .isEqualTo(twinState);
                }
            }
        }
    }

    @Test
    void manySweepsInOneCallAreBitIdenticalToOneSweepPerCall() {
        for (int size : new int[] {6, 64, 130}) {
            IsingModel model = IsingModel.atTemperature(Lattice.square(size), 2.269185314213022);
            CheckerboardMetropolis sampler = new CheckerboardMetropolis(model);
            byte[] start = randomSpins(size, new SplittableRandom(size));
            byte[] one = start.clone();
            byte[] many = start.clone();
            SplittableRandom a = new SplittableRandom(3);
            SplittableRandom b = new SplittableRandom(3);
            for (int t = 0; t < 7; t++) {
                sampler.sweep(one, a);
            }
            sampler.sweeps(many, b, 7);
            assertThat(Arrays.mismatch(one, many)).as("L = %d: first differing site", size).isEqualTo(-1);
            assertThat(a.nextLong()).as("L = %d: generator after the sweeps", size).isEqualTo(b.nextLong());
            assertThat(Arrays.mismatch(one, start)).as("L = %d: the sweeps changed something", size).isNotEqualTo(-1);
        }
    }

    @Test
    void aConfigurationChangedBetweenCallsIsPackedAfresh() {
        // the sampler skips packing a configuration equal to its last output: a change of one site must not be lost
        for (int size : new int[] {6, 64, 130}) {
            IsingModel model = IsingModel.atTemperature(Lattice.square(size), 2.269185314213022);
            CheckerboardMetropolis sampler = new CheckerboardMetropolis(model);
            byte[] spins = randomSpins(size, new SplittableRandom(size));
            SplittableRandom rng = new SplittableRandom(5);
            sampler.sweep(spins, rng);
            spins[size + 1] = (byte) -spins[size + 1];
            byte[] fresh = spins.clone();
            SplittableRandom freshRng = new SplittableRandom(5);
            for (int k = 0; k < 16; k++) {
                freshRng.nextLong(); // the first sweep's seeds
            }
            sampler.sweep(spins, rng);
            new CheckerboardMetropolis(model).sweep(fresh, freshRng);
            assertThat(Arrays.mismatch(spins, fresh)).as("L = %d: first differing site", size).isEqualTo(-1);
        }
    }

    @Test
    void onlySquareLatticesWithEvenLAndNoFieldArePacked() {
        assertThat(new CheckerboardMetropolis(IsingModel.atTemperature(Lattice.square(2), 2.0)).packs()).isTrue();
        assertThat(new CheckerboardMetropolis(IsingModel.atTemperature(Lattice.square(5), 2.0)).packs()).isFalse();
        assertThat(new CheckerboardMetropolis(new IsingModel(Lattice.square(8), 2.0, 0.1)).packs()).isFalse();
        assertThat(new CheckerboardMetropolis(IsingModel.atTemperature(Lattice.cubic(4), 2.0)).packs()).isFalse();
        assertThat(CheckerboardMetropolis.bytewise(IsingModel.atTemperature(Lattice.square(64), 2.0)).packs())
                .isFalse();
    }

    /**
     * The public sampler at small L (padding lanes: L = 6, 10; one lane-group: 4) and where half-rows fill one word
     * (128) or spill into a second (130), at T<sub>c</sub> and T = 4; the twin at two of them.
     */
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"4, 2.269185314213022, 60000", "6, 4.0, 30000", "10, 2.269185314213022, 20000",
        "34, 2.269185314213022, 10000"})
    void theSamplersSweepFlipsEverySiteIndependentlyWithItsMetropolisProbability(int size, double temperature,
            int trials) {
        CheckerboardMetropolis sampler = new CheckerboardMetropolis(
                IsingModel.atTemperature(Lattice.square(size), temperature));
        SplittableRandom rng = new SplittableRandom(7000L + size);
        CheckerboardTransitionKernelTest.assertExactKernel(size, temperature, flipProbabilities(temperature),
                pairs(size), spins -> sampler.sweep(spins, rng), trials);
    }

    @Tag("slow")
    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"128, 2.269185314213022, 6000", "130, 4.0, 6000"})
    void wideLatticesFlipEverySiteIndependentlyWithItsMetropolisProbability(int size, double temperature, int trials) {
        CheckerboardMetropolis sampler = new CheckerboardMetropolis(
                IsingModel.atTemperature(Lattice.square(size), temperature));
        SplittableRandom rng = new SplittableRandom(8000L + size);
        CheckerboardTransitionKernelTest.assertExactKernel(size, temperature, flipProbabilities(temperature),
                pairs(size), spins -> sampler.sweep(spins, rng), trials);
        SquareSpatialLayout layout = new SquareSpatialLayout(size);
        long[] packed = new long[layout.length()];
        long[] state = new long[16];
        long[] bits = thresholdBits(temperature);
        SplittableRandom twinRng = new SplittableRandom(9000L + size);
        CheckerboardTransitionKernelTest.assertExactKernel(size, temperature, flipProbabilities(temperature),
                pairs(size), spins -> {
                    layout.pack(spins, packed);
                    SquareSpatialLayout.seed(state, twinRng);
                    SquareSpatialScalar.sweep(layout, packed, state, bits);
                    layout.unpack(packed, spins);
                }, trials);
    }

    /**
     * P(flip) for d = 0…4 disagreeing neighbours: ⌊a·2⁶⁴⌋/2⁶⁴ for a = e<sup>−8β</sup>, e<sup>−4β</sup> (within
     * 2⁻⁶⁴ of a, below what any number of trials here resolves, so a itself), 7/8, 1, 1.
     */
    private static double[] flipProbabilities(double temperature) {
        double beta = 1.0 / temperature;
        return new double[] {Math.exp(-8 * beta), Math.exp(-4 * beta), 7.0 / 8.0, 1, 1};
    }

    private static long[] thresholdBits(double temperature) {
        double x = Math.exp(-4 / temperature);
        return SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x),
                FixedPoint.fraction(x * x));
    }

    private static byte[] randomSpins(int size, SplittableRandom rng) {
        byte[] spins = new byte[size * size];
        for (int i = 0; i < spins.length; i++) {
            spins[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
        return spins;
    }

    /**
     * Pairs the packed kernel could correlate: same-colour sites of one row up to 70 sites apart, cyclically (bits
     * of one word share its random words; across a word boundary the next unit's), each site with the same site 1,
     * 2, 3 and 4 rows down (other lanes of its vector; the same lane's next unit), and horizontal neighbours (the
     * colour-0 site first, as it is updated first).
     */
    private static BernoulliChiSquare.Pairs pairs(int size) {
        Set<Long> keys = new LinkedHashSet<>();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                for (int k = 1; k <= 35; k++) {
                    int j = y * size + (x + 2 * k) % size;
                    if (j != i) {
                        keys.add(key(Math.min(i, j), Math.max(i, j)));
                    }
                }
                for (int dy = 1; dy <= 4; dy++) {
                    int j = (y + dy) % size * size + x;
                    if (j != i && ((dy & 1) == 0 || size > 2)) {
                        int colourI = (x + y) & 1;
                        int colourJ = (x + y + dy) & 1;
                        // the earlier-updated site first: colour 0 before colour 1, and within a colour any order
                        keys.add(colourI < colourJ ? key(i, j) : colourJ < colourI ? key(j, i)
                                : key(Math.min(i, j), Math.max(i, j)));
                    }
                }
                int right = y * size + (x + 1) % size;
                if (right != i) {
                    keys.add(((x + y) & 1) == 0 ? key(i, right) : key(right, i));
                }
            }
        }
        return BernoulliChiSquare.Pairs.of(keys);
    }
}
