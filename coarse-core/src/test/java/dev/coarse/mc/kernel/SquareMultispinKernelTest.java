package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised square-lattice multi-spin sweep against its plain-Java twin: the same random words, the same
 * decisions, so bit-identical spins and generator states (the statistics of the twin are tested against
 * enumeration in {@code MultispinMetropolisTest}, and the transition kernel of one sweep of both exactly in
 * {@link SquareMultispinTransitionKernelTest}).
 */
class SquareMultispinKernelTest {

    private static final int SWEEPS = 25;

    @Test
    void theBuildRunsTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector, so the vector path is the one under test here
        assertThat(MultispinMetropolis.vectorized()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 10, 12, 16, 22, 32})
    void vectorSweepIsBitIdenticalToTheScalarTwin(int size) {
        assertBitIdenticalToTheTwin(size, SquareMultispinLayout.NARROW_LANES, SquareMultispinVector::sweep);
    }

    /** Eight-site blocks as two 256-bit halves (the wide kernel of JDK 17 and of machines without AVX-512). */
    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 10, 14, 16, 18, 30, 32, 34, 48, 66})
    void twoHalvesSweepIsBitIdenticalToTheScalarTwin(int size) {
        assertBitIdenticalToTheTwin(size, SquareMultispinLayout.WIDE_LANES, SquareMultispinWideHalves::sweep);
    }

    @Test
    void theBuildRunsWideGroupsOnTwoHalves() {
        // every test JVM but the wide-vectors execution's has coarse.multispin.vector512=false
        assertThat(MultispinMetropolis.wideVectorBits()).isEqualTo(256);
    }

    /**
     * {@value #SWEEPS} sweeps of {@code kernel} and of the twin from one random start and generator state, at three
     * temperatures, on a layout of {@code lanes}: the same spins and generator states, and the spins changed.
     */
    static void assertBitIdenticalToTheTwin(int size, int lanes, SquareMultispinScalar.Kernel kernel) {
        for (double temperature : new double[] {1.2, 2.269185314213022, 4.0}) {
            SquareMultispinLayout layout = new SquareMultispinLayout(size, lanes);
            SplittableRandom rng = new SplittableRandom(size * 1000L + (long) (temperature * 10));
            long[] start = new long[size * size];
            for (int i = 0; i < start.length; i++) {
                start[i] = rng.nextLong();
            }
            long[] scalar = new long[layout.length()];
            layout.pack(start, scalar);
            long[] vector = scalar.clone();
            long[] scalarState = new long[4 * lanes];
            for (int i = 0; i < scalarState.length; i++) {
                scalarState[i] = rng.nextLong();
            }
            long[] vectorState = scalarState.clone();
            double x = Math.exp(-4.0 / temperature);
            long[] bits = SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x),
                    FixedPoint.fraction(x * x));
            for (int t = 0; t < SWEEPS; t++) {
                SquareMultispinScalar.sweep(layout, scalar, scalarState, bits);
                kernel.sweep(layout, vector, vectorState, bits);
            }
            assertThat(vector).as("spins, L = %d, T = %s", size, temperature).isEqualTo(scalar);
            assertThat(vectorState).as("generator states, L = %d, T = %s", size, temperature).isEqualTo(scalarState);
            long[] after = new long[size * size];
            layout.unpack(scalar, after);
            assertThat(after).as("the sweeps changed the spins").isNotEqualTo(start);
        }
    }

    @Test
    void packAndUnpackAreInverseAndGhostsCopyTheRowEnds() {
        int size = 10;
        SquareMultispinLayout layout = new SquareMultispinLayout(size);
        long[] words = new long[size * size];
        for (int i = 0; i < words.length; i++) {
            words[i] = 1000L + i;
        }
        long[] packed = new long[layout.length()];
        layout.pack(words, packed);
        long[] back = new long[words.length];
        layout.unpack(packed, back);
        assertThat(back).isEqualTo(words);
        // colour 0, row 0 holds x = 0, 2, …, 8; its ghosts are x = 8 (left) and x = 0 (right)
        int first = layout.rowStart(0, 0);
        assertThat(packed[first - 1]).isEqualTo(1008L);
        assertThat(packed[first + size / 2]).isEqualTo(1000L);
        // colour 1, row 0 holds x = 1, 3, …, 9
        assertThat(packed[layout.rowStart(1, 0)]).isEqualTo(1001L);
    }

    @Test
    void groupReplicasSurviveTheLayout() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(6), 2.0);
        MultispinMetropolis group = new MultispinMetropolis(model, 5L);
        byte[] config = new byte[36];
        for (int i = 0; i < config.length; i++) {
            config[i] = (byte) (i % 3 == 0 ? 1 : -1);
        }
        group.setReplica(17, config);
        assertThat(group.replica(17)).isEqualTo(config);
        long[] words = group.words();
        for (int i = 0; i < config.length; i++) {
            assertThat((words[i] >>> 17) & 1).isEqualTo(config[i] > 0 ? 1L : 0L);
        }
    }

    @Test
    void thresholdTablesHoldTheBitsOfBothThresholdsThenZerosToAWholeGroup() {
        long p1 = 0xB4C3_0000_1234_5678L;
        long p2 = 0x1F00_FFFF_0000_0001L;
        long[] bits = SquareMultispinLayout.thresholdTables(p1, p2);
        assertThat(bits).hasSize(2 * SquareMultispinLayout.TABLE_BITS);
        assertThat(SquareMultispinLayout.TABLE_BITS % SquareMultispinLayout.WORDS_PER_TEST).isZero();
        assertThat(SquareMultispinLayout.TABLE_BITS).isBetween(64, 64 + SquareMultispinLayout.WORDS_PER_TEST - 1);
        for (int k = 0; k < 64; k++) {
            long bit1 = (p1 >>> (63 - k)) & 1;
            long bit2 = (p2 >>> (63 - k)) & 1;
            assertThat(bits[2 * k]).as("bit %d of p1", k).isEqualTo(-bit1);
            assertThat(bits[2 * k] ^ bits[2 * k + 1]).as("bit %d of p2", k).isEqualTo(-bit2);
        }
        // past the 64th bit the thresholds' binary digits are 0: an undecided replica can only be rejected
        for (int k = 64; k < SquareMultispinLayout.TABLE_BITS; k++) {
            assertThat(bits[2 * k]).isZero();
            assertThat(bits[2 * k + 1]).isZero();
        }
    }
}
