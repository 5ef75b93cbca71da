package dev.coarse.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.exact.Kaufman;
import dev.coarse.exact.Onsager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance figures for the 2D Ising model: ln Z per site against Onsager on the infinite lattice
 * (relative error of the free energy, the tolerances TNRKit.jl asserts for the same schemes and χ) and against
 * Kaufman on finite tori, where χ is large enough that nothing but rounding is cut.
 */
class TensorRgIsingTest {

    private static final double TC = Onsager.CRITICAL_TEMPERATURE;
    /** 30 steps: 2³⁰ sites; the remaining trace term ln Tr T / 2³⁰ is below 1e-9 of ln Z and itself converged. */
    private static final int STEPS = 30;
    /** Agreement of two exact computations of a finite torus's ln Z (absolute, on ln Z ≈ 60 for L = 8). */
    private static final double TORUS_TOLERANCE = 1e-10;

    private static double relativeError(Scheme scheme, int chi, double temperature) {
        TensorRgResult r = TensorRg.run(LocalTensors.ising(temperature, 0),
                TensorRgSettings.infinite(scheme, chi, STEPS, false));
        double exact = Onsager.logPartitionFunctionPerSite(temperature);
        return Math.abs(r.lnZPerSite() - exact) / Math.abs(exact);
    }

    @ParameterizedTest(name = "{0} chi={1} at T_c: relative error <= {2}")
    @CsvSource({"TRG, 24, 2e-6", "HOTRG, 16, 6e-7", "BTRG, 24, 6e-8"})
    @Tag("slow")
    void freeEnergyAtCriticality(Scheme scheme, int chi, double tolerance) {
        assertThat(relativeError(scheme, chi, TC)).isLessThanOrEqualTo(tolerance);
    }

    /**
     * Away from T_c at χ = 24: the 1e-8 holds for bond-weighted TRG (measured 2.7e-10 at T = 2.0, 5.2e-10 at
     * 2.6). Plain TRG does not reach it: 9.44e-8 at T = 2.0 and 1.21e-7 at 2.6, the same digits as the public numpy TRG
     * (smorita/TRG_Ising_2D, trg.py 24 30 2.0: −9.441e-8) — the scheme's accuracy, not a defect — so TRG is held to
     * 1.5e-7. (HOTRG at χ = 24 reaches 5e-11 and 1.2e-9 but takes two minutes a run here: BENCHMARKS.md.)
     */
    @ParameterizedTest(name = "{0} chi=24 at T={1}: relative error <= {2}")
    @CsvSource({"BTRG, 2.0, 1e-8", "BTRG, 2.6, 1e-8", "TRG, 2.0, 1.5e-7", "TRG, 2.6, 1.5e-7"})
    @Tag("slow")
    void freeEnergyAwayFromCriticality(Scheme scheme, double temperature, double tolerance) {
        assertThat(relativeError(scheme, 24, temperature)).isLessThanOrEqualTo(tolerance);
    }

    /** χ = 32 cuts nothing but rounding on the way to the 2×2 torus of an L ≤ 8 torus (truncation error ≈ 1e-15). */
    @ParameterizedTest(name = "{0} L={1} T={2}")
    @CsvSource({"TRG, 4, 2.269185314213022", "TRG, 4, 2.0", "TRG, 4, 2.6",
            "TRG, 8, 2.269185314213022", "TRG, 8, 2.0", "TRG, 8, 2.6",
            "BTRG, 4, 2.269185314213022", "BTRG, 8, 2.6",
            "HOTRG, 4, 2.269185314213022", "HOTRG, 8, 2.0"})
    void finiteTorusMatchesKaufman(Scheme scheme, int size, double temperature) {
        TensorRgResult r = TensorRg.run(LocalTensors.ising(temperature, 0),
                TensorRgSettings.torus(scheme, 32, size, false));
        assertThat(r.lnZ()).isCloseTo(Kaufman.logPartitionFunction(size, temperature), within(TORUS_TOLERANCE));
    }

    @Test
    void twoByTwoTorusIsContractedExactly() {
        // four sites, eight bonds: no step at all, Tr(M₂²) directly
        for (double t : new double[] {0.5, 1.0, TC, 5.0}) {
            TensorRgResult r = TensorRg.run(LocalTensors.ising(t, 0), TensorRgSettings.torus(Scheme.TRG, 4, 2, false));
            assertThat(r.lnZ()).as("T=%s", t).isCloseTo(Kaufman.logPartitionFunction(2, t), within(TORUS_TOLERANCE));
        }
    }

    @Test
    void truncationErrorIsReportedPerStep() {
        TensorRgResult r = TensorRg.run(LocalTensors.ising(TC, 0), TensorRgSettings.infinite(Scheme.TRG, 8, 12, false));
        assertThat(r.steps()).hasSize(12);
        // step 1 cuts nothing (the 4×4 split has rank ≤ 4 ≤ χ); later steps at χ = 8 must cut something
        assertThat(r.steps().get(0).truncationError()).isLessThan(1e-15);
        assertThat(r.steps().get(5).truncationError()).isGreaterThan(1e-8).isLessThan(1e-2);
        assertThat(r.steps().get(5).spectrum()[0]).isEqualTo(1.0);
        assertThat(r.maxTruncationError()).isLessThan(1e-2);
    }
}
