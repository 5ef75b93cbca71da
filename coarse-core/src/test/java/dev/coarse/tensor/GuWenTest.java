package dev.coarse.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.exact.Onsager;
import dev.coarse.model.PottsModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Central charge and scaling dimensions from the fixed-point tensor against the exact CFT values (SCIENCE.md §1,
 * §6): 2D Ising c = 1/2, x_σ = 1/8, x_ε = 1; 3-state Potts c = 4/5. The tolerances are the issue's; "best step" is
 * the step closest to the exact value, as the done-criterion states, and the step {@link
 * TensorRgResult#bestConformalStep()} picks without knowing the answer is checked separately with looser bounds.
 */
class GuWenTest {

    private static TensorRgResult ising;

    private static synchronized TensorRgResult isingAtCriticality() {
        if (ising == null) {
            ising = TensorRg.run(LocalTensors.ising(Onsager.CRITICAL_TEMPERATURE, 0),
                    TensorRgSettings.infinite(Scheme.TRG, 24, 20, true));
        }
        return ising;
    }

    private static double closest(TensorRgResult r, java.util.function.ToDoubleFunction<ConformalData> f,
                                  double exact) {
        double best = Double.NaN;
        for (RgStep s : r.steps()) {
            double v = f.applyAsDouble(s.conformal());
            if (Double.isNaN(best) || Math.abs(v - exact) < Math.abs(best - exact)) {
                best = v;
            }
        }
        return best;
    }

    private static double x(ConformalData c, int i) {
        double[] x = c.scalingDimensions();
        return i < x.length ? x[i] : Double.NaN;
    }

    @Test
    @Tag("slow")
    void isingCentralChargeAndScalingDimensions() {
        TensorRgResult r = isingAtCriticality();
        assertThat(closest(r, ConformalData::centralCharge, 0.5)).isCloseTo(0.5, within(5e-3));
        assertThat(closest(r, c -> x(c, 0), 0.125)).isCloseTo(0.125, within(2e-4));
        assertThat(closest(r, c -> x(c, 1), 1.0)).isCloseTo(1.0, within(1e-2));
        // step 1's tensor has bond dimension 2, so its width-2 matrix has only 4 eigenvalues; from step 2 on, ≥ 6
        for (RgStep s : r.steps().subList(1, r.steps().size())) {
            assertThat(s.conformal().scalingDimensions()).as("step %d", s.step()).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @Test
    @Tag("slow")
    void bestStepIsChosenWithoutTheAnswer() {
        RgStep best = isingAtCriticality().bestConformalStep();
        assertThat(best).isNotNull();
        assertThat(best.conformal().centralCharge()).isCloseTo(0.5, within(1e-2));
        assertThat(best.conformal().scalingDimensions()[0]).isCloseTo(0.125, within(2e-3));
        assertThat(best.conformal().scalingDimensions()[1]).isCloseTo(1.0, within(3e-2));
    }

    @Test
    void bondWeightedTrgKeepsTheFixedPointLonger() {
        // Adachi et al.: BTRG's spectrum stays scale invariant at T_c; at χ = 16, x_σ stays within 2e-4 of 1/8 over
        // steps 8–11 (measured: 0.12503, 0.12494, 0.12494, 0.12486; TRG at χ = 16 drifts sooner)
        TensorRgResult r = TensorRg.run(LocalTensors.ising(Onsager.CRITICAL_TEMPERATURE, 0),
                TensorRgSettings.infinite(Scheme.BTRG, 16, 11, true));
        for (RgStep s : r.steps().subList(7, 11)) {
            assertThat(s.conformal().scalingDimensions()[0]).as("step %d", s.step()).isCloseTo(0.125, within(2e-4));
        }
    }

    @Test
    @Tag("slow")
    void pottsThreeStateCentralCharge() {
        TensorRgResult r = TensorRg.run(LocalTensors.potts(3, PottsModel.squareLatticeCriticalTemperature(3)),
                TensorRgSettings.infinite(Scheme.TRG, 24, 16, true));
        assertThat(closest(r, ConformalData::centralCharge, 0.8)).isCloseTo(0.8, within(1e-2));
        // σ and σ* are degenerate: x = 2/15 twice, then x_ε = 4/5
        assertThat(closest(r, c -> x(c, 0), 2.0 / 15)).isCloseTo(2.0 / 15, within(2e-3));
    }

    @Test
    void offCriticalFlowReachesATrivialFixedPoint() {
        // high temperature: one dominant eigenvalue, every other x grows with the steps; c → 0 (measured −1.7e-6
        // after 16 steps at χ = 8: the bulk terms of widths 1 and 2 cancel to rounding of the leading eigenvalues)
        TensorRgResult r = TensorRg.run(LocalTensors.ising(3.5, 0), TensorRgSettings.infinite(Scheme.TRG, 8, 16, true));
        ConformalData last = r.steps().get(r.steps().size() - 1).conformal();
        assertThat(last.centralCharge()).isCloseTo(0.0, within(1e-4));
        // and the lowest dimension has grown far from any critical value (1/8 at T_c)
        assertThat(last.scalingDimensions()[0]).isGreaterThan(2);
    }
}
