package dev.coarse.mc.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.coarse.exact.Kaufman;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.model.IsingModel;
import jdk.incubator.vector.LongVector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 512-bit square-lattice multi-spin sweep ({@link SquareMultispinWide}) against its plain-Java twin on a layout
 * of eight lanes, and its exact one-sweep transition kernel; and Kaufman's energy from a wide group.
 *
 * <p>Tagged {@value #TAG}: the build runs these tests in a JVM of their own (surefire execution {@code wide-vectors}
 * of coarse-core, with {@code coarse.multispin.vector512=true}), and every other test with the 512-bit kernel switched
 * off ({@code coarse.multispin.vector512=false}: wide groups on two 256-bit halves, {@link SquareMultispinWideHalves},
 * tested in {@link SquareMultispinKernelTest}). A JVM that has run both this kernel and the 256-bit ones sometimes
 * compiles one of them to code that allocates its vectors and runs 30–50 times slower (BENCHMARKS.md, 2026-11-24).
 * Where the kernel cannot run (JDK 17, no AVX-512) the tests that need it are skipped, and the check that it is on
 * says why.
 */
@Tag(SquareMultispinWideKernelTest.TAG)
class SquareMultispinWideKernelTest {

    static final String TAG = "wide-vectors";
    /** |estimate − exact| ≤ 4σ: a correct kernel fails about 6 times in 100,000. */
    private static final double STAT_SIGMAS = 4.0;

    /** True where the 512-bit kernel should run: a JDK after 17 whose preferred long vector is 512 bits. */
    private static boolean hardwareAndJdk() {
        return Runtime.version().feature() > 17 && LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    }

    @Test
    void theKernelRunsWhereTheJdkAndHardwareAllowIt() {
        assertThat(System.getProperty("coarse.multispin.vector512")).as("run by surefire execution wide-vectors")
                .isEqualTo("true");
        // surefire passes --add-modules jdk.incubator.vector, and every machine the build runs on has 256-bit vectors
        assertThat(MultispinMetropolis.wideVectorBits()).as("Java %s, preferred long vector %d bits",
                Runtime.version(), LongVector.SPECIES_PREFERRED.vectorBitSize()).isEqualTo(hardwareAndJdk() ? 512 : 256);
        IsingModel model = IsingModel.atTemperature(Lattice.square(8), 2.0);
        assertThat(new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(1L),
                MultispinMetropolis.Width.WIDE).onVectors()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 6, 8, 10, 14, 16, 18, 30, 32, 34, 48, 66})
    void wideSweepIsBitIdenticalToTheScalarTwin(int size) {
        assumeThat(MultispinMetropolis.wideVectorBits()).as("512-bit kernel available").isEqualTo(512);
        SquareMultispinKernelTest.assertBitIdenticalToTheTwin(size, SquareMultispinLayout.WIDE_LANES,
                SquareMultispinWide::sweep);
    }

    @ParameterizedTest(name = "L = {0}, T = {1}")
    @CsvSource({"6, 2.269185314213022", "18, 4.0", "34, 2.269185314213022"})
    void theWideKernelFlipsEverySiteOfEveryReplicaIndependentlyWithItsMetropolisProbability(int size,
            double temperature) {
        assumeThat(MultispinMetropolis.wideVectorBits()).as("512-bit kernel available").isEqualTo(512);
        SquareMultispinTransitionKernelTest.assertExactKernel(size, temperature,
                SquareMultispinTransitionKernelTest.trials(size), SquareMultispinTransitionKernelTest.kernelTrial(size,
                        temperature, 31L * size, SquareMultispinWide::sweep, SquareMultispinLayout.WIDE_LANES));
    }

    /**
     * Energy per site of a wide group at L = 32 against Kaufman's exact finite-lattice value, 64 independent
     * replicas (the error from their spread), on whichever kernel this JVM runs.
     */
    @Test
    void wideGroupEnergyAgreesWithKaufman() {
        int size = 32;
        double temperature = 2.5;
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        MultispinMetropolis group = new MultispinMetropolis(model, MultispinMetropolis.rootGenerator(41L),
                MultispinMetropolis.Width.WIDE);
        group.sweep(2000);
        int r = MultispinMetropolis.REPLICAS;
        double[] sums = new double[r];
        double[] e = new double[r];
        int samples = 2000;
        for (int t = 0; t < samples; t++) {
            group.sweep(5);
            group.energies(e);
            for (int k = 0; k < r; k++) {
                sums[k] += e[k] / (size * size) / samples;
            }
        }
        double mean = 0;
        for (double v : sums) {
            mean += v / r;
        }
        double var = 0;
        for (double v : sums) {
            var += (v - mean) * (v - mean) / (r - 1);
        }
        double error = Math.sqrt(var / r);
        double exact = Kaufman.energyPerSite(size, temperature);
        assertThat(Math.abs(mean - exact)).as("e = %s ± %s, Kaufman %s", mean, error, exact)
                .isLessThanOrEqualTo(STAT_SIGMAS * error);
    }
}
