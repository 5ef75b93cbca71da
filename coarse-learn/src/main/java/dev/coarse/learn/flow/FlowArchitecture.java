package dev.coarse.learn.flow;

/**
 * The shape of a {@link HierarchicalFlow}: an L×L periodic field of {@code channels} real components per site
 * (1 for Ising's Hubbard–Stratonovich field and real φ⁴, 2 for complex φ⁴, 3 for RGB images), L = 2<sup>k</sup>, k = depth levels;
 * each level has a decimator and a disentangler block of {@code couplingsPerBlock} RealNVP affine couplings, each
 * coupling an MLP with {@code hiddenLayers} tanh layers of {@code hiddenWidth} units.
 *
 * @param linearSize        L, a power of two ≥ 2
 * @param channels          real components per site, ≥ 1
 * @param couplingsPerBlock affine couplings per plaquette block, ≥ 1
 * @param hiddenLayers      tanh hidden layers per coupling network, ≥ 1
 * @param hiddenWidth       units per hidden layer, ≥ 1
 */
public record FlowArchitecture(int linearSize, int channels, int couplingsPerBlock, int hiddenLayers,
                               int hiddenWidth) {

    public FlowArchitecture {
        if (linearSize < 2 || Integer.bitCount(linearSize) != 1) {
            throw new IllegalArgumentException("the hierarchical flow needs L = 2^k >= 2 (each level halves the "
                    + "lattice), got L = " + linearSize);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1 (1 real field, 2 complex field, 3 RGB), got "
                    + channels);
        }
        if (couplingsPerBlock < 1 || hiddenLayers < 1 || hiddenWidth < 1) {
            throw new IllegalArgumentException("couplings per block, hidden layers and hidden width must be >= 1, "
                    + "got " + couplingsPerBlock + ", " + hiddenLayers + ", " + hiddenWidth);
        }
    }

    /** The number of levels, log₂ L. */
    public int depth() {
        return Integer.numberOfTrailingZeros(linearSize);
    }

    /** Real variables per 2×2 plaquette: 4 × channels. */
    public int plaquetteVariables() {
        return 4 * channels;
    }

    /** Real variables of the whole field: L² × channels. */
    public int variables() {
        return linearSize * linearSize * channels;
    }
}
