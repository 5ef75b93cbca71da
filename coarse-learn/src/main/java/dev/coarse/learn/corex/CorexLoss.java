package dev.coarse.learn.corex;

import dev.coarse.stats.Estimate;

/**
 * What a CorEx layer loses: Σ<sub>i</sub> H(X<sub>i</sub> | Y<sub>c(i)</sub>), the entropy of each input left once the
 * label of its factor is known (plug-in, from the counts of the data and the layer's hard labels), in nats. It bounds
 * H(X | Y) from above, the information a reduction to the labels throws away (Apenko's loss of an RG step).
 */
public final class CorexLoss {

    private CorexLoss() {
    }

    /**
     * The loss of {@code layer} on the data it was fitted to: the sample mean of −Σ<sub>i</sub> ln p̂(x<sub>i</sub> |
     * y<sub>c(i)</sub>) with its standard error over samples; missing inputs are left out of their sample's sum.
     */
    public static Estimate inputsGivenFactors(SymbolMatrix x, CorexLayer layer) {
        int n = x.rows();
        int p = x.columns();
        int s = x.maxAlphabet();
        SymbolMatrix y = layer.labels();
        int k = y.maxAlphabet();
        int[] cluster = layer.clusters();
        double[] counts = new double[p * s * k];
        double[] given = new double[p * k];
        for (int l = 0; l < n; l++) {
            for (int i = 0; i < p; i++) {
                int v = x.value(l, i);
                if (v >= 0) {
                    int c = y.value(l, cluster[i]);
                    counts[(i * s + v) * k + c]++;
                    given[i * k + c]++;
                }
            }
        }
        double sum = 0;
        double squares = 0;
        for (int l = 0; l < n; l++) {
            double surprise = 0;
            for (int i = 0; i < p; i++) {
                int v = x.value(l, i);
                if (v >= 0) {
                    int c = y.value(l, cluster[i]);
                    surprise -= Math.log(counts[(i * s + v) * k + c] / given[i * k + c]);
                }
            }
            sum += surprise;
            squares += surprise * surprise;
        }
        double mean = sum / n;
        double variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : Double.NaN;
        return Estimate.of(mean, Math.sqrt(variance / n));
    }
}
