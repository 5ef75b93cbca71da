package dev.coarse.info;

/**
 * The Miller–Madow entropy: plug-in plus (K<sub>obs</sub> − 1)/(2N), K<sub>obs</sub> the number of observed
 * symbols. Removes the leading 1/N bias of the plug-in estimate; still biased low when many symbols have
 * not been seen.
 */
public final class MillerMadowEntropy implements EntropyEstimator {

    @Override
    public String name() {
        return "miller-madow";
    }

    @Override
    public double entropy(int[] counts, double alphabetSize) {
        long total = 0;
        for (int n : counts) {
            total += n;
        }
        if (total == 0) {
            return 0;
        }
        return PluginEntropy.plugin(counts) + (PluginEntropy.observedSymbols(counts) - 1) / (2.0 * total);
    }
}
