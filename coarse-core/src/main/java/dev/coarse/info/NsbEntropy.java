package dev.coarse.info;

import dev.coarse.stats.Gamma;
import java.util.Arrays;

/**
 * The Nemenman–Shafee–Bialek entropy estimator (NSB; Nemenman, Shafee &amp; Bialek, NIPS 2002; Nemenman,
 * Bialek &amp; de Ruyter van Steveninck, PRE 69, 056111 (2004)) for alphabets that are large compared with
 * the sample.
 *
 * <p>The distribution is given a symmetric Dirichlet prior of concentration β on K symbols, and β a prior
 * that makes the prior entropy ξ(β) = ψ(Kβ+1) − ψ(β+1) uniform: p(β) ∝ dξ/dβ = K ψ′(Kβ+1) − ψ′(β+1).
 * The estimate is the posterior mean
 * Ĥ = ∫ dβ p(β) p(n|β) ⟨H⟩<sub>β</sub> / ∫ dβ p(β) p(n|β), with the evidence
 * p(n|β) = Γ(κ)/Γ(N+κ) Π<sub>i</sub> Γ(n<sub>i</sub>+β)/Γ(β), κ = Kβ, and the posterior mean entropy at
 * fixed β (Wolpert &amp; Wolf 1995)
 * ⟨H⟩<sub>β</sub> = ψ(N+κ+1) − Σ<sub>i</sub> (n<sub>i</sub>+β)/(N+κ) ψ(n<sub>i</sub>+β+1), the sum over all K
 * symbols (the unseen ones contribute (K − K<sub>obs</sub>) β/(N+κ) ψ(β+1)).
 *
 * <p>The integral is done in t = ln β on a grid, with the integrand in log space: a coarse grid over
 * β ∈ [10<sup>−6</sup>/K, 10<sup>5</sup>·max(1, N/K)] locates the posterior peak, then a fine grid spans the region where the
 * log integrand is within {@value #LOG_WINDOW} of its maximum. Terms are grouped by count value, so the cost
 * is proportional to the number of distinct counts, not of symbols.
 *
 * <p>K must be known: the caller passes it ({@link DiscreteInformation} uses the product of the per-column
 * alphabet sizes, each either declared or the number of distinct values seen in that column). If K is not
 * finite or is smaller than the number of observed symbols, the observed number is used, which biases the
 * estimate low when many symbols are unseen.
 */
public final class NsbEntropy implements EntropyEstimator {

    /** Smallest total concentration κ = Kβ on the grid. */
    private static final double KAPPA_MIN = 1e-6;
    /** Largest β relative to max(1, N/K): far into the near-uniform regime. */
    private static final double BETA_MAX = 1e5;
    private static final int COARSE_POINTS = 320;
    private static final int FINE_POINTS = 400;
    private static final double LOG_WINDOW = 40;

    @Override
    public String name() {
        return "nsb";
    }

    @Override
    public double entropy(int[] counts, double alphabetSize) {
        int[] sorted = Arrays.copyOf(counts, counts.length);
        Arrays.sort(sorted);
        // count-of-counts: distinct values and their multiplicities
        int distinct = 0;
        int[] value = new int[sorted.length];
        int[] multiplicity = new int[sorted.length];
        long total = 0;
        int observed = 0;
        for (int i = 0; i < sorted.length; i++) {
            int n = sorted[i];
            if (n <= 0) {
                continue;
            }
            total += n;
            observed++;
            if (distinct > 0 && value[distinct - 1] == n) {
                multiplicity[distinct - 1]++;
            } else {
                value[distinct] = n;
                multiplicity[distinct] = 1;
                distinct++;
            }
        }
        if (total == 0) {
            return 0;
        }
        double k = Double.isFinite(alphabetSize) && alphabetSize >= observed ? alphabetSize : observed;
        if (k <= 1) {
            return 0;
        }
        Posterior post = new Posterior(value, multiplicity, distinct, total, observed, k);
        double[] coarse = new double[COARSE_POINTS];
        // the grid must scale with K: for huge alphabets the posterior sits at β ~ K_obs/K ≪ 1
        double tMin = Math.log(KAPPA_MIN) - Math.log(k);
        double tMax = Math.log(BETA_MAX) + Math.max(0, Math.log(total / k));
        double step = (tMax - tMin) / (COARSE_POINTS - 1);
        int best = 0;
        for (int i = 0; i < COARSE_POINTS; i++) {
            coarse[i] = post.logIntegrand(tMin + i * step);
            if (coarse[i] > coarse[best]) {
                best = i;
            }
        }
        int lo = best;
        while (lo > 0 && coarse[lo] > coarse[best] - LOG_WINDOW) {
            lo--;
        }
        int hi = best;
        while (hi < COARSE_POINTS - 1 && coarse[hi] > coarse[best] - LOG_WINDOW) {
            hi++;
        }
        double tLo = tMin + lo * step;
        double tHi = tMin + hi * step;
        double fineStep = (tHi - tLo) / (FINE_POINTS - 1);
        double[] logW = new double[FINE_POINTS];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < FINE_POINTS; i++) {
            logW[i] = post.logIntegrand(tLo + i * fineStep);
            max = Math.max(max, logW[i]);
        }
        double norm = 0;
        double mean = 0;
        for (int i = 0; i < FINE_POINTS; i++) {
            double w = Math.exp(logW[i] - max);
            if (w < 1e-300) {
                continue;
            }
            norm += w;
            mean += w * post.meanEntropy(Math.exp(tLo + i * fineStep));
        }
        return mean / norm;
    }

    /** The β-dependent pieces of the NSB posterior for one histogram. */
    private record Posterior(int[] value, int[] multiplicity, int distinct, long total, int observed, double k) {

        /** ln[p(n|β) p(β) β] at β = e<sup>t</sup> (the β from dβ = β dt). */
        double logIntegrand(double t) {
            double beta = Math.exp(t);
            double kappa = k * beta;
            double log = Gamma.lnGamma(kappa) - Gamma.lnGamma(total + kappa);
            double lgBeta = Gamma.lnGamma(beta);
            for (int i = 0; i < distinct; i++) {
                log += multiplicity[i] * (Gamma.lnGamma(value[i] + beta) - lgBeta);
            }
            double prior = k * Gamma.trigamma(kappa + 1) - Gamma.trigamma(beta + 1);
            return log + Math.log(Math.max(prior, Double.MIN_NORMAL)) + t;
        }

        /** ⟨H⟩ under the Dirichlet(β) posterior (Wolpert &amp; Wolf). */
        double meanEntropy(double beta) {
            double kappa = k * beta;
            double denom = total + kappa;
            double h = Gamma.digamma(total + kappa + 1);
            for (int i = 0; i < distinct; i++) {
                h -= multiplicity[i] * (value[i] + beta) / denom * Gamma.digamma(value[i] + beta + 1);
            }
            h -= (k - observed) * beta / denom * Gamma.digamma(beta + 1);
            return h;
        }
    }
}
