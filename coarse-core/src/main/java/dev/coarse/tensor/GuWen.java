package dev.coarse.tensor;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Conformal data from a fixed-point tensor (Gu &amp; Wen, PRB 80, 155131 (2009)). The row-to-row transfer matrix of a
 * cylinder of circumference w tensors has eigenvalues λ<sub>i</sub> = e<sup>wφ</sup> exp(−(2π/w)(x<sub>i</sub> −
 * c/12)), φ the bulk ln Z per tensor (SCIENCE.md §6). From the width-2 matrix, x<sub>i</sub> = (1/π) ln(|λ₀|/|λ<sub>i</sub>|);
 * from the leading eigenvalues of widths 1 and 2, 2 ln λ₀(1) − ln λ₀(2) = πc/4 — the bulk term cancels, so the
 * tensor's normalisation does not matter. Eigenvalues are taken by modulus (momentum makes some negative or complex
 * on the width-2 cylinder); those below {@link #RELATIVE_FLOOR} of the largest are not logged (rounding noise).
 */
public final class GuWen {

    /** The scaling dimensions reported: at most this many after x₀ = 0. */
    public static final int DIMENSIONS = 10;

    /** |λ<sub>i</sub>/λ₀| at or below this is noise, not a scaling dimension (x would exceed about 10). */
    public static final double RELATIVE_FLOOR = 1e-13;

    private GuWen() {
    }

    /**
     * The central charge and the lowest scaling dimensions of a tensor (with any bond weights already absorbed into
     * its legs).
     *
     * @return c (NaN when a leading eigenvalue is not positive) and up to {@link #DIMENSIONS} x's in ascending order
     */
    public static ConformalData of(Tensor4 t) {
        if (t.left() != t.right() || t.up() != t.down()) {
            throw new IllegalArgumentException("a transfer matrix needs left = right and up = down, got "
                    + t.shapeText());
        }
        int dh = t.left();
        int dv = t.up();
        double[] data = t.data();
        // width 1: M1[u, d] = Σ_l T(l, u, l, d)
        DMatrixRMaj m1 = new DMatrixRMaj(dv, dv);
        for (int l = 0; l < dh; l++) {
            for (int u = 0; u < dv; u++) {
                for (int d = 0; d < dv; d++) {
                    m1.add(u, d, t.get(l, u, l, d));
                }
            }
        }
        DMatrixRMaj m2 = widthTwo(t);
        double[] one = moduli(m1);
        double[] two = moduli(m2);
        double c = one[0] > 0 && two[0] > 0 ? 4 / Math.PI * (2 * Math.log(one[0]) - Math.log(two[0])) : Double.NaN;
        int n = 0;
        double[] x = new double[Math.min(DIMENSIONS, two.length - 1)];
        while (n < x.length && two[n + 1] > RELATIVE_FLOOR * two[0]) {
            x[n] = Math.log(two[0] / two[n + 1]) / Math.PI;
            n++;
        }
        return new ConformalData(c, Arrays.copyOf(x, n), Math.log(one[0]), Math.log(two[0]));
    }

    /**
     * The transfer matrix of a ring of two tensors, M2[(u1, u2), (d1, d2)] = Σ<sub>a,b</sub> T(a, u1, b, d1)
     * T(b, u2, a, d2), mapping the down legs of a row to its up legs (cost D⁶).
     */
    static DMatrixRMaj widthTwo(Tensor4 t) {
        int dh = t.left();
        int dv = t.up();
        double[] data = t.data();
        double[] first = Axes.permute(data, t.shape(), 1, 3, 0, 2);   // rows (u1, d1), columns (a, b)
        double[] second = Axes.permute(data, t.shape(), 2, 0, 1, 3);  // rows (a, b) = (r, l), columns (u2, d2)
        DMatrixRMaj product = new DMatrixRMaj(dv * dv, dv * dv);
        CommonOps_DDRM.mult(new DMatrixRMaj(dv * dv, dh * dh, true, first),
                new DMatrixRMaj(dh * dh, dv * dv, true, second), product);
        return new DMatrixRMaj(dv * dv, dv * dv, true,
                Axes.permute(product.data, new int[] {dv, dv, dv, dv}, 0, 2, 1, 3));
    }

    /** Matrices up to this size get EJML's full eigenvalue solver; larger ones subspace iteration. */
    static final int FULL_EIGEN_LIMIT = 128;

    /** The subspace of the iteration: enough for {@link #DIMENSIONS} + 1 eigenvalues with a margin. */
    static final int SUBSPACE = 40;

    /** Subspace iterations: the error of λ<sub>i</sub> shrinks like |λ<sub>SUBSPACE</sub>/λ<sub>i</sub>|^ITERATIONS. */
    static final int ITERATIONS = 8;

    /**
     * Eigenvalue moduli of a general matrix, descending: EJML's eigenvalues for a small matrix; for a large one the
     * leading ones by subspace iteration (Saad, <i>Numerical Methods for Large Eigenvalue Problems</i>, §5.2):
     * Q ← orth(M Q) from a fixed-seed Gaussian start, then the eigenvalues of the small Q<sup>T</sup>MQ — EJML's QR,
     * products and eigensolver. The width-2 transfer matrix is χ²×χ², too large for a full solve at every step.
     */
    private static double[] moduli(DMatrixRMaj m) {
        int n = m.numRows;
        if (n > FULL_EIGEN_LIMIT) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(0x6A3E5L);
            DMatrixRMaj q = new DMatrixRMaj(n, SUBSPACE);
            for (int i = 0; i < q.data.length; i++) {
                q.data[i] = random.nextGaussian();
            }
            q = TruncatedSvd.orthonormal(q);
            DMatrixRMaj mq = new DMatrixRMaj(n, SUBSPACE);
            for (int it = 0; it < ITERATIONS; it++) {
                CommonOps_DDRM.mult(m, q, mq);
                q = TruncatedSvd.orthonormal(mq);
            }
            CommonOps_DDRM.mult(m, q, mq);
            DMatrixRMaj h = new DMatrixRMaj(SUBSPACE, SUBSPACE);
            CommonOps_DDRM.mult(CommonOps_DDRM.transpose(q, null), mq, h);
            m = h;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, false);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigenvalues of a " + m.numRows + "×" + m.numRows
                    + " transfer matrix failed");
        }
        double[] out = new double[m.numRows];
        // (for the subspace, only its leading eigenvalues are converged; callers use at most DIMENSIONS + 1)
        for (int i = 0; i < out.length; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            out[i] = Double.isFinite(z.getMagnitude()) ? z.getMagnitude() : 0;
        }
        Arrays.sort(out);
        for (int i = 0; i < out.length / 2; i++) {
            double tmp = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = tmp;
        }
        return out;
    }
}
