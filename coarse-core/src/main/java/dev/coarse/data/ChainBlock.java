package dev.coarse.data;

/**
 * The stored output of consecutive chains of a sampling run (one chain, or one 64-replica multispin group),
 * as kept by a {@link ChainCheckpoint}.
 *
 * @param firstChain           index of the first chain of the block in its run
 * @param configurations       chain-major within the block: {@code configurations[i * samples + k]} is the
 *                             k-th kept configuration of chain {@code firstChain + i}
 * @param energyPerSite        {@code [i][k]}: H/N of that configuration
 * @param magnetizationPerSite {@code [i][k]}: its magnetisation (or Potts order parameter) per site
 * @param finalState           the state of the block's chains when they finished, as their runner wrote it, for a
 *                             runner whose output depends on more than the samples (a field chain's tuned step and
 *                             acceptance counts: {@code FieldChainRunner}); empty if it keeps none (spin runs), and
 *                             not stored for the samples of a {@link ChainProgress}, which has its own state
 * @throws IllegalArgumentException if the three arrays do not describe the same chains and samples
 */
public record ChainBlock(int firstChain, byte[][] configurations, double[][] energyPerSite,
                         double[][] magnetizationPerSite, byte[] finalState) {

    /** A block without a final state (spin runs, and the samples of a {@link ChainProgress}). */
    public ChainBlock(int firstChain, byte[][] configurations, double[][] energyPerSite,
                      double[][] magnetizationPerSite) {
        this(firstChain, configurations, energyPerSite, magnetizationPerSite, new byte[0]);
    }

    public ChainBlock {
        java.util.Objects.requireNonNull(finalState, "finalState");
        if (firstChain < 0) {
            throw new IllegalArgumentException("firstChain must be >= 0, got " + firstChain);
        }
        int chains = energyPerSite.length;
        if (chains < 1 || magnetizationPerSite.length != chains) {
            throw new IllegalArgumentException("a chain block needs the same number (>= 1) of energy and"
                    + " magnetisation series, got " + chains + " and " + magnetizationPerSite.length);
        }
        int samples = energyPerSite[0].length;
        for (int i = 0; i < chains; i++) {
            if (energyPerSite[i].length != samples || magnetizationPerSite[i].length != samples) {
                throw new IllegalArgumentException("chain " + i + " of the block has series of lengths "
                        + energyPerSite[i].length + " and " + magnetizationPerSite[i].length + ", expected " + samples);
            }
        }
        if (configurations.length != chains * samples) {
            throw new IllegalArgumentException("a block of " + chains + " chains × " + samples + " samples needs "
                    + chains * samples + " configurations, got " + configurations.length);
        }
    }

    /** Number of chains in the block. */
    public int chains() {
        return energyPerSite.length;
    }

    /** Kept configurations per chain. */
    public int samplesPerChain() {
        return energyPerSite[0].length;
    }

    /** Bytes per configuration, one per site for spins (0 if no configuration is kept). */
    public int sites() {
        return configurations.length == 0 ? 0 : configurations[0].length;
    }
}
