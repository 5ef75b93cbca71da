package dev.coarse.info;

/** Named tolerances for the info tests (and, through coarse-core's test-jar, for estimators in other modules). */
public final class Tolerances {

    /** Floating-point agreement of two computations of the same exact number. */
    public static final double EXACT = 1e-10;
    /**
     * Statistical agreement in units of the estimated error: a Gaussian estimate is outside 4σ with probability
     * 6e-5, so a test with a handful of such checks fails falsely about once in 10⁴ runs (seeds are fixed, so
     * in practice it either always passes or always fails).
     */
    public static final double STAT_SIGMAS = 4.0;

    private Tolerances() {
    }
}
