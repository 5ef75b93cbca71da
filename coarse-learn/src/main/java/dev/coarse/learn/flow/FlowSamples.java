package dev.coarse.learn.flow;

import dev.coarse.stats.Estimate;
import java.util.Objects;

/**
 * Independent draws x = g(z), z ∼ N(0, I), from a trained flow q, with their log importance weights
 * ln w = −S(x) − ln q(x) and an observable O(x); everything unbiased about the target follows from these.
 *
 * <ul>
 *   <li>The variational bound: ln Z ≥ offset + E<sub>q</sub>[ln w] (Jensen), estimated by the sample mean with
 *       its standard error (the draws are independent).</li>
 *   <li>ln Z by importance sampling, offset + ln mean(w): consistent, and a lower bound in expectation.</li>
 *   <li>The effective sample size (Σw)²/Σw² (Kish), as a fraction of the draws.</li>
 *   <li>⟨O⟩ by self-normalised reweighting Σ w O / Σ w, error by the delta method,
 *       σ² = Σ w²(O − Ō)² / (Σ w)².</li>
 * </ul>
 *
 * @param lnWeights   ln w per draw (ln Z's offset excluded); not copied
 * @param observable  O per draw; not copied
 * @param lnZOffset   the target's {@link FlowTarget#lnZOffset()}
 * @param sites       N, the unit of "per site"
 */
public record FlowSamples(double[] lnWeights, double[] observable, double lnZOffset, int sites) {

    public FlowSamples {
        Objects.requireNonNull(lnWeights, "lnWeights");
        Objects.requireNonNull(observable, "observable");
        if (lnWeights.length < 2 || observable.length != lnWeights.length) {
            throw new IllegalArgumentException("need at least two draws with one observable each, got "
                    + lnWeights.length + " and " + observable.length);
        }
        if (sites < 1) {
            throw new IllegalArgumentException("sites must be >= 1, got " + sites);
        }
    }

    public int size() {
        return lnWeights.length;
    }

    /** The variational lower bound on ln Z / N, with the standard error of the mean. */
    public Estimate boundPerSite() {
        int n = size();
        double mean = 0;
        for (double v : lnWeights) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : lnWeights) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        return Estimate.of((lnZOffset + mean) / sites, Math.sqrt(var / n) / sites);
    }

    /** Weights normalised to a maximum of 1. */
    private double[] scaledWeights() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lnWeights) {
            max = Math.max(max, v);
        }
        double[] w = new double[size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(lnWeights[i] - max);
        }
        return w;
    }

    private double maxLnWeight() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lnWeights) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Kish's effective sample size over the number of draws, in (0, 1]. */
    public double essFraction() {
        double sum = 0;
        double sum2 = 0;
        for (double w : scaledWeights()) {
            sum += w;
            sum2 += w * w;
        }
        return sum * sum / sum2 / size();
    }

    /** ln Z / N by importance sampling, ln mean(w), error by the delta method (sd(w)/mean(w)/√n). */
    public Estimate importanceLnZPerSite() {
        double[] w = scaledWeights();
        int n = w.length;
        double mean = 0;
        for (double v : w) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : w) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        return Estimate.of((lnZOffset + maxLnWeight() + Math.log(mean)) / sites, Math.sqrt(var / n) / mean / sites);
    }

    /** ⟨O⟩ under the target by self-normalised importance weights, delta-method error. */
    public Estimate reweightedObservable() {
        double[] w = scaledWeights();
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            weighted += w[i] * observable[i];
        }
        double mean = weighted / sum;
        double var = 0;
        for (int i = 0; i < w.length; i++) {
            double d = observable[i] - mean;
            var += w[i] * w[i] * d * d;
        }
        return Estimate.of(mean, Math.sqrt(var) / sum);
    }

    /** ⟨O⟩ under the flow itself, unweighted (biased by the gap), with its standard error. */
    public Estimate flowObservable() {
        int n = size();
        double mean = 0;
        for (double v : observable) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : observable) {
            var += (v - mean) * (v - mean);
        }
        return Estimate.of(mean, Math.sqrt(var / (n - 1) / n));
    }
}
