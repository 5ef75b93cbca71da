package dev.coarse.emergence.deepnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class MeanFieldTest {

    /** Accuracy of the one-dimensional rule on tanh integrands up to q = 10 (MeanField's javadoc). */
    private static final double RULE_1D = 1e-12;
    /** Accuracy of the two-dimensional rule on ReLU's correlation map (the diagonal kink limits it). */
    private static final double RULE_2D_KINK = 3e-4;

    /**
     * ∫Dz f(z) by the trapezoid rule on [−10, 10], 4001 points: for integrands analytic in a strip and Gaussian-damped
     * it converges exponentially; the tail beyond 10 is below e^-50.
     */
    private static double trapezoid(DoubleUnaryOperator f) {
        int n = 4_000;
        double a = -10;
        double h = 20.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double w = (i == 0 || i == n) ? 0.5 : 1;
            sum += w * f.applyAsDouble(z) * Math.exp(-z * z / 2);
        }
        return sum * h / Math.sqrt(2 * Math.PI);
    }

    /** χ₁ − 1 with q* and χ₁ both computed by the trapezoid rule (an independent route). */
    private static double independentChi1Minus1(double sigmaW2, double sigmaB2) {
        double lo = 1e-9;
        double hi = 100;
        for (int it = 0; it < 50; it++) {
            double q = 0.5 * (lo + hi);
            double s = Math.sqrt(q);
            double v = sigmaW2 * trapezoid(z -> Math.pow(Math.tanh(s * z), 2)) + sigmaB2;
            if (v > q) {
                lo = q;
            } else {
                hi = q;
            }
        }
        double s = Math.sqrt(0.5 * (lo + hi));
        return sigmaW2 * trapezoid(z -> Math.pow(1 - Math.pow(Math.tanh(s * z), 2), 2)) - 1;
    }

    @Test
    void quadratureGetsGaussianMoments() {
        GaussianQuadrature rule = GaussianQuadrature.midpoint(MeanField.STEP_1D, MeanField.HALF_WIDTH);
        double doubleFactorial = 1;
        for (int k = 0; k <= 6; k++) {
            int power = 2 * k;
            assertThat(rule.integrate(z -> Math.pow(z, power))).as("E z^%d", power)
                    .isCloseTo(doubleFactorial, within(1e-9 * doubleFactorial));
            assertThat(rule.integrate(z -> Math.pow(z, power + 1))).isCloseTo(0, within(1e-9 * doubleFactorial));
            doubleFactorial *= 2 * k + 1;
        }
    }

    @Test
    void reluMapsMatchTheirClosedForms() {
        // q map: σ_w² q/2 + σ_b²; correlation: arc-cosine kernel (Cho & Saul 2009),
        // E[relu(u1) relu(u2)] = q (√(1−c²) + (π − arccos c) c) / (2π); χ₁ = σ_w²/2.
        MeanField field = new MeanField(Activation.RELU, 1.5, 0.1);
        assertThat(field.lengthMap(0.7)).isCloseTo(1.5 * 0.35 + 0.1, within(Tolerances.EXACT));
        double qStar = field.fixedPointQ();
        assertThat(qStar).isCloseTo(0.1 / (1 - 0.75), within(1e-9));
        assertThat(field.chi1(qStar)).isCloseTo(0.75, within(RULE_1D));
        for (double c : new double[] {-0.5, 0, 0.3, 0.9, 0.99}) {
            double kernel = qStar * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / (2 * Math.PI);
            // the kink limits the product rule (stated in MeanField's javadoc)
            assertThat(field.correlationMap(c, qStar)).as("c=%s", c)
                    .isCloseTo((1.5 * kernel + 0.1) / qStar, within(RULE_2D_KINK));
        }
        // q* = σ_b²/(1 − σ_w²/2) passes MeanField.MAX_Q = 1e8 within 2e-9 of the line, where χ₁ counts as above 1
        assertThat(MeanField.criticalSigmaW2(Activation.RELU, 0.1)).isCloseTo(2, within(1e-8));
        assertThatThrownBy(() -> new MeanField(Activation.RELU, 2.5, 0.1).fixedPointQ())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tanhOneDimensionalIntegralsAgreeWithTheTrapezoidRule() {
        for (double q : new double[] {0.01, 0.5, 2, 10}) {
            MeanField field = new MeanField(Activation.TANH, 1, 0);
            double s = Math.sqrt(q);
            assertThat(field.lengthMap(q)).as("q=%s", q)
                    .isCloseTo(trapezoid(z -> Math.pow(Math.tanh(s * z), 2)), within(RULE_1D));
            assertThat(field.chi1(q))
                    .isCloseTo(trapezoid(z -> Math.pow(1 - Math.pow(Math.tanh(s * z), 2), 2)), within(RULE_1D));
        }
    }

    @Test
    void tanhCorrelationMapAgreesWithAnIndependentDoubleIntegral() {
        // correlation map at c = 0 factorises: (σ_w² (E tanh)² + σ_b²)/q = σ_b²/q; at c = 1 it is 1.
        MeanField field = new MeanField(Activation.TANH, 2.0, 0.05);
        double q = field.fixedPointQ();
        assertThat(field.correlationMap(0, q)).isCloseTo(0.05 / q, within(1e-12));
        assertThat(field.correlationMap(1, q)).isCloseTo(1, within(1e-9));
        // slope at c = 1 is χ₁ (Poole et al. 2016, eq. 5)
        double h = 1e-4;
        double slope = (field.correlationMap(1, q) - field.correlationMap(1 - h, q)) / h;
        assertThat(slope).isCloseTo(field.chi1(q), within(1e-3));
    }

    @Test
    void criticalLineOfTanh() {
        // σ_b² = 0: q* = 0 for σ_w² ≤ 1 and χ₁ = σ_w² φ'(0)² = σ_w², so the line starts at σ_w² = 1.
        assertThat(MeanField.criticalSigmaW2(Activation.TANH, 0)).isCloseTo(1, within(1e-6));
        double critical = MeanField.criticalSigmaW2(Activation.TANH, 0.05);
        assertThat(Math.abs(independentChi1Minus1(critical, 0.05))).as("χ₁ − 1 at %s", critical).isLessThan(1e-6);
        // the independent root: bisection of the trapezoid χ₁ − 1
        double lo = 1;
        double hi = 3;
        for (int it = 0; it < 24; it++) {
            double mid = 0.5 * (lo + hi);
            if (independentChi1Minus1(mid, 0.05) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertThat(critical).isCloseTo(0.5 * (lo + hi), within(1e-3));
        SignalPropagation atLine = new MeanField(Activation.TANH, critical, 0.05).analyse();
        assertThat(atLine.xiC()).as("ξ_c diverges on the line").isGreaterThan(1e4);
        SignalPropagation ordered = new MeanField(Activation.TANH, critical - 0.3, 0.05).analyse();
        SignalPropagation chaotic = new MeanField(Activation.TANH, critical + 0.3, 0.05).analyse();
        assertThat(ordered.chaotic()).isFalse();
        assertThat(chaotic.chaotic()).isTrue();
        assertThat(chaotic.cStar()).isLessThan(1);
        assertThat(ordered.xiC()).isFinite().isLessThan(atLine.xiC());
        assertThat(chaotic.xiC()).isFinite().isLessThan(atLine.xiC());
    }

    @Test
    void formulaActivationParsesAndDifferentiates() {
        FormulaActivation tanh = FormulaActivation.parse("(exp(x) - exp(-x)) / (exp(x) + exp(-x))");
        for (double x : new double[] {-2, -0.3, 0, 0.7, 3}) {
            assertThat(tanh.value(x)).isCloseTo(Math.tanh(x), within(1e-14));
            assertThat(tanh.derivative(x)).isCloseTo(Activation.TANH.derivative(x), within(1e-8));
            assertThat(tanh.secondDerivative(x)).isCloseTo(Activation.TANH.secondDerivative(x), within(1e-6));
        }
        assertThat(FormulaActivation.parse("-x^2").value(3)).isEqualTo(-9);
        assertThat(FormulaActivation.parse("2^3^2").value(0)).isEqualTo(512);
        assertThat(FormulaActivation.parse("x*sigmoid(x) + 1.5e-1*pi").value(0)).isCloseTo(0.15 * Math.PI, within(1e-15));
        double critical = MeanField.criticalSigmaW2(FormulaActivation.parse("tanh(x)"), 0.05);
        assertThat(critical).isCloseTo(MeanField.criticalSigmaW2(Activation.TANH, 0.05), within(1e-6));
        for (String bad : new String[] {"", "x +", "foo(x)", "tanh x", "(x", "1/x", "x $ 2", "y"}) {
            assertThatThrownBy(() -> FormulaActivation.parse(bad)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
