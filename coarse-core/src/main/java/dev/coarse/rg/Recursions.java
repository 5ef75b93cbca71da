package dev.coarse.rg;

import dev.coarse.naming.Identified;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Exact and approximate one-coupling RG recursions K → K' (SCIENCE.md §4), the references for flows. Results and the
 * command line name a scheme by its {@link #id()}: "decimation1d" or "migdal-kadanoff".
 */
public enum Recursions implements Identified {

    /**
     * Exact decimation of the 1D Ising chain with b = 2: tanh K' = tanh² K. Only the trivial fixed points
     * K = 0 (stable) and K = ∞ exist: K' &lt; K for every finite K &gt; 0.
     */
    DECIMATION1D(2, "no non-trivial fixed point: tanh K' = tanh² K < tanh K for 0 < K < ∞, "
            + "so every finite K flows to the stable fixed point K = 0 (K = ∞ is unstable)") {
        @Override
        public double apply(double k) {
            double t = Math.tanh(k);
            return atanh(t * t);
        }
    },

    /**
     * Migdal–Kadanoff bond moving for the 2D Ising model with b = 2: K' = ½ ln cosh 4K. Its non-trivial
     * fixed point solves cosh 4K = e^{2K}; with x = e^{2K} this is x⁴ − 2x³ + 1 = (x − 1)(x³ − x² − x − 1) = 0,
     * so x is the tribonacci constant (see {@link #migdalKadanoffFixedPointClosedForm()}).
     */
    MIGDAL_KADANOFF(2, null) {
        @Override
        public double apply(double k) {
            // ½ ln cosh 4K written to avoid overflow for large K: |4K| + ln(1 + e^{−8|K|}) − ln 2
            double a = Math.abs(4 * k);
            return 0.5 * (a + Math.log1p(Math.exp(-2 * a)) - Math.log(2));
        }
    };

    private final double scaleFactor;
    private final String noFixedPointNote;

    Recursions(double scaleFactor, String noFixedPointNote) {
        this.scaleFactor = scaleFactor;
        this.noFixedPointNote = noFixedPointNote;
    }

    /** K' = R(K). */
    public abstract double apply(double k);

    public DoubleUnaryOperator map() {
        return this::apply;
    }

    public double scaleFactor() {
        return scaleFactor;
    }

    /** Why there is no non-trivial fixed point, or empty when there is one. */
    public Optional<String> noFixedPointNote() {
        return Optional.ofNullable(noFixedPointNote);
    }

    /** The non-trivial fixed point in (0.01, 5), if any. */
    public Optional<FixedPoints.FixedPoint> fixedPoint() {
        return FixedPoints.find(map(), 0.01, 5, scaleFactor);
    }

    /** The scheme of this {@link #id()}. */
    public static Recursions forId(String name) {
        return Identified.find(Recursions.class, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown recursion scheme '" + name + "' (expected decimation1d or migdal-kadanoff)"));
    }

    /**
     * Closed form of the Migdal–Kadanoff fixed point: K* = ½ ln τ with τ the tribonacci constant, the real
     * root of x³ = x² + x + 1: τ = (1 + ∛(19 + 3√33) + ∛(19 − 3√33)) / 3 = 1.839286755214161… (OEIS A058265).
     */
    public static double migdalKadanoffFixedPointClosedForm() {
        double s = 3 * Math.sqrt(33);
        double tau = (1 + Math.cbrt(19 + s) + Math.cbrt(19 - s)) / 3;
        return 0.5 * Math.log(tau);
    }

    /**
     * Closed form of ν at the Migdal–Kadanoff fixed point: λ = dK'/dK = 2 tanh 4K* = 2(τ⁴ − 1)/(τ⁴ + 1),
     * ν = ln 2 / ln λ.
     */
    public static double migdalKadanoffNuClosedForm() {
        double tau = Math.exp(2 * migdalKadanoffFixedPointClosedForm());
        double t4 = tau * tau * tau * tau;
        return Math.log(2) / Math.log(2 * (t4 - 1) / (t4 + 1));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
