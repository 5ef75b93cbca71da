package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vectorised square-lattice checkerboard sweep against its plain-Java twin: the same sites, the same random
 * integers, the same decisions, so bit-identical spins and generator states after every sweep (the statistics
 * of the twin are tested against Onsager/Kaufman in {@link CheckerboardMetropolisTest}, and the transition
 * kernel of one sweep of both exactly in {@link CheckerboardTransitionKernelTest}).
 */
class SquareCheckerboardKernelTest {

    private static final int SWEEPS = 6;
    private static final double[] TEMPERATURES = {1.2, 2.269185314213022, 4.0};

    @Test
    void theBuildRunsTheVectorKernel() {
        // surefire passes --add-modules jdk.incubator.vector, so the vector path is the one under test here
        assertThat(CheckerboardMetropolis.vectorized()).isTrue();
    }

    @Test
    void vectorSweepIsBitIdenticalToTheScalarTwin() {
        // every even L from the smallest the schedule takes (one full block and an all-masked last block) to
        // L = 66 (every remainder r = (L/2 − 1) mod 16), then 128
        for (int size = SquareCheckerboardSchedule.MIN_SIZE; size <= 130; size += size < 66 ? 2 : 62) {
            for (double temperature : TEMPERATURES) {
                assertIdentical(size, temperature);
            }
        }
    }

    private static void assertIdentical(int size, double temperature) {
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1.0 / temperature);
        SplittableRandom rng = new SplittableRandom(size * 1000L + (long) (temperature * 10));
        byte[] start = new byte[size * size];
        for (int i = 0; i < start.length; i++) {
            start[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
        byte[] scalar = start.clone();
        byte[] vector = start.clone();
        long[] scalarState = new long[16];
        SquareCheckerboardSchedule.seed(scalarState, rng);
        long[] vectorState = scalarState.clone();
        int[] scratch = new int[SquareCheckerboardSchedule.LANES];
        int[] wrapRho = new int[size / 2];
        for (int t = 0; t < SWEEPS; t++) {
            SquareCheckerboardScalar.sweep(schedule, scalar, scalarState, scratch);
            SquareCheckerboardVector.sweep(schedule, vector, vectorState, wrapRho);
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
