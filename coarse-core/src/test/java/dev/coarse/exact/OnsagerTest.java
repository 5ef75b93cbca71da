package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OnsagerTest {

    /** Closed-form golden values, limited only by double rounding and the quadrature tolerance. */
    private static final double GOLDEN = 1e-14;
    /**
     * Five-point central differences with step 1e-4: truncation O(h⁴) ≈ 1e-16 times the fifth derivative
     * (which grows like |T − T_c|⁻⁴ near T_c), rounding ≈ 1e-15/h = 1e-11.
     */
    private static final double FINITE_DIFFERENCE = 1e-9;
    private static final double STEP = 1e-4;
    private static final double TC = Onsager.CRITICAL_TEMPERATURE;

    @Test
    void criticalPointConstants() {
        // T_c = 2/ln(1+√2) = 2.269185314213022 (Onsager 1944; SCIENCE.md §1).
        assertThat(TC).isCloseTo(2.269185314213022, within(1e-15));
        assertThat(Onsager.CRITICAL_COUPLING).isCloseTo(0.4406867935097715, within(1e-16));
        assertThat(Math.sinh(2 * Onsager.CRITICAL_COUPLING)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void freeEnergyAtTcIsLn2Over2Plus2CatalanOverPi() {
        // −βf(T_c) = ln2/2 + 2G/π, G = 0.915965594177219015054603514932 (Catalan's constant).
        double catalan = 0.915965594177219015054603514932;
        double golden = Math.log(2) / 2 + 2 * catalan / Math.PI;
        assertThat(golden).isCloseTo(0.9296953983416102, within(1e-16));
        assertThat(Onsager.logPartitionFunctionPerSite(TC)).isCloseTo(0.9296953983416102, within(GOLDEN));
        assertThat(Onsager.freeEnergyPerSite(TC)).isCloseTo(-TC * 0.9296953983416102, within(10 * GOLDEN));
    }

    @Test
    void energyAtTcIsMinusSqrt2() {
        assertThat(Onsager.energyPerSite(TC)).isCloseTo(-Math.sqrt(2), within(GOLDEN));
        // Continuous through T_c despite K₁ diverging there.
        assertThat(Onsager.energyPerSite(Math.nextUp(TC))).isCloseTo(-Math.sqrt(2), within(1e-12));
        assertThat(Onsager.energyPerSite(TC * (1 + 1e-9))).isCloseTo(-Math.sqrt(2), within(1e-7));
    }

    @Test
    void highAndLowTemperatureLimits() {
        // High T: −βf = ln 2 + 2 ln cosh K + t⁴ + O(t⁶), t = tanh K (high-temperature series: the smallest
        // closed polygon is the plaquette, N of them), so u = −2t − 4t³(1 − t²) + O(t⁵).
        double t = 1e2;
        double k = 1 / t;
        double th = Math.tanh(k);
        assertThat(Onsager.logPartitionFunctionPerSite(t))
                .isCloseTo(Math.log(2) + 2 * Math.log(Math.cosh(k)) + Math.pow(th, 4), within(10 * Math.pow(th, 6)));
        assertThat(Onsager.energyPerSite(t)).isCloseTo(-2 * th - 4 * th * th * th * (1 - th * th),
                within(100 * Math.pow(th, 5)));
        // Low T: −βf = 2K + e^{−8K} + O(e^{−12K}), u = −2 + 8e^{−8K} + O(e^{−12K}), m = 1 − 2e^{−8K} + …
        t = 0.5;
        k = 1 / t;
        assertThat(Onsager.logPartitionFunctionPerSite(t)).isCloseTo(2 * k + Math.exp(-8 * k), within(3 * Math.exp(-12 * k)));
        assertThat(Onsager.energyPerSite(t)).isCloseTo(-2 + 8 * Math.exp(-8 * k), within(30 * Math.exp(-12 * k)));
        assertThat(Onsager.spontaneousMagnetization(t)).isCloseTo(1 - 2 * Math.exp(-8 * k), within(30 * Math.exp(-12 * k)));
    }

    @Test
    void energyIsTheBetaDerivativeOfLnZ() {
        for (double t : new double[] {0.8, 1.5, 2.0, 2.2, 2.35, 3.0, 5.0}) {
            double beta = 1 / t;
            double numeric = -derivative(b -> Onsager.logPartitionFunctionPerSite(1 / b), beta);
            assertThat(Onsager.energyPerSite(t)).as("T=%s", t).isCloseTo(numeric, within(FINITE_DIFFERENCE));
        }
    }

    @Test
    void specificHeatIsTheTemperatureDerivativeOfEnergy() {
        for (double t : new double[] {0.8, 1.5, 2.0, 2.2, 2.35, 3.0, 5.0}) {
            double numeric = derivative(Onsager::energyPerSite, t);
            assertThat(Onsager.specificHeatPerSite(t)).as("T=%s", t)
                    .isCloseTo(numeric, within(FINITE_DIFFERENCE * Math.max(1, numeric)));
        }
    }

    /** Five-point central difference (f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)) / 12h. */
    private static double derivative(java.util.function.DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x - 2 * STEP) - 8 * f.applyAsDouble(x - STEP) + 8 * f.applyAsDouble(x + STEP)
                - f.applyAsDouble(x + 2 * STEP)) / (12 * STEP);
    }

    @Test
    void specificHeatDivergesLogarithmicallyAtTc() {
        assertThat(Onsager.specificHeatPerSite(TC)).isEqualTo(Double.POSITIVE_INFINITY);
        // C ≈ −(8K_c²/π) ln|1 − T/T_c| + const on both sides (Onsager 1944): the slope in ln|t| is universal.
        double amplitude = 8 * Onsager.CRITICAL_COUPLING * Onsager.CRITICAL_COUPLING / Math.PI;
        for (double sign : new double[] {-1, 1}) {
            double c1 = Onsager.specificHeatPerSite(TC * (1 + sign * 1e-6));
            double c2 = Onsager.specificHeatPerSite(TC * (1 + sign * 1e-7));
            assertThat(Double.isFinite(c1) && Double.isFinite(c2)).isTrue();
            assertThat((c2 - c1) / Math.log(10)).as("side %s", sign).isCloseTo(amplitude, within(1e-3 * amplitude));
        }
    }

    @Test
    void magnetizationVanishesAtAndAboveTcAndFollowsBetaOneEighth() {
        assertThat(Onsager.spontaneousMagnetization(TC)).isZero();
        assertThat(Onsager.spontaneousMagnetization(3.0)).isZero();
        // Near T_c: m ≈ [8√2 K_c (1 − T/T_c)]^{1/8} from expanding 1 − sinh⁻⁴2K to first order.
        double eps = 1e-8;
        double expected = Math.pow(8 * Math.sqrt(2) * Onsager.CRITICAL_COUPLING * eps, 0.125);
        assertThat(Onsager.spontaneousMagnetization(TC * (1 - eps))).isCloseTo(expected, within(1e-6));
    }

    @Test
    void noNaNOnTemperatureGrid() {
        for (double t = 0.01; t < 50; t *= 1.07) {
            assertThat(Double.isFinite(Onsager.logPartitionFunctionPerSite(t))).as("T=%s", t).isTrue();
            assertThat(Double.isFinite(Onsager.energyPerSite(t))).as("T=%s", t).isTrue();
            assertThat(Onsager.specificHeatPerSite(t)).as("T=%s", t).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(Onsager.spontaneousMagnetization(t)).as("T=%s", t).isBetween(0.0, 1.0);
        }
    }
}
