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
    /**
     * The number of parameter arrays of the flow: per level, two blocks (decimator, disentangler) of
     * {@code couplingsPerBlock} couplings, each with a weight matrix and a bias per layer (hidden layers + output) and
     * one scale vector. A long, so that a damaged model file's sizes cannot overflow it.
     */
    public long parameterArrays() {
        return (long) depth() * 2 * couplingsPerBlock * (2L * (hiddenLayers + 1L) + 1);
    }

    /**
     * The size of each parameter array, in {@link HierarchicalFlow#parameters()} order (the model file's): per level,
     * block and coupling, the layers' weights (in × out) and biases (out) from half a plaquette's variables through
     * the hidden layers to a whole plaquette's, then the scale (half a plaquette). Known without building the network,
     * so that a model file is checked before anything is allocated.
     *
     * @throws IllegalArgumentException if there are more arrays than a Java array can index
     */
    public long[] parameterSizes() {
        long arrays = parameterArrays();
        if (arrays > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a flow of " + arrays + " parameter arrays is too large");
        }
        long[] sizes = new long[(int) arrays];
        int half = plaquetteVariables() / 2;
        int k = 0;
        for (int block = 0; block < 2 * depth() * couplingsPerBlock; block++) {
            long in = half;
            for (int layer = 0; layer <= hiddenLayers; layer++) {
                long out = layer == hiddenLayers ? plaquetteVariables() : hiddenWidth;
                sizes[k++] = in * out;
                sizes[k++] = out;
                in = out;
            }
            sizes[k++] = half;
        }
        return sizes;
    }
}
