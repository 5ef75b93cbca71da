package dev.coarse.tensor;

import java.util.Arrays;

/**
 * A real rank-4 tensor T(l, u, r, d) of a square-lattice network: the legs are left, up, right and down, in that
 * order, and the values are stored in C order over one {@code double[]} (the last index varies fastest). The
 * tensor of a site connects its right leg to the left leg of its right neighbour and its up leg to the down leg of
 * the neighbour above.
 *
 * <p>Immutable: the constructor copies nothing, so the array given to it must not be changed afterwards; every
 * operation returns a new tensor.
 */
public final class Tensor4 {

    private final int left;
    private final int up;
    private final int right;
    private final int down;
    private final double[] values;

    /**
     * @param values C-order values of shape (left, up, right, down); owned by the tensor from now on
     * @throws IllegalArgumentException for a dimension below 1, a length that does not match, or a non-finite value
     */
    public Tensor4(int left, int up, int right, int down, double[] values) {
        if (left < 1 || up < 1 || right < 1 || down < 1) {
            throw new IllegalArgumentException("tensor dimensions must be at least 1, got (" + left + ", " + up
                    + ", " + right + ", " + down + ")");
        }
        if (values == null || values.length != (long) left * up * right * down) {
            throw new IllegalArgumentException("a (" + left + ", " + up + ", " + right + ", " + down
                    + ") tensor needs " + (long) left * up * right * down + " values, got "
                    + (values == null ? "none" : values.length));
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("tensor values must be finite, got " + v);
            }
        }
        this.left = left;
        this.up = up;
        this.right = right;
        this.down = down;
        this.values = values;
    }

    public int left() {
        return left;
    }

    public int up() {
        return up;
    }

    public int right() {
        return right;
    }

    public int down() {
        return down;
    }

    /** The dimensions (left, up, right, down). */
    public int[] shape() {
        return new int[] {left, up, right, down};
    }

    public double get(int l, int u, int r, int d) {
        return values[((l * up + u) * right + r) * down + d];
    }

    /** A copy of the values in C order. */
    public double[] values() {
        return values.clone();
    }

    /** The values without a copy, for this package's contractions, which never write them. */
    double[] data() {
        return values;
    }

    /** The largest absolute value. */
    public double maxAbs() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** This tensor divided by {@code factor}. */
    public Tensor4 divide(double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] / factor;
        }
        return new Tensor4(left, up, right, down, out);
    }

    /**
     * The same tensor seen from a lattice turned by 90° clockwise: the old up leg becomes the right leg, so
     * T'(l, u, r, d) = T(u, r, d, l). A network of turned tensors on the turned lattice is the same network.
     */
    public Tensor4 rotated() {
        double[] out = new double[values.length];
        // new shape (down, left, up, right)
        int i = 0;
        for (int a = 0; a < down; a++) {
            for (int b = 0; b < left; b++) {
                for (int c = 0; c < up; c++) {
                    for (int e = 0; e < right; e++) {
                        out[i++] = get(b, c, e, a);
                    }
                }
            }
        }
        return new Tensor4(down, left, up, right, out);
    }

    /**
     * The partition function of the 1×1 torus: Σ<sub>a,b</sub> T(a, b, a, b) h<sub>a</sub> v<sub>b</sub>, with
     * bond weights h on the horizontal bond and v on the vertical one (null for none).
     *
     * @throws IllegalArgumentException if left ≠ right or up ≠ down
     */
    public double torusTrace(double[] horizontal, double[] vertical) {
        if (left != right || up != down) {
            throw new IllegalArgumentException("a trace needs left = right and up = down, got " + shapeText());
        }
        double sum = 0;
        for (int a = 0; a < left; a++) {
            for (int b = 0; b < up; b++) {
                sum += get(a, b, a, b) * (horizontal == null ? 1 : horizontal[a]) * (vertical == null ? 1 : vertical[b]);
            }
        }
        return sum;
    }

    /** "(l, u, r, d)". */
    public String shapeText() {
        return "(" + left + ", " + up + ", " + right + ", " + down + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor4 t && t.left == left && t.up == up && t.right == right && t.down == down
                && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor4" + shapeText();
    }
}
