package dev.coarse.tensor;

/**
 * How to coarse-grain a network.
 *
 * @param scheme    TRG, HOTRG or bond-weighted TRG
 * @param chi       the bond dimension kept, at least 2
 * @param steps     RG steps; each halves the number of tensors (a finite L×L torus takes exactly 2 log₂ L − 2,
 *                  after which its last four tensors, a 2×2 torus, are contracted exactly)
 * @param torusSize L of a finite L×L torus (a power of two, at least 2), or 0 for the infinite lattice
 * @param conformal whether to compute {@link GuWen} data at every step (costs about one step each)
 */
public record TensorRgSettings(Scheme scheme, int chi, int steps, int torusSize, boolean conformal) {

    public static final int MAX_STEPS = 60;

    /** χ⁴ doubles per tensor and a few such arrays per step: χ = 64 needs about 1 GB of heap, 128 sixteen times that. */
    public static final int MAX_CHI = 64;

    public TensorRgSettings {
        if (scheme == null) {
            throw new IllegalArgumentException("a scheme is needed");
        }
        if (chi < 2 || chi > MAX_CHI) {
            throw new IllegalArgumentException("chi must be between 2 and " + MAX_CHI + ", got " + chi);
        }
        if ((torusSize == 0 && steps < 1) || steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        if (torusSize != 0) {
            if (torusSize < 2 || Integer.bitCount(torusSize) != 1) {
                throw new IllegalArgumentException("the torus size L must be a power of two ≥ 2, got " + torusSize);
            }
            if (steps != torusStepsOf(torusSize)) {
                throw new IllegalArgumentException("an L = " + torusSize + " torus takes " + torusStepsOf(torusSize)
                        + " steps, got " + steps);
            }
        }
    }

    /** The infinite lattice. */
    public static TensorRgSettings infinite(Scheme scheme, int chi, int steps, boolean conformal) {
        return new TensorRgSettings(scheme, chi, steps, 0, conformal);
    }

    /** The L×L torus: 2 log₂ L − 2 steps down to a 2×2 torus of four tensors, then contracted exactly. */
    public static TensorRgSettings torus(Scheme scheme, int chi, int size, boolean conformal) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("the torus size L must be a power of two ≥ 2, got " + size);
        }
        return new TensorRgSettings(scheme, chi, torusStepsOf(size), size, conformal);
    }

    /** 2 log₂ L − 2: the steps that leave four tensors on an L×L torus. */
    public static int torusStepsOf(int size) {
        return 2 * Integer.numberOfTrailingZeros(size) - 2;
    }

    public boolean isInfinite() {
        return torusSize == 0;
    }

    /**
     * A lower bound on the heap a run holds at its largest step, for refusing before it starts one that cannot fit:
     * the bond dimension D the run reaches — χ, or less when the steps are too few for the local tensor's bond to
     * grow that far (D squares at most once per step) — and then, of doubles, TRG and BTRG hold the tensor, the two
     * permuted halves of the next one and their product, 4 D⁴; HOTRG the tensor and two successive partial
     * contractions of D⁵ each, D⁴ + 2 D⁵. EJML's SVD workspaces (D² × D² for a full SVD) and the conformal data come
     * on top. A spectrum that falls below {@link TruncatedSvd#RELATIVE_CUTOFF} keeps fewer than χ values and needs
     * less: the estimate assumes the generic case, where χ is reached.
     *
     * @param localBond the largest bond dimension of the local tensor (2 for Ising, q for Potts)
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public long estimatedBytes(int localBond) {
        double bond = Math.max(1, localBond);
        for (int n = 0; n < steps && bond < chi; n++) {
            bond = Math.min(chi, bond * bond);
        }
        bond = Math.min(bond, chi);
        double d4 = Math.pow(bond, 4);
        double doubles = scheme == Scheme.HOTRG ? d4 + 2 * d4 * bond : 4 * d4;
        double bytes = doubles * Double.BYTES;
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
    }
}
