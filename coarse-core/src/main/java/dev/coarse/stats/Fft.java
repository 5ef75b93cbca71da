package dev.coarse.stats;

/**
 * In-place iterative radix-2 Cooley–Tukey FFT of complex data held in two arrays:
 * X<sub>k</sub> = Σ<sub>j</sub> x<sub>j</sub> e<sup>∓2πi jk/n</sup> (forward −, inverse + with a 1/n factor).
 */
public final class Fft {

    private Fft() {
    }

    /**
     * Transforms (re, im) in place. Modified: {@code re}, {@code im}.
     *
     * @param inverse the inverse transform, including the 1/n normalisation
     * @throws IllegalArgumentException unless the length is a power of two and both arrays have it
     */
    public static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (im.length != n) {
            throw new IllegalArgumentException("real and imaginary parts differ in length: " + n + " vs " + im.length);
        }
        if (n == 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            double angle = sign * 2 * Math.PI / len;
            int half = len >> 1;
            for (int k = 0; k < half; k++) {
                // twiddle computed directly (not by recurrence) to keep the error at O(ε log n)
                double wr = Math.cos(angle * k);
                double wi = Math.sin(angle * k);
                for (int start = 0; start < n; start += len) {
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
