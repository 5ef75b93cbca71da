package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.coarse.exact.Onsager;
import dev.coarse.mc.CheckerboardMetropolis;
import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.ShortVector;
import org.junit.jupiter.api.Test;

/**
 * The vectorised square-lattice checkerboard sweeps against their plain-Java twin: the same sites, the same random
 * integers, the same decisions, so bit-identical spins and generator states after every sweep (the statistics
 * of the twin are tested against Onsager/Kaufman in {@code CheckerboardMetropolisTest}, and the transition
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
        assertThat(new SquareCheckerboardSchedule(64, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE).lanes).isEqualTo(16);
        assertThat(new SquareCheckerboardSchedule(64, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE).streams).isEqualTo(4);
        assertThat(new SquareCheckerboardSchedule(66, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE).lanes).isEqualTo(32);
        assertThat(new SquareCheckerboardSchedule(66, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE).streams).isEqualTo(8);
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
        SquareCheckerboardSchedule narrow = new SquareCheckerboardSchedule(64, 0.44,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE);
        assertThatIllegalArgumentException().isThrownBy(() ->
                SquareCheckerboardVector512.sweep(narrow, new byte[64 * 64], new long[32], new int[32]));
    }

    @Test
    void scheduleAppliesOnlyWhereItsThresholdsAreExactAndOrdered() {
        double betaC = 1.0 / Onsager.CRITICAL_TEMPERATURE;
        assertThat(SquareCheckerboardSchedule.applies(34, betaC)).isTrue();
        assertThat(SquareCheckerboardSchedule.applies(1024, betaC)).isTrue();
        assertThat(SquareCheckerboardSchedule.applies(32, betaC)).as("no full block per row").isFalse();
        assertThat(SquareCheckerboardSchedule.applies(35, betaC)).as("odd L").isFalse();
        // e^{−4β} ≤ ½ ⇔ T ≤ 4/ln 2 ≈ 5.771
        assertThat(SquareCheckerboardSchedule.applies(64, 1.0 / 5.77)).isTrue();
        assertThat(SquareCheckerboardSchedule.applies(64, 1.0 / 5.78)).isFalse();
        // e^{−8β} underflows to 0
        assertThat(SquareCheckerboardSchedule.applies(64, 100.0)).isFalse();
    }

    @Test
    void thresholdsAreTheCeilingsOfTheAcceptancesInUnitsOfTwoToTheMinus32() {
        double beta = 1.0 / 1.5;
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(64, beta, CheckerboardMetropolis.ZERO_COST_ACCEPTANCE);
        long theta0 = (schedule.threshold0 ^ Integer.MIN_VALUE) & 0xFFFFFFFFL;
        long theta1 = (schedule.threshold1 ^ Integer.MIN_VALUE) & 0xFFFFFFFFL;
        // P(accept) = (θ + 1)/2³² must be the smallest multiple of 2⁻³² not below the acceptance
        assertThat((theta0 + 1) / 0x1p32).isGreaterThanOrEqualTo(Math.exp(-8 * beta));
        assertThat(theta0 / 0x1p32).isLessThan(Math.exp(-8 * beta));
        assertThat((theta1 + 1) / 0x1p32).isGreaterThanOrEqualTo(Math.exp(-4 * beta));
        assertThat(theta1 / 0x1p32).isLessThan(Math.exp(-4 * beta));
        // ΔE = 0 is accepted with 7/8, exactly: θ₂ + 1 = 7·2²⁹
        long theta2 = (schedule.threshold2 ^ Integer.MIN_VALUE) & 0xFFFFFFFFL;
        assertThat(theta2 + 1).isEqualTo(7L << 29);
    }

    private static void assertIdentical(SquareCheckerboardScalar.KernelSweep kernel, int size, double temperature) {
        SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1.0 / temperature,
                CheckerboardMetropolis.ZERO_COST_ACCEPTANCE);
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
