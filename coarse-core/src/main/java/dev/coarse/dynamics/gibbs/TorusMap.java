package dev.coarse.dynamics.gibbs;

/**
 * Measure-preserving maps of the unit torus, acting exactly on the grid (x, y) ∈ {0, …, 2<sup>30</sup> − 1}², point
 * (x/2<sup>30</sup>, y/2<sup>30</sup>): each is a bijection of the grid, the discrete form of conserving phase-space
 * volume.
 */
public enum TorusMap {

    /**
     * Arnold's cat map (x, y) → (2x + y, x + y) mod 1: hyperbolic, mixing, Lyapunov exponent and Kolmogorov–Sinai
     * entropy ln((3 + √5)/2) ≈ 0.9624 per step.
     */
    CAT(Math.log((3 + Math.sqrt(5)) / 2)),
    /**
     * The baker's map (x, y) → (2x mod 1, (y + ⌊2x⌋)/2): mixing, KS entropy ln 2. On the grid it is the shift of the
     * 60-bit word (y reversed, x) — the bit leaving x's top enters y's top, the bit leaving y's bottom enters x's
     * bottom — so it is a bijection (of period 60, longer than any run of interest).
     */
    BAKER(Math.log(2)),
    /** The rotation (x, y) → (x + (√5 − 1)/2, y + √2 − 1) mod 1: measure preserving, not mixing, KS entropy 0. */
    ROTATION(0);

    /** Bits per coordinate of the grid. */
    public static final int BITS = 30;
    /** Grid points per side, 2<sup>30</sup>. */
    public static final long SIDE = 1L << BITS;
    private static final long MASK = SIDE - 1;
    private static final long SHIFT_X = Math.round(SIDE * (Math.sqrt(5) - 1) / 2);
    private static final long SHIFT_Y = Math.round(SIDE * (Math.sqrt(2) - 1));

    private final double ksEntropy;

    TorusMap(double ksEntropy) {
        this.ksEntropy = ksEntropy;
    }

    /** Kolmogorov–Sinai entropy per step (nats): the sum of the positive Lyapunov exponents. */
    public double ksEntropy() {
        return ksEntropy;
    }

    /** Applies the map once to every point (writes {@code x} and {@code y}). */
    public void apply(long[] x, long[] y) {
        switch (this) {
            case CAT -> {
                for (int i = 0; i < x.length; i++) {
                    long xi = x[i];
                    long yi = y[i];
                    x[i] = (2 * xi + yi) & MASK;
                    y[i] = (xi + yi) & MASK;
                }
            }
            case BAKER -> {
                for (int i = 0; i < x.length; i++) {
                    long xi = x[i];
                    long yi = y[i];
                    x[i] = ((xi << 1) & MASK) | (yi & 1);
                    y[i] = (yi >>> 1) | ((xi >>> (BITS - 1)) << (BITS - 1));
                }
            }
            case ROTATION -> {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (x[i] + SHIFT_X) & MASK;
                    y[i] = (y[i] + SHIFT_Y) & MASK;
                }
            }
            default -> throw new AssertionError(this);
        }
    }
}
