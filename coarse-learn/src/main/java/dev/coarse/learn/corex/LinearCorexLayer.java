package dev.coarse.learn.corex;

import dev.coarse.stats.Estimate;
import java.util.Objects;

/**
 * One fitted linear Gaussian CorEx layer: factors Z<sub>j</sub> = w<sub>j</sub>·x̃ + ε<sub>j</sub> on the
 * standardised inputs x̃<sub>i</sub> = (x<sub>i</sub> − mean<sub>i</sub>)/scale<sub>i</sub>, with unit Gaussian noise
 * ε, ordered by the total correlation they explain (largest first).
 *
 * @param weights           w[j][i], m rows of p weights on the standardised inputs
 * @param mean              mean of each input (of its present values)
 * @param scale             standard deviation of each input
 * @param tc                the objective Σ<sub>i</sub> I(X<sub>i</sub>:Z) − Σ<sub>j</sub> I(Z<sub>j</sub>:X), nats, with its
 *                          delete-a-block jackknife error (weights held fixed): a lower bound on TC(X) for Gaussian
 *                          data, equal to it when the factors make the inputs conditionally independent
 * @param unexplained       TC(X) − {@code tc} = TC(X|Z) + TC(Z), the dependence the factors leave, nats, with its
 *                          jackknife error; TC(X) = −½ ln det C is the plug-in value of the sample correlations
 *                          (biased up by about p(p − 1)/(4n)); NaN when C is not positive definite
 * @param factorTc          the part attributed to factor j: Σ<sub>i in its group</sub> I(X<sub>i</sub>:Z<sub>j</sub>)
 *                          − I(Z<sub>j</sub>:X), nats (the parts sum to {@code tc} when each input depends on one
 *                          factor only)
 * @param clusters          the factor of each input: argmax<sub>j</sub> I(X<sub>i</sub>:Z<sub>j</sub>)
 * @param mutualInformation I(X<sub>i</sub>:Z<sub>j</sub>) [j][i], nats
 * @param steps             Adam steps taken
 * @param converged         whether the tolerance was met before the step limit
 */
public record LinearCorexLayer(double[][] weights, double[] mean, double[] scale, Estimate tc, Estimate unexplained,
                               double[] factorTc,
                               int[] clusters, double[][] mutualInformation, int steps, boolean converged) {

    public LinearCorexLayer {
        Objects.requireNonNull(tc, "tc");
        Objects.requireNonNull(unexplained, "unexplained");
        int m = weights.length;
        int p = mean.length;
        if (m < 1 || scale.length != p || factorTc.length != m || clusters.length != p
                || mutualInformation.length != m) {
            throw new IllegalArgumentException("shapes disagree: " + m + " factors, " + p + " inputs");
        }
        for (double[] row : weights) {
            if (row.length != p) {
                throw new IllegalArgumentException("a weight row has " + row.length + " entries for " + p + " inputs");
            }
        }
    }

    /** Number of factors m. */
    public int factors() {
        return weights.length;
    }

    /** Number of inputs p. */
    public int inputs() {
        return mean.length;
    }

    /**
     * The factors' means E[Z | x] = W x̃ for one sample (p values; NaN, a missing value, contributes nothing — it is
     * replaced by its mean).
     */
    public double[] transform(double[] sample) {
        if (sample.length != inputs()) {
            throw new IllegalArgumentException("a sample of " + sample.length + " values for " + inputs() + " inputs");
        }
        double[] z = new double[factors()];
        for (int j = 0; j < z.length; j++) {
            double sum = 0;
            for (int i = 0; i < sample.length; i++) {
                if (!Double.isNaN(sample[i])) {
                    sum += weights[j][i] * (sample[i] - mean[i]) / scale[i];
                }
            }
            z[j] = sum;
        }
        return z;
    }

    /** {@link #transform(double[])} of every sample of {@code columns} (columns[i][r]): rows × factors. */
    public double[][] transformColumns(double[][] columns) {
        int n = columns[0].length;
        double[][] out = new double[n][];
        double[] sample = new double[columns.length];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = columns[i][r];
            }
            out[r] = transform(sample);
        }
        return out;
    }
}
