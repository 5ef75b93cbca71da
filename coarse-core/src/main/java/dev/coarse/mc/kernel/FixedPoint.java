package dev.coarse.mc.kernel;

/**
 * Probabilities as 64-bit fixed-point fractions, the thresholds of the kernels' bit-serial comparisons: a uniform
 * fraction u, drawn one bit per random word, is below p exactly when it is below floor(p·2<sup>64</sup>)/2<sup>64</sup>
 * in its first 64 bits, so a kernel compares with the 64 bits of that number and never with a double.
 */
public final class FixedPoint {

    private FixedPoint() {
    }

    /**
     * floor(p · 2<sup>64</sup>) as an unsigned 64-bit fraction, for 0 ≤ p &lt; 1 (p ≥ 1 saturates to
     * 2<sup>64</sup> − 1, which differs from certainty by 2<sup>−64</sup>).
     *
     * @throws IllegalArgumentException if p is negative or NaN
     */
    public static long fraction(double p) {
        if (!(p >= 0)) {
            throw new IllegalArgumentException("probability must be >= 0, got " + p);
        }
        if (p >= 1) {
            return -1L;
        }
        double scaled = p * 0x1p64;
        if (scaled >= 0x1p63) {
            return ((long) (scaled - 0x1p63)) | Long.MIN_VALUE;
        }
        return (long) scaled;
    }
}
