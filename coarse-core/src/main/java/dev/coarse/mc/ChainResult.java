package dev.coarse.mc;

/**
 * The output of {@link ChainRunner#run}: the kept configurations and the per-sample energy and
 * magnetisation series of every chain.
 *
 * @param spec                 the run that produced it (its seed reproduces the result exactly)
 * @param configurations       chain-major: {@code configurations[chain * samplesPerChain + k]} is the k-th
 *                             kept configuration of {@code chain}; each a fresh array of N sites
 * @param energyPerSite        {@code [chain][sample]}: H/N of each kept configuration
 * @param magnetizationPerSite {@code [chain][sample]}: for Ising the signed m = Σs/N; for Potts the order
 *                             parameter (q·max<sub>a</sub> n<sub>a</sub>/N − 1)/(q − 1) ∈ [0, 1]
 *                             ({@link Observables#pottsOrderParameter})
 * @param elapsedNanos         wall-clock time of the run
 */
public record ChainResult(RunSpec spec, byte[][] configurations, double[][] energyPerSite,
                          double[][] magnetizationPerSite, long elapsedNanos) {

    /** Number of chains. */
    public int chains() {
        return energyPerSite.length;
    }

    /** Kept configurations per chain. */
    public int samplesPerChain() {
        return spec.samplesPerChain();
    }

    /** The k-th kept configuration of a chain (shared, not a copy). */
    public byte[] configuration(int chain, int sample) {
        return configurations[chain * samplesPerChain() + sample];
    }
}
