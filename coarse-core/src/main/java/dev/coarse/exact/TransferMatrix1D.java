package dev.coarse.exact;

/**
 * The Ising chain H = −Σ s<sub>i</sub>s<sub>i+1</sub> − h Σ s<sub>i</sub> (J = 1, K = β = 1/T), exactly, by its
 * 2×2 transfer matrix (e.g. R. J. Baxter, <i>Exactly Solved Models</i>, §2.2):
 * <pre>
 *   Z_N = λ₊^N + λ₋^N  (periodic, N sites),
 *   λ± = e^K cosh βh ± √(e^{2K} sinh² βh + e^{−2K}).
 * </pre>
 * Both eigenvalues are positive (λ₊λ₋ = 2 sinh 2K), and λ₋ is computed as 2 sinh 2K / λ₊ so that it keeps
 * full relative precision when it is much smaller than λ₊. Energies and specific heats come from analytic
 * β-derivatives of ln λ±; everything is done in logs, so N may be large.
 *
 * <p>At h = 0 the infinite chain is a symmetric Markov chain with P(s<sub>i+1</sub> = s<sub>i</sub>) =
 * (1 + tanh K)/2, which gives the spin correlation, the pair mutual information and the block entropies.
 *
 * <p>For N = 2 the two bonds of the ring join the same two spins, as in {@link dev.coarse.lattice.Lattice}.
 * Accepted: K = 1/T up to {@link Kaufman#MAX_COUPLING}, |βh| up to {@link #MAX_FIELD_COUPLING}.
 */
public final class TransferMatrix1D {

    /** Largest |βh| accepted. */
    public static final double MAX_FIELD_COUPLING = 300.0;

    private TransferMatrix1D() {
    }

    /** ln Z of the periodic chain of N sites. */
    public static double logPartitionFunction(int N, double T, double h) {
        return ring(N, T, h)[0];
    }

    /** ln Z / N of the periodic chain of N sites. */
    public static double logPartitionFunctionPerSite(int N, double T, double h) {
        return logPartitionFunction(N, T, h) / N;
    }

    /** Free energy per site −T ln Z / N of the periodic chain. */
    public static double freeEnergyPerSite(int N, double T, double h) {
        return -T * logPartitionFunction(N, T, h) / N;
    }

    /** Energy per site (including the field term −h m) of the periodic chain of N sites. */
    public static double energyPerSite(int N, double T, double h) {
        return -ring(N, T, h)[1] / N;
    }

    /** Specific heat per site β² ∂² ln Z/∂β² / N of the periodic chain of N sites. */
    public static double specificHeatPerSite(int N, double T, double h) {
        double beta = 1 / T;
        return beta * beta * ring(N, T, h)[2] / N;
    }

    /** ln Z / N of the infinite chain, ln λ₊. */
    public static double logPartitionFunctionPerSite(double T, double h) {
        return eigenvalues(T, h)[0];
    }

    /** Free energy per site of the infinite chain, −T ln λ₊. */
    public static double freeEnergyPerSite(double T, double h) {
        return -T * logPartitionFunctionPerSite(T, h);
    }

    /** Energy per site of the infinite chain, −∂ ln λ₊/∂β; −tanh K at h = 0. */
    public static double energyPerSite(double T, double h) {
        return -eigenvalues(T, h)[1];
    }

    /** Specific heat per site of the infinite chain, β² ∂² ln λ₊/∂β²; K² sech² K at h = 0. */
    public static double specificHeatPerSite(double T, double h) {
        double beta = 1 / T;
        return beta * beta * eigenvalues(T, h)[2];
    }

    /** Entropy per site (nats) of the infinite chain at h = 0: ln(2 cosh K) − K tanh K. */
    public static double entropyPerSite(double K) {
        requireCoupling(K);
        return Kaufman.logTwoCosh(K) - K * Math.tanh(K);
    }

    /** ⟨s<sub>0</sub>s<sub>r</sub>⟩ = tanh<sup>r</sup> K of the infinite chain at h = 0 (r ≥ 0). */
    public static double correlation(double K, int r) {
        requireCoupling(K);
        if (r < 0) {
            throw new IllegalArgumentException("distance r must be >= 0, got " + r);
        }
        return Math.pow(Math.tanh(K), r);
    }

    /**
     * Mutual information (nats) between two spins at distance r of the infinite chain at h = 0: with
     * c = tanh<sup>r</sup> K, I = ((1+c)/2) ln(1+c) + ((1−c)/2) ln(1−c) (the pair is uniform on each spin,
     * P(s, s') = (1 + c s s')/4).
     */
    public static double mutualInformation(double K, int r) {
        double c = correlation(K, r);
        double minus = c == 1 ? 0 : 0.5 * (1 - c) * Math.log1p(-c);
        return 0.5 * (1 + c) * Math.log1p(c) + minus;
    }

    /**
     * Shannon entropy (nats) of n ≥ 1 consecutive spins of the infinite chain at h = 0. The chain is a
     * Markov chain with uniform first spin and flip probability (1 − tanh K)/2, so
     * H<sub>n</sub> = ln 2 + (n − 1) h<sub>b</sub>((1 + tanh K)/2), with h<sub>b</sub> the binary entropy.
     */
    public static double blockEntropy(double K, int n) {
        requireCoupling(K);
        if (n < 1) {
            throw new IllegalArgumentException("block length n must be >= 1, got " + n);
        }
        // h_b((1+t)/2) equals the entropy per site ln(2cosh K) − K tanh K (same Markov chain).
        return Math.log(2) + (n - 1) * entropyPerSite(K);
    }

    /** {ln Z, ∂ ln Z/∂β, ∂² ln Z/∂β²} of the periodic N-site chain. */
    private static double[] ring(int N, double T, double h) {
        if (N < 2) {
            throw new IllegalArgumentException("chain length N must be >= 2, got " + N);
        }
        double[] e = eigenvalues(T, h);
        double lp = e[0];
        double lpD1 = e[1];
        double lpD2 = e[2];
        double lm = e[3];
        double lmD1 = e[4];
        double lmD2 = e[5];
        // r = (λ₋/λ₊)^N ≤ 1; weights w₊ = 1/(1+r), w₋ = r/(1+r).
        double ratio = Math.exp(N * (lm - lp));
        double wPlus = 1 / (1 + ratio);
        double wMinus = ratio / (1 + ratio);
        double logZ = N * lp + Math.log1p(ratio);
        double d1 = N * (wPlus * lpD1 + wMinus * lmD1);
        double gap = lpD1 - lmD1;
        double d2 = N * (wPlus * lpD2 + wMinus * lmD2) + (double) N * N * wPlus * wMinus * gap * gap;
        return new double[] {logZ, d1, d2};
    }

    /**
     * {ln λ₊, (ln λ₊)', (ln λ₊)'', ln λ₋, (ln λ₋)', (ln λ₋)''}, derivatives in β at fixed h.
     * With y = βh, E = e^{−4β}: λ± = e^β F±, F₊ = cosh y + D, D = √(sinh² y + E), and F₋ = (1 − E)/F₊.
     * All hyperbolic quantities are scaled by e^{−|y|} (only ratios enter), so large |y| cannot overflow.
     */
    private static double[] eigenvalues(double T, double h) {
        double beta = Kaufman.couplingOf(T);
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException("field h must be finite, got " + h);
        }
        double y = beta * h;
        if (Math.abs(y) > MAX_FIELD_COUPLING) {
            throw new IllegalArgumentException("|h/T| = " + Math.abs(y) + " exceeds " + MAX_FIELD_COUPLING);
        }
        double ay = Math.abs(y);
        double q = Math.exp(-2 * ay);
        double sh = Math.signum(y) * 0.5 * (-Math.expm1(-2 * ay)); // sinh y · e^{−|y|}
        double ch = 0.5 * (1 + q); // cosh y · e^{−|y|}
        double e = Math.exp(-4 * beta) * q; // E · e^{−2|y|}
        double d = Math.sqrt(sh * sh + e);
        // D D' = h sinh y cosh y − 2E;  D'² + D D'' = h² cosh 2y + 8E.
        double dD1 = (h * sh * ch - 2 * e) / d;
        double dD2 = (h * h * (ch * ch + sh * sh) + 8 * e - dD1 * dD1) / d;
        double f = ch + d;
        double lnF = ay + Math.log(f);
        double lnFD1 = (h * sh + dD1) / f;
        double lnFD2 = (h * h * ch + dD2) / f - lnFD1 * lnFD1;
        // ln(1 − e^{−4β}) and its derivatives 4/(e^{4β} − 1), −16 e^{4β}/(e^{4β} − 1)².
        double em = Math.expm1(4 * beta);
        double lnDet = Math.log(-Math.expm1(-4 * beta));
        double lnDetD1 = 4 / em;
        double lnDetD2 = -16 / (em * -Math.expm1(-4 * beta));
        return new double[] {
            beta + lnF, 1 + lnFD1, lnFD2,
            beta + lnDet - lnF, 1 + lnDetD1 - lnFD1, lnDetD2 - lnFD2,
        };
    }

    private static void requireCoupling(double K) {
        if (!(K >= 0) || K > Kaufman.MAX_COUPLING) {
            throw new IllegalArgumentException("coupling K must be in [0, " + Kaufman.MAX_COUPLING + "], got " + K);
        }
    }
}
