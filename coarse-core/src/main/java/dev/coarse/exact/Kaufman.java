package dev.coarse.exact;

/**
 * The 2D Ising model (J = 1, h = 0) on a finite L×L torus, exactly: Kaufman's partition function
 * (B. Kaufman, Phys. Rev. 76, 1232 (1949), Eq. 39; in the form of P. D. Beale, Phys. Rev. Lett. 76, 78
 * (1996), Eqs. 1–3):
 *
 * <pre>
 *   Z = ½ (2 sinh 2K)^{L²/2} (Y₁ + Y₂ + Y₃ + Y₄),
 *   Y₁ = ∏_{r=0}^{L−1} 2cosh(L γ_{2r+1}/2),   Y₂ = ∏_{r=0}^{L−1} 2sinh(L γ_{2r+1}/2),
 *   Y₃ = ∏_{r=0}^{L−1} 2cosh(L γ_{2r}/2),     Y₄ = ∏_{r=0}^{L−1} 2sinh(L γ_{2r}/2),
 *   cosh γ_l = cosh 2K coth 2K − cos(π l / L)  (l ≥ 1),   γ₀ = 2K + ln tanh K.
 * </pre>
 *
 * <p>γ₀ is signed: it changes sign at K<sub>c</sub> and is negative above T<sub>c</sub>, which makes Y₄ (whose
 * first factor is 2 sinh(Lγ₀/2)) negative there; at T<sub>c</sub> exactly Y₄ = 0. Every γ<sub>l</sub> with
 * l ≥ 1 is strictly positive (cosh γ<sub>l</sub> ≥ 2 − cos(π/L) &gt; 1).
 *
 * <p>Numerics: the products overflow, so each Y<sub>i</sub> is kept as a log-magnitude plus a bounded factor
 * and the four are added by a signed log-sum-exp. The energy and specific heat come from analytic first and
 * second β-derivatives of every γ<sub>l</sub> (no finite differences). The factor 2 sinh(Lγ₀/2) of Y₄ is
 * written as 2cosh(Lγ₀/2)·tanh(Lγ₀/2), so Y₄ and its derivatives stay finite through its zero at T<sub>c</sub>.
 *
 * <p>Valid for every L ≥ 2 (odd L included: checked against enumeration for L = 3) and K = 1/T up to
 * {@link #MAX_COUPLING}. For L = 2 the formula describes the torus whose ±e<sub>x</sub> neighbours coincide,
 * so each bond is counted twice, exactly as {@link dev.coarse.lattice.Lattice} does.
 */
public final class Kaufman {

    /** Largest coupling K = 1/T accepted (T ≥ 0.01); beyond it sinh 2K and its powers leave double range. */
    public static final double MAX_COUPLING = 100.0;

    /** Largest linear size accepted; the cost is O(L) per evaluation, the limit only keeps L² exact. */
    public static final int MAX_LINEAR_SIZE = 1 << 20;

    private Kaufman() {
    }

    /** Total ln Z of the L×L torus at temperature T. */
    public static double logPartitionFunction(int L, double T) {
        return evaluate(L, T).logZ;
    }

    /** ln Z / L², the log partition function per site of the L×L torus. */
    public static double logPartitionFunctionPerSite(int L, double T) {
        return logPartitionFunction(L, T) / ((double) L * L);
    }

    /** Free energy per site f = −T ln Z / L². */
    public static double freeEnergyPerSite(int L, double T) {
        return -T * logPartitionFunction(L, T) / ((double) L * L);
    }

    /** Mean energy per site u = −(∂ ln Z/∂β)/L². */
    public static double energyPerSite(int L, double T) {
        return -evaluate(L, T).dLogZ / ((double) L * L);
    }

    /**
     * Specific heat per site C = N(⟨e²⟩ − ⟨e⟩²)/T² = β² (∂² ln Z/∂β²)/N, with e the energy per site and
     * N = L².
     */
    public static double specificHeatPerSite(int L, double T) {
        double beta = 1.0 / T;
        return beta * beta * evaluate(L, T).d2LogZ / ((double) L * L);
    }

    /** ln Z and its first two derivatives with respect to β (= K, since J = 1). */
    record Derivatives(double logZ, double dLogZ, double d2LogZ) {
    }

    static Derivatives evaluate(int L, double T) {
        requireSize(L);
        double k = couplingOf(T);
        double n = (double) L * L;
        double s2k = Math.sinh(2 * k);
        double c2k = Math.cosh(2 * k);
        double coth2k = c2k / s2k;

        // Prefactor ½ (2 sinh 2K)^{N/2}.
        double prefLog = -Math.log(2) + 0.5 * n * Math.log(2 * s2k);
        double prefD1 = n * coth2k;
        double prefD2 = -2 * n / (s2k * s2k);

        // A(K) = cosh 2K coth 2K; A − 2 = (sinh 2K − 1)²/sinh 2K written without cancellation.
        double aMinus2 = (s2k - 1) * (s2k - 1) / s2k;
        double aD1 = 2 * c2k - 2 * c2k / (s2k * s2k);
        double aD2 = 4 * s2k - 4 / s2k + 8 * coth2k * coth2k / s2k;

        // Accumulate log-magnitudes and log-derivatives of the four products. Index 0: odd l (Y1 cosh,
        // Y2 sinh); index 1: even l ≥ 2 (Y3 cosh, Y4 sinh); γ₀ handled separately below.
        double[] logSum = new double[4];
        double[] d1 = new double[4];
        double[] d2 = new double[4];
        double halfL = 0.5 * L;
        for (int l = 1; l < 2 * L; l++) {
            double sinHalf = Math.sin(0.5 * Math.PI * l / L);
            // B − 1 = (A − 2) + (1 − cos θ), θ = πl/L.
            double bMinus1 = aMinus2 + 2 * sinHalf * sinHalf;
            double b = 1 + bMinus1;
            double sinhGamma = Math.sqrt(bMinus1) * Math.sqrt(b + 1);
            double gamma = Math.log1p(bMinus1 + sinhGamma);
            double gD1 = aD1 / sinhGamma;
            double gD2 = (aD2 - b * gD1 * gD1) / sinhGamma;
            double x = halfL * gamma;
            double xD1 = halfL * gD1;
            double xD2 = halfL * gD2;
            int coshIndex = (l % 2 == 1) ? 0 : 2;
            addCosh(logSum, d1, d2, coshIndex, x, xD1, xD2);
            addSinh(logSum, d1, d2, coshIndex + 1, x, xD1, xD2);
        }

        // γ₀ = 2K + ln tanh K, signed; γ₀' = 2 + 2/sinh 2K, γ₀'' = −4 cosh 2K / sinh² 2K.
        double gamma0 = 2 * k + Math.log(Math.tanh(k));
        double x0 = halfL * gamma0;
        double x0D1 = halfL * (2 + 2 / s2k);
        double x0D2 = halfL * (-4 * coth2k / s2k);
        addCosh(logSum, d1, d2, 2, x0, x0D1, x0D2);

        // Each term Y_i = e^{a_i} v_i with derivatives e^{a_i} v_i', e^{a_i} v_i''.
        double[] a = new double[4];
        double[] v = new double[4];
        double[] vD1 = new double[4];
        double[] g = new double[4];
        double[] h = new double[4];
        for (int i = 0; i < 3; i++) {
            a[i] = logSum[i];
            v[i] = 1;
            vD1[i] = d1[i];
            g[i] = d1[i];
            h[i] = d2[i];
        }
        // Y₄ = 2 sinh(x₀) · P = e^{ln 2cosh x₀} tanh(x₀) · P.
        double t0 = Math.tanh(x0);
        a[3] = logSum[3] + logTwoCosh(x0);
        v[3] = t0;
        vD1[3] = x0D1 + t0 * d1[3];
        double max = Math.max(Math.max(a[0], a[1]), Math.max(a[2], a[3]));
        double s0 = 0;
        double s1 = 0;
        double[] scale = new double[4];
        for (int i = 0; i < 4; i++) {
            scale[i] = Math.exp(a[i] - max);
            s0 += scale[i] * v[i];
            s1 += scale[i] * vD1[i];
        }
        double mean = s1 / s0;
        // Centred second moment Σ e^{a_i}(v'' − 2 m v' + m² v) / Σ e^{a_i} v, computed term by term as
        // h + (g − m)² so that the O(N²) parts cancel analytically, not numerically.
        double s2 = 0;
        for (int i = 0; i < 3; i++) {
            double dev = g[i] - mean;
            s2 += scale[i] * (h[i] + dev * dev);
        }
        double devP = d1[3] - mean;
        s2 += scale[3] * (t0 * (d2[3] + devP * devP) + x0D2 + t0 * x0D1 * x0D1 + 2 * x0D1 * devP);
        return new Derivatives(prefLog + max + Math.log(s0), prefD1 + mean, prefD2 + s2 / s0);
    }

    /** Adds ln 2cosh x and its K-derivatives (x' , x'' given) to slot i. */
    private static void addCosh(double[] logSum, double[] d1, double[] d2, int i, double x, double xD1,
            double xD2) {
        double t = Math.tanh(x);
        logSum[i] += logTwoCosh(x);
        d1[i] += t * xD1;
        d2[i] += (1 - t * t) * xD1 * xD1 + t * xD2;
    }

    /** Adds ln 2sinh x (x &gt; 0) and its K-derivatives to slot i. */
    private static void addSinh(double[] logSum, double[] d1, double[] d2, int i, double x, double xD1,
            double xD2) {
        double coth = 1 / Math.tanh(x);
        logSum[i] += x + Math.log(-Math.expm1(-2 * x));
        d1[i] += coth * xD1;
        d2[i] += (1 - coth * coth) * xD1 * xD1 + coth * xD2;
    }

    /** ln(2 cosh x) without overflow. */
    static double logTwoCosh(double x) {
        double ax = Math.abs(x);
        return ax + Math.log1p(Math.exp(-2 * ax));
    }

    static void requireSize(int L) {
        if (L < 2 || L > MAX_LINEAR_SIZE) {
            throw new IllegalArgumentException("linear size L must be in [2, " + MAX_LINEAR_SIZE + "], got " + L);
        }
    }

    /** K = 1/T after checking T. */
    static double couplingOf(double T) {
        if (!(T > 0) || Double.isInfinite(T)) {
            throw new IllegalArgumentException("temperature T must be finite and > 0, got " + T);
        }
        double k = 1.0 / T;
        if (k > MAX_COUPLING) {
            throw new IllegalArgumentException("temperature T = " + T + " is below the supported minimum "
                    + 1.0 / MAX_COUPLING);
        }
        return k;
    }
}
