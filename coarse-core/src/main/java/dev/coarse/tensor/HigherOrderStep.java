package dev.coarse.tensor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One HOTRG contraction (Xie, Chen, Qin, Zhu, Yang &amp; Xiang, PRB 86, 045139 (2012)): two tensors stacked
 * vertically become one, M(l₁l₂, u, r₁r₂, d) = Σ<sub>k</sub> T(l₁, k, r₁, d) T(l₂, u, r₂, k), and the doubled
 * horizontal legs are cut back to χ by one isometry U, applied on both sides of every horizontal bond. U holds the
 * leading eigenvectors of the left environment M M<sup>T</sup> over (l₁l₂), or of the right one over (r₁r₂),
 * whichever discards less weight (their Eq. 7–9; E is built from two D²×D² Gram matrices without forming M, and its leading eigenvectors are
 * found as {@link TruncatedSvd} finds singular vectors, eigenvalues at or below 1e−14 of the largest being dropped). The
 * result is then turned by 90° ({@link Tensor4#rotated()}) so that the next contraction runs along the other axis.
 * Cost O(χ⁷).
 */
final class HigherOrderStep {

    record Result(Tensor4 tensor, double error, double[] spectrum) {
    }

    private HigherOrderStep() {
    }

    static Result apply(Tensor4 t, int chi) {
        int dl = t.left();
        int du = t.up();
        int dr = t.right();
        int dd = t.down();
        if (dl != dr || du != dd) {
            throw new IllegalArgumentException("HOTRG needs left = right and up = down, got " + t.shapeText());
        }
        double[] data = t.data();
        int[] shape = t.shape();
        DMatrixRMaj natural = new DMatrixRMaj(dl * du, dr * dd, true, data);
        double[] ldur = Axes.permute(data, shape, 0, 3, 1, 2);
        DMatrixRMaj lowerLeftFirst = new DMatrixRMaj(dl * dd, du * dr, true, ldur);
        DMatrixRMaj left = environment(gram(natural), gram(lowerLeftFirst), dl, du);
        DMatrixRMaj ruld = new DMatrixRMaj(dr * du, dl * dd, true, Axes.permute(data, shape, 2, 1, 0, 3));
        DMatrixRMaj rdlu = new DMatrixRMaj(dr * dd, dl * du, true, Axes.permute(data, shape, 2, 3, 0, 1));
        DMatrixRMaj right = environment(gram(ruld), gram(rdlu), dr, du);
        Isometry fromLeft = Isometry.of(left, chi);
        Isometry fromRight = Isometry.of(right, chi);
        Isometry iso = fromLeft.error() <= fromRight.error() ? fromLeft : fromRight;
        int kk = iso.u().numCols;

        // Z1[(l2, l'), (k, r1, d)] = Σ_l1 U(l1, l2, l') T(l1, k, r1, d)
        DMatrixRMaj uByFirst = new DMatrixRMaj(dl, dl * kk, true, iso.u().data);
        DMatrixRMaj z1 = new DMatrixRMaj(dl * kk, du * dr * dd);
        CommonOps_DDRM.mult(CommonOps_DDRM.transpose(uByFirst, null), new DMatrixRMaj(dl, du * dr * dd, true, data), z1);
        // → rows (l', r1, d), columns (l2, k); times T(l2, u, r2, k) as rows (l2, k), columns (u, r2)
        double[] z1p = Axes.permute(z1.data, new int[] {dl, kk, du, dr, dd}, 1, 3, 4, 0, 2);
        DMatrixRMaj z2 = new DMatrixRMaj(kk * dr * dd, du * dr);
        CommonOps_DDRM.mult(new DMatrixRMaj(kk * dr * dd, dl * du, true, z1p), lowerLeftFirst, z2);
        // Z2(l', r1, d, u, r2) → rows (l', u, d), columns (r1, r2); times U
        double[] z2p = Axes.permute(z2.data, new int[] {kk, dr, dd, du, dr}, 0, 3, 2, 1, 4);
        DMatrixRMaj z3 = new DMatrixRMaj(kk * du * dd, kk);
        CommonOps_DDRM.mult(new DMatrixRMaj(kk * du * dd, dr * dr, true, z2p), iso.u(), z3);
        double[] next = Axes.permute(z3.data, new int[] {kk, du, dd, kk}, 0, 1, 3, 2);
        return new Result(new Tensor4(kk, du, kk, dd, next).rotated(), iso.error(), iso.spectrum());
    }

    /** G = A A<sup>T</sup> (an explicit transpose: EJML's plain product is the fast one). */
    private static DMatrixRMaj gram(DMatrixRMaj a) {
        DMatrixRMaj g = new DMatrixRMaj(a.numRows, a.numRows);
        CommonOps_DDRM.mult(a, CommonOps_DDRM.transpose(a, null), g);
        return g;
    }

    /**
     * E[(x1, x2), (x1', x2')] = Σ<sub>k,k'</sub> A[(x1, k), (x1', k')] B[(x2, k), (x2', k')] for the leg pair x of
     * dimension n and the inner leg k of dimension m.
     */
    private static DMatrixRMaj environment(DMatrixRMaj a, DMatrixRMaj b, int n, int m) {
        int[] dims = {n, m, n, m};
        double[] a2 = Axes.permute(a.data, dims, 0, 2, 1, 3);
        double[] b2 = Axes.permute(b.data, dims, 0, 2, 1, 3);
        DMatrixRMaj e = new DMatrixRMaj(n * n, n * n);
        CommonOps_DDRM.mult(new DMatrixRMaj(n * n, m * m, true, a2),
                CommonOps_DDRM.transpose(new DMatrixRMaj(n * n, m * m, true, b2), null), e);
        // rows (x1, x1'), columns (x2, x2') → rows (x1, x2), columns (x1', x2')
        return new DMatrixRMaj(n * n, n * n, true, Axes.permute(e.data, dims(n), 0, 2, 1, 3));
    }

    private static int[] dims(int n) {
        return new int[] {n, n, n, n};
    }

    /**
     * The leading eigenvectors of a symmetric positive semi-definite environment: its leading singular vectors
     * ({@link TruncatedSvd}, randomized for large environments), whose singular values are its eigenvalues.
     *
     * @param error    discarded eigenvalue weight Σ<sub>cut</sub> λ / Tr E
     * @param spectrum √(λ<sub>i</sub>/λ₀): the singular values of the merged tensor's unfolding
     */
    private record Isometry(DMatrixRMaj u, double error, double[] spectrum) {

        static Isometry of(DMatrixRMaj environment, int chi) {
            double trace = 0;
            for (int i = 0; i < environment.numRows; i++) {
                trace += environment.get(i, i);
            }
            TruncatedSvd svd = TruncatedSvd.of(environment, chi);
            double kept = 0;
            for (double lambda : svd.s()) {
                kept += lambda;
            }
            double[] spectrum = svd.spectrum();
            for (int i = 0; i < spectrum.length; i++) {
                spectrum[i] = Math.sqrt(spectrum[i]);
            }
            return new Isometry(svd.u(), trace > 0 ? Math.max(0, 1 - kept / trace) : 0, spectrum);
        }
    }
}
