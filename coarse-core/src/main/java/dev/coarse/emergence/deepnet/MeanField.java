package dev.coarse.emergence.deepnet;

/**
 * Mean-field signal propagation through a deep fully-connected network at random initialisation (Poole, Lahiri,
 * Raghu, Sohl-Dickstein &amp; Ganguli, NeurIPS 2016; Schoenholz, Gilmer, Ganguli &amp; Sohl-Dickstein, ICLR 2017):
 * h<sup>l</sup> = W<sup>l</sup> φ(h<sup>l−1</sup>) + b<sup>l</sup>, W<sub>ij</sub> ~ N(0, σ<sub>w</sub>²/N),
 * b<sub>i</sub> ~ N(0, σ<sub>b</sub>²), N → ∞. Here h<sup>0</sup> is the input itself.
 *
 * <ul>
 *   <li>length map q<sup>l</sup> = σ<sub>w</sub>² ∫Dz φ(√q<sup>l−1</sup> z)² + σ<sub>b</sub>², fixed point q*;</li>
 *   <li>covariance map of two inputs q<sub>12</sub><sup>l</sup> = σ<sub>w</sub>² ∫Dz₁Dz₂ φ(u₁)φ(u₂) +
 *       σ<sub>b</sub>², u₁ = √q₁₁ z₁, u₂ = √q₂₂ (c z₁ + √(1−c²) z₂), c = q₁₂/√(q₁₁q₂₂); at q* the correlation map
 *       c ↦ q₁₂/q* with its stable fixed point c*;</li>
 *   <li>χ₁ = σ<sub>w</sub>² ∫Dz φ′(√q* z)², the slope of the correlation map at c = 1: ordered (c* = 1 stable) for
 *       χ₁ &lt; 1, chaotic for χ₁ &gt; 1;</li>
 *   <li>depth scales (Schoenholz et al. eqs. 5–9): ξ<sub>q</sub>⁻¹ = −ln[χ₁ + σ<sub>w</sub>² ∫Dz φ″(√q* z)
 *       φ(√q* z)], ξ<sub>c</sub>⁻¹ = −ln[σ<sub>w</sub>² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂)] at c*; ξ<sub>c</sub> diverges on the
 *       line χ₁ = 1.</li>
 * </ul>
 *
 * Integrals by {@link GaussianQuadrature} (midpoint rules; why not Gauss–Hermite is said there): step
 * {@link #STEP_1D} in one dimension, {@link #STEP_2D} in two. Measured (tests): against a fine trapezoid rule, tanh's
 * one-dimensional integrals agree to 1e-12 for q ≤ 10; ReLU's length map and χ₁ match their closed forms to 1e-12 and
 * its correlation map (the arc-cosine kernel) to 3e-4: there the kinks (z₁ = 0 and the diagonal) meet integrands
 * with f′ ≠ 0, an O(h²) error of the product rule.
 *
 * @param activation φ
 * @param sigmaW2    σ<sub>w</sub>² &gt; 0
 * @param sigmaB2    σ<sub>b</sub>² ≥ 0
 */
public record MeanField(Activation activation, double sigmaW2, double sigmaB2) {

    /** Steps of the one- and two-dimensional midpoint rules, and the half-width Z of both (Dz(Z) &lt; 10⁻¹⁸). */
    public static final double STEP_1D = 0.02;
    public static final double STEP_2D = 0.1;
    public static final double HALF_WIDTH = 9;
    private static final GaussianQuadrature RULE_1D = GaussianQuadrature.midpoint(STEP_1D, HALF_WIDTH);
    private static final GaussianQuadrature RULE_2D = GaussianQuadrature.midpoint(STEP_2D, HALF_WIDTH);
    /** Largest q searched for a fixed point; beyond it the length map is taken to diverge. */
    public static final double MAX_Q = 1e8;

    public MeanField {
        java.util.Objects.requireNonNull(activation, "activation");
        if (!(sigmaW2 > 0) || !Double.isFinite(sigmaW2)) {
            throw new IllegalArgumentException("sigma_w^2 must be positive and finite, got " + sigmaW2);
        }
        if (!(sigmaB2 >= 0) || !Double.isFinite(sigmaB2)) {
            throw new IllegalArgumentException("sigma_b^2 must be non-negative and finite, got " + sigmaB2);
        }
    }

    @Override
    public String toString() {
        return activation.name() + " with sigma_w^2 = " + sigmaW2 + ", sigma_b^2 = " + sigmaB2;
    }

    /** q<sup>l+1</sup> as a function of q<sup>l</sup>. */
    public double lengthMap(double q) {
        double s = Math.sqrt(q);
        return sigmaW2 * RULE_1D.integrate(z -> {
            double v = activation.value(s * z);
            return v * v;
        }) + sigmaB2;
    }

    /** One layer of the covariance of two inputs: {q₁₁, q₂₂, q₁₂} ↦ the next layer's. */
    public double[] covarianceMap(double q11, double q22, double q12) {
        return new double[] {lengthMap(q11), lengthMap(q22), sigmaW2 * crossMoment(q11, q22, q12) + sigmaB2};
    }

    /** The correlation map at the fixed point: c ↦ (σ<sub>w</sub>² ∫φ(u₁)φ(u₂) + σ<sub>b</sub>²)/q*. */
    public double correlationMap(double c, double qStar) {
        return (sigmaW2 * crossMoment(qStar, qStar, c * qStar) + sigmaB2) / qStar;
    }

    /**
     * The stable fixed point q* of the length map (the one reached from q = 1), by bisection of V(q) − q; with
     * σ<sub>b</sub>² = 0, q* = 0 unless a positive fixed point exists. Throws IllegalStateException if q grows without
     * bound (e.g. ReLU with σ<sub>w</sub>² ≥ 2).
     */
    public double fixedPointQ() {
        double lo = sigmaB2 > 0 ? sigmaB2 : 1e-12;
        if (lengthMap(lo) - lo <= 0) {
            return sigmaB2 > 0 ? lo : 0;
        }
        double hi = Math.max(1, 2 * lo);
        while (lengthMap(hi) - hi > 0) {
            hi *= 2;
            if (hi > MAX_Q) {
                throw new IllegalStateException("the length map has no fixed point below " + MAX_Q + " for " + this
                        + ": q grows without bound");
            }
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (lengthMap(mid) - mid > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** χ₁ at q*. */
    public double chi1(double qStar) {
        double s = Math.sqrt(qStar);
        return sigmaW2 * RULE_1D.integrate(z -> {
            double d = activation.derivative(s * z);
            return d * d;
        });
    }

    /** The stable fixed point c* of the correlation map: 1 if χ₁ ≤ 1, else the root of c ↦ map(c) − c in [0, 1). */
    public double fixedPointC(double qStar) {
        if (qStar <= 0 || chi1(qStar) <= 1) {
            return 1;
        }
        double hi = Double.NaN;
        for (double delta = 1e-2; delta >= 1e-9; delta /= 10) {
            if (correlationMap(1 - delta, qStar) - (1 - delta) < 0) {
                hi = 1 - delta;
                break;
            }
        }
        if (Double.isNaN(hi)) {
            return 1;
        }
        double lo = 0;
        if (correlationMap(lo, qStar) - lo < 0) {
            lo = -1;
        }
        for (int it = 0; it < 42; it++) {
            double mid = 0.5 * (lo + hi);
            if (correlationMap(mid, qStar) - mid >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Everything at the fixed point, with the critical σ<sub>w</sub>² for this σ<sub>b</sub>². */
    public SignalPropagation analyse() {
        double q = fixedPointQ();
        double chi1 = chi1(q);
        double s = Math.sqrt(q);
        double chiQ = chi1 + sigmaW2 * RULE_1D.integrate(z -> activation.secondDerivative(s * z) * activation.value(s * z));
        double c = fixedPointC(q);
        double xiC = c == 1 ? depthScale(chi1) : correlationDepthScale(q, c);
        return new SignalPropagation(activation.name(), sigmaW2, sigmaB2, q, chi1, c, depthScale(chiQ), xiC,
                criticalSigmaW2(activation, sigmaB2));
    }

    /** ξ<sub>c</sub> at a fixed point c* &lt; 1 (chaotic phase): −1/ln[σ<sub>w</sub>² ∫Dz₁Dz₂ φ′(u₁)φ′(u₂)]. */
    double correlationDepthScale(double qStar, double cStar) {
        return depthScale(sigmaW2 * crossDerivativeMoment(qStar, cStar));
    }

    /** χ within this of 1 is 1 (the integrals' round-off; −1/ln χ would be a meaningless 10¹⁵ or so). */
    static final double CHI_ROUND_OFF = 1e-12;

    /** −1/ln χ, infinite at χ = 1 (and reported as infinite, not negative, above it: the perturbation grows). */
    static double depthScale(double chi) {
        if (!(chi > 0)) {
            return 0;
        }
        if (chi >= 1 - CHI_ROUND_OFF) {
            return Double.POSITIVE_INFINITY;
        }
        return -1 / Math.log(chi);
    }

    /**
     * The σ<sub>w</sub>² at which χ₁ = 1 for this σ<sub>b</sub>² (the order-to-chaos line), by bisection on
     * σ<sub>w</sub>² ∈ [10⁻³, 100] to 10⁻¹²; NaN if χ₁ − 1 does not change sign there. Where q diverges, χ₁ counts as
     * above 1.
     */
    public static double criticalSigmaW2(Activation activation, double sigmaB2) {
        double lo = 1e-3;
        double hi = 100;
        if (chi1Minus1(activation, lo, sigmaB2) > 0 || chi1Minus1(activation, hi, sigmaB2) < 0) {
            return Double.NaN;
        }
        for (int it = 0; it < 100 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            if (chi1Minus1(activation, mid, sigmaB2) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double chi1Minus1(Activation activation, double sigmaW2, double sigmaB2) {
        MeanField field = new MeanField(activation, sigmaW2, sigmaB2);
        try {
            return field.chi1(field.fixedPointQ()) - 1;
        } catch (IllegalStateException diverges) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private double crossMoment(double q11, double q22, double q12) {
        double a = Math.sqrt(q11);
        double b = Math.sqrt(q22);
        double c = q11 > 0 && q22 > 0 ? Math.max(-1, Math.min(1, q12 / (a * b))) : 0;
        double s = Math.sqrt(Math.max(0, 1 - c * c));
        return RULE_2D.integrate2((z1, z2) -> activation.value(a * z1) * activation.value(b * (c * z1 + s * z2)));
    }

    private double crossDerivativeMoment(double q, double c) {
        double a = Math.sqrt(q);
        double s = Math.sqrt(Math.max(0, 1 - c * c));
        return RULE_2D.integrate2((z1, z2) -> activation.derivative(a * z1) * activation.derivative(a * (c * z1 + s * z2)));
    }
}
