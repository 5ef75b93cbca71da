package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.ShortVector;
import org.junit.jupiter.api.Test;

/**
 * The vectorised square-lattice checkerboard sweeps against their plain-Java twin: the same sites, the same random
 * integers, the same decisions, so bit-identical spins and generator states after every sweep (the statistics
 * of the twin are tested against Onsager/Kaufman in {@link CheckerboardMetropolisTest}, and the transition
 * kernel of one sweep of each exactly in {@link CheckerboardTransitionKernelTest}). Both vector kernels run here
 * on any hardware: without AVX-512 the 512-bit one runs on the Vector API's Java fallback, slowly but with the
 * same results.
 */
class SquareCheckerboardKernelTest {

    private static final int SWEEPS = 6;
    private static final double[] TEMPERATURES = {1.2, 2.269185314213022, 4.0};
    /** The largest L checked: every remainder of H − 1 modulo 32 for the 32-unit blocks, and two full blocks. */
    private static final int LARGEST = 132;

    @Test
    void theBuildRunsTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector, so the vector path is the one under test here
        assertThat(CheckerboardMetropolis.vectorized()).isTrue();
    }

    @Test
    void the512BitKernelRunsWhereTheHardwareAndTheJdkSupportIt() {
        boolean hardware = ShortVector.SPECIES_PREFERRED.length() >= SquareCheckerboardSchedule.WIDE_LANES;
        boolean jdk = Runtime.version().feature() > 17;
        assertThat(CheckerboardMetropolis.vectorized512()).as("512-bit hardware: %s, JDK after 17: %s", hardware, jdk)
                .isEqualTo(hardware && jdk);
    }

    @Test
    void theBlockWidthIsAFunctionOfLAlone() {
        assertThat(new SquareCheckerboardSchedule(64, 0.44).lanes).isEqualTo(16);
        assertThat(new SquareCheckerboardSchedule(64, 0.44).streams).isEqualTo(4);
        assertThat(new SquareCheckerboardSchedule(66, 0.44).lanes).isEqualTo(32);
        assertThat(new SquareCheckerboardSchedule(66, 0.44).streams).isEqualTo(8);
    }

    @Test
    void the256BitSweepIsBitIdenticalToTheScalarTwin() {
        // every even L from the smallest the schedule takes (one full block and an all-masked last block): every
        // remainder r = (L/2 − 1) mod 16 below L = 66, every remainder mod 32 (two halves per block) from there
        for (int size = SquareCheckerboardSchedule.MIN_SIZE; size <= LARGEST; size += 2) {
            for (double temperature : TEMPERATURES) {
                assertIdentical(SquareCheckerboardVector::sweep, size, temperature);
            }
        }
    }

    @Test
    void the512BitSweepIsBitIdenticalToTheScalarTwin() {
        for (int size = SquareCheckerboardSchedule.WIDE_MIN_SIZE; size <= LARGEST; size += 2) {
            for (double temperature : TEMPERATURES) {
                assertIdentical(SquareCheckerboardVector512::sweep, size, temperature);
            }
        }
    }

    @Test
    void the512BitKernelRefusesNarrowBlocks() {
        SquareCheckerboardSchedule narrow = new SquareCheckerboardSchedule(64, 0.44);
        assertThatIllegalArgumentException().isThrownBy(() ->
                SquareCheckerboardVector512.sweep(narrow, new byte[64 * 64], new long[32], new int[32]));
    }

    private static void assertIdentical(SquareCheckerboardScalar.KernelSweep kernel, int size, double temperature) {
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1.0 / temperature);
        SplittableRandom rng = new SplittableRandom(size * 1000L + (long) (temperature * 10));
        byte[] start = new byte[size * size];
        for (int i = 0; i < start.length; i++) {
            start[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
        byte[] scalar = start.clone();
        byte[] vector = start.clone();
        long[] scalarState = new long[4 * schedule.streams];
        schedule.seed(scalarState, rng);
        long[] vectorState = scalarState.clone();
        int[] scratch = new int[schedule.lanes + size / 2];
        int[] wrapRho = new int[size / 2];
        for (int t = 0; t < SWEEPS; t++) {
            SquareCheckerboardScalar.sweep(schedule, scalar, scalarState, scratch);
            kernel.sweep(schedule, vector, vectorState, wrapRho);
            int at = Arrays.mismatch(vector, scalar);
            assertThat(at).as("first differing site (y = %d, x = %d) after sweep %d, L = %d, T = %s", at / size,
                    at % size, t + 1, size, temperature).isEqualTo(-1);
            assertThat(vectorState).as("generator states, L = %d, T = %s", size, temperature).isEqualTo(scalarState);
        }
        assertThat(scalar).as("the sweeps changed the spins").isNotEqualTo(start);
        for (byte s : scalar) {
            assertThat(s == 1 || s == -1).as("spins stay ±1").isTrue();
        }
    }
}
