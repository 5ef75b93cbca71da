package dev.coarse.tensor;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The best rank-k approximation M ≈ U diag(s) V<sup>T</sup> of a matrix, with k ≤ χ, and what was cut. Singular
 * values below {@link #RELATIVE_CUTOFF} of the largest are dropped even when χ allows them (they are rounding noise,
 * and BTRG raises them to a negative power).
 *
 * <p>Small matrices get EJML's full SVD. For a matrix much larger than χ (TRG's χ²×χ² splits) the SVD is
 * randomized (Halko, Martinsson &amp; Tropp, SIAM Rev. 53, 217 (2011), Algorithms 4.4 and 5.1), built of EJML's QR,
 * SVD and products: the range of M is found from M Ω, Ω a fixed-seed Gaussian n×(χ+p) matrix with p =
 * {@link #oversampling} extra columns, refined by {@link #POWER_ITERATIONS} power iteration (MM<sup>T</sup>)<sup>q</sup>,
 * and the small matrix Q<sup>T</sup>M is decomposed exactly. Its error beyond the optimal truncation shrinks like
 * (s<sub>χ+p</sub>/s<sub>χ</sub>)<sup>2q+1</sup>; a matrix whose rank is at most χ + p is decomposed exactly. The
 * truncation error uses ‖M‖<sub>F</sub>², so it is exact either way; the spectrum then holds the χ + p values found.
 *
 * @param u        rows × k, orthonormal columns
 * @param s        the k kept singular values, descending
 * @param vt       k × columns, orthonormal rows
 * @param error    the truncation error Σ<sub>i≥k</sub> s<sub>i</sub>² / Σ<sub>i</sub> s<sub>i</sub>² (0 when nothing is cut)
 * @param spectrum the leading singular values divided by the largest (up to 2χ of them, kept and cut)
 */
record TruncatedSvd(DMatrixRMaj u, double[] s, DMatrixRMaj vt, double error, double[] spectrum) {

    /** Singular values at or below this fraction of the largest are never kept. */
    static final double RELATIVE_CUTOFF = 1e-14;

    /** Power iterations of the randomized range finder. */
    static final int POWER_ITERATIONS = 1;

    /** The seed of the Gaussian test matrix: results are deterministic. */
    private static final long SEED = 0x7E45011L;

    /** Extra columns of the randomized range finder: χ (the spectrum is then known to 2χ, as reported). */
    static int oversampling(int chi) {
        return chi;
    }

    static TruncatedSvd of(DMatrixRMaj m, int chi) {
        int n = Math.min(m.numRows, m.numCols);
        int width = chi + oversampling(chi);
        return 2 * width < n ? randomized(m, chi, width) : full(m, chi);
    }

    /** EJML's SVD of the whole matrix. */
    static TruncatedSvd full(DMatrixRMaj m, int chi) {
        int rows = m.numRows;
        int cols = m.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(svd.inputModified() ? m.copy() : m)) {
            throw new IllegalStateException("SVD failed on a " + rows + "×" + cols + " matrix");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
        int k = Math.min(w.numRows, w.numCols);
        double[] all = new double[k];
        for (int i = 0; i < k; i++) {
            all[i] = w.get(i, i);
        }
        return truncate(u, all, vt, chi, frobeniusSquared(m));
    }

    /** The randomized SVD of the class comment. */
    static TruncatedSvd randomized(DMatrixRMaj m, int chi, int width) {
        int rows = m.numRows;
        int cols = m.numCols;
        SplittableRandom random = new SplittableRandom(SEED);
        DMatrixRMaj omega = new DMatrixRMaj(cols, width);
        for (int i = 0; i < omega.data.length; i++) {
            omega.data[i] = random.nextGaussian();
        }
        DMatrixRMaj mt = CommonOps_DDRM.transpose(m, null);
        DMatrixRMaj y = new DMatrixRMaj(rows, width);
        CommonOps_DDRM.mult(m, omega, y);
        DMatrixRMaj q = orthonormal(y);
        DMatrixRMaj z = new DMatrixRMaj(cols, width);
        for (int i = 0; i < POWER_ITERATIONS; i++) {
            CommonOps_DDRM.mult(mt, q, z);
            DMatrixRMaj qz = orthonormal(z);
            CommonOps_DDRM.mult(m, qz, y);
            q = orthonormal(y);
        }
        // B = Qᵀ M = (Mᵀ Q)ᵀ, small: width × cols
        CommonOps_DDRM.mult(mt, q, z);
        DMatrixRMaj b = CommonOps_DDRM.transpose(z, null);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(b.numRows, b.numCols, true,
                true, true);
        if (!svd.decompose(b)) {
            throw new IllegalStateException("SVD failed on a " + b.numRows + "×" + b.numCols + " matrix");
        }
        DMatrixRMaj ub = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(ub, false, w, vt, true);
        int k = Math.min(w.numRows, w.numCols);
        double[] all = new double[k];
        for (int i = 0; i < k; i++) {
            all[i] = w.get(i, i);
        }
        DMatrixRMaj u = new DMatrixRMaj(rows, ub.numCols);
        CommonOps_DDRM.mult(q, ub, u);
        return truncate(u, all, vt, chi, frobeniusSquared(m));
    }

    /** An orthonormal basis of y's columns (EJML's Householder QR). */
    static DMatrixRMaj orthonormal(DMatrixRMaj y) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(y.numRows, y.numCols);
        if (!qr.decompose(y.copy())) {
            throw new IllegalStateException("QR failed on a " + y.numRows + "×" + y.numCols + " matrix");
        }
        return qr.getQ(null, true);
    }

    private static double frobeniusSquared(DMatrixRMaj m) {
        double sum = 0;
        for (double v : m.data) {
            sum += v * v;
        }
        return sum;
    }

    /** Keeps the leading k ≤ χ values above the cutoff; the error is the rest of ‖M‖²<sub>F</sub>. */
    private static TruncatedSvd truncate(DMatrixRMaj u, double[] all, DMatrixRMaj vt, int chi, double total) {
        int n = all.length;
        int k = 0;
        while (k < Math.min(chi, n) && all[k] > RELATIVE_CUTOFF * all[0]) {
            k++;
        }
        k = Math.max(k, 1);
        double kept = 0;
        for (int i = 0; i < k; i++) {
            kept += all[i] * all[i];
        }
        double[] spectrum = new double[Math.min(n, 2 * chi)];
        for (int i = 0; i < spectrum.length; i++) {
            spectrum[i] = all[0] > 0 ? all[i] / all[0] : 0;
        }
        int rows = u.numRows;
        int cols = vt.numCols;
        DMatrixRMaj uk = new DMatrixRMaj(rows, k);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(u.data, r * u.numCols, uk.data, r * k, k);
        }
        DMatrixRMaj vtk = new DMatrixRMaj(k, cols);
        System.arraycopy(vt.data, 0, vtk.data, 0, k * cols);
        double[] s = new double[k];
        System.arraycopy(all, 0, s, 0, k);
        double error = total > 0 ? Math.max(0, (total - kept) / total) : 0;
        return new TruncatedSvd(uk, s, vtk, error, spectrum);
    }
}
