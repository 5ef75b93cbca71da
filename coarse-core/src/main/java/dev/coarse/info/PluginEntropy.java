package dev.coarse.info;

/**
 * The plug-in (maximum-likelihood) entropy −Σ p̂ ln p̂ with p̂ = n<sub>i</sub>/N. Biased low by about
 * (K<sub>obs</sub> − 1)/(2N) (Miller 1955); fine when N ≫ K.
 */
public final class PluginEntropy implements EntropyEstimator {

    @Override
    public String name() {
        return "plugin";
    }

    @Override
    public double entropy(int[] counts, double alphabetSize) {
        return plugin(counts);
    }

    /** −Σ (n/N) ln(n/N) = ln N − (1/N) Σ n ln n. */
    static double plugin(int[] counts) {
        long total = 0;
        double sumNLogN = 0;
        for (int n : counts) {
            if (n > 0) {
                total += n;
                sumNLogN += n * Math.log(n);
            }
        }
        return total == 0 ? 0 : Math.log(total) - sumNLogN / total;
    }

    static int observedSymbols(int[] counts) {
        int k = 0;
        for (int n : counts) {
            if (n > 0) {
                k++;
            }
        }
        return k;
    }
}
