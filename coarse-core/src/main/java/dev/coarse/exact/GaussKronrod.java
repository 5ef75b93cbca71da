package dev.coarse.exact;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive 7-point Gauss / 15-point Kronrod quadrature (the QUADPACK QK15 rule, Piessens et al. 1983) with
 * recursive bisection. Used by the exact results for one-dimensional integrals of smooth integrands whose
 * only trouble is a near-kink at an end point, which bisection resolves.
 */
final class GaussKronrod {

    /** Kronrod abscissae on [−1, 1] (non-negative half, descending); odd indices are the Gauss nodes. */
    private static final double[] NODES = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0,
    };
    private static final double[] KRONROD_WEIGHTS = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    };
    /** Gauss weights for NODES[1], NODES[3], NODES[5], NODES[7]. */
    private static final double[] GAUSS_WEIGHTS = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    };

    private static final int MAX_DEPTH = 60;

    private GaussKronrod() {
    }

    /**
     * ∫<sub>a</sub><sup>b</sup> f, bisecting until each piece's |Kronrod − Gauss| is below its share of
     * {@code absTol}.
     *
     * @throws ArithmeticException if the integrand is not finite or the tolerance cannot be reached
     */
    static double integrate(DoubleUnaryOperator f, double a, double b, double absTol) {
        return adapt(f, a, b, absTol, 0);
    }

    private static double adapt(DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        double[] ke = rule(f, a, b);
        if (!Double.isFinite(ke[0]) || !Double.isFinite(ke[1])) {
            throw new ArithmeticException("integrand not finite on [" + a + ", " + b + "]");
        }
        // Accept when the embedded error estimate is small; the Kronrod value is far more accurate than it.
        if (ke[1] <= tol || Math.abs(b - a) <= 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b)))) {
            return ke[0];
        }
        if (depth >= MAX_DEPTH) {
            throw new ArithmeticException("quadrature did not converge on [" + a + ", " + b + "]");
        }
        double mid = 0.5 * (a + b);
        return adapt(f, a, mid, 0.5 * tol, depth + 1) + adapt(f, mid, b, 0.5 * tol, depth + 1);
    }

    /** {Kronrod estimate, |Kronrod − Gauss|} on [a, b]. */
    static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double centre = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = f.applyAsDouble(centre);
        double kronrod = KRONROD_WEIGHTS[7] * fc;
        double gauss = GAUSS_WEIGHTS[3] * fc;
        for (int j = 0; j < 7; j++) {
            double dx = half * NODES[j];
            double sum = f.applyAsDouble(centre - dx) + f.applyAsDouble(centre + dx);
            kronrod += KRONROD_WEIGHTS[j] * sum;
            if (j % 2 == 1) {
                gauss += GAUSS_WEIGHTS[j / 2] * sum;
            }
        }
        return new double[] {kronrod * half, Math.abs((kronrod - gauss) * half)};
    }
}
