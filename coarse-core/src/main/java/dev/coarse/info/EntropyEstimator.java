package dev.coarse.info;

/**
 * An estimator of the Shannon entropy (nats) of a discrete distribution from a histogram of observed symbol
 * counts. Mutual information, conditional MI and total correlation are built from entropies by
 * {@link DiscreteInformation}, so every estimator gives every measure.
 */
public interface EntropyEstimator {

    /** The CLI name: "plugin", "miller-madow" or "nsb". */
    String name();

    /**
     * The entropy estimate in nats.
     *
     * @param counts       number of samples of each symbol; zero entries are ignored. Not modified.
     * @param alphabetSize K, the number of possible symbols (≥ the number observed); only estimators that
     *                     need it (NSB) use it, the others ignore it
     */
    double entropy(int[] counts, double alphabetSize);

    /** The estimator with the given CLI name. */
    static EntropyEstimator named(String name) {
        return switch (name) {
            case "plugin" -> new PluginEntropy();
            case "miller-madow" -> new MillerMadowEntropy();
            case "nsb" -> new NsbEntropy();
            default -> throw new IllegalArgumentException("unknown entropy estimator '" + name
                    + "' (expected plugin, miller-madow or nsb)");
        };
    }
}
