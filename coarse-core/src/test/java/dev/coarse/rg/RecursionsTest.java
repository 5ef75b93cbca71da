package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RecursionsTest {

    private static final double CLOSED_FORM = 1e-10;
    /** Tribonacci constant to 20 digits, OEIS A058265 (independent of the cube-root formula). */
    private static final double TRIBONACCI = 1.83928675521416113255;

    @Test
    void migdalKadanoffFixedPointMatchesTheTribonacciClosedForm() {
        FixedPoints.FixedPoint fp = Recursions.MIGDAL_KADANOFF.fixedPoint().orElseThrow();
        assertThat(fp.coupling()).isCloseTo(0.5 * Math.log(TRIBONACCI), within(CLOSED_FORM));
        assertThat(fp.coupling()).isCloseTo(Recursions.migdalKadanoffFixedPointClosedForm(), within(CLOSED_FORM));
        assertThat(Math.cosh(4 * fp.coupling())).isCloseTo(Math.exp(2 * fp.coupling()), within(CLOSED_FORM));
        double t4 = Math.pow(TRIBONACCI, 4);
        double lambda = 2 * (t4 - 1) / (t4 + 1);
        assertThat(fp.slope()).isCloseTo(lambda, within(CLOSED_FORM));
        assertThat(fp.nu()).isCloseTo(Math.log(2) / Math.log(lambda), within(CLOSED_FORM));
        assertThat(fp.nu()).isCloseTo(1.338, within(0.001));
    }

    @Test
    void decimation1dHasNoNonTrivialFixedPoint() {
        assertThat(Recursions.DECIMATION1D.fixedPoint()).isEmpty();
        assertThat(Recursions.DECIMATION1D.noFixedPointNote()).isPresent();
        double k = 0.8;
        assertThat(Math.tanh(Recursions.DECIMATION1D.apply(k))).isCloseTo(Math.pow(Math.tanh(k), 2),
                within(CLOSED_FORM));
    }

    @Test
    void richardsonDerivativeMatchesAnalyticSlope() {
        // d/dK atanh(tanh² K) = 2t/(1 + t²) with t = tanh K
        for (double k : new double[] {0.1, 0.5, 1.3}) {
            double t = Math.tanh(k);
            assertThat(FixedPoints.derivative(Recursions.DECIMATION1D.map(), k)).isCloseTo(2 * t / (1 + t * t),
                    within(CLOSED_FORM));
        }
    }

    @Test
    void findReturnsTheSmallestOfSeveralFixedPoints() {
        // R(K) = K + (K − 1)(K − 2)(K − 3)/10: fixed points 1, 2, 3; slope at 1 is 1 + 2/10
        java.util.function.DoubleUnaryOperator map = k -> k + (k - 1) * (k - 2) * (k - 3) / 10;
        FixedPoints.FixedPoint fp = FixedPoints.find(map, 0, 4, 2).orElseThrow();
        assertThat(fp.coupling()).isCloseTo(1, within(CLOSED_FORM));
        assertThat(fp.slope()).isCloseTo(1.2, within(CLOSED_FORM));
        assertThat(fp.nu()).isCloseTo(Math.log(2) / Math.log(1.2), within(CLOSED_FORM));
        assertThat(FixedPoints.find(map, 3.5, 4, 2)).isEmpty();
    }

    @Test
    void flowGridAndLargeKStability() {
        double[][] flow = FixedPoints.flow(Recursions.MIGDAL_KADANOFF.map(), 0, 1, 11);
        assertThat(flow).hasNumberOfRows(11);
        assertThat(flow[0][1]).isCloseTo(0, within(CLOSED_FORM));
        // ½ ln cosh 2000 = 1000 − ½ ln 2 up to e^{−4000}; must not overflow
        assertThat(Recursions.MIGDAL_KADANOFF.apply(500)).isCloseTo(1000 - 0.5 * Math.log(2), within(1e-9));
    }
}
