package dev.coarse.emergence.sandpile;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Exact results for the abelian sandpile on a rows×cols grid with open boundaries (Dhar, Phys. Rev. Lett. 64, 1613,
 * 1990), from the toppling matrix Δ: Δ<sub>ii</sub> = 4, Δ<sub>ij</sub> = −1 for nearest neighbours i, j (the grid
 * Laplacian with the boundary wired to a sink).
 *
 * <ul>
 *   <li>In the stationary state, a grain added at i makes site j topple G<sub>ij</sub> = (Δ⁻¹)<sub>ij</sub> times on
 *       average, so a grain added at a uniformly random site causes ⟨s⟩ = (1/N) Σ<sub>i,j</sub> G<sub>ij</sub>
 *       topplings on average: {@link #meanTopplingsPerGrain} (EJML sparse Cholesky solve of Δx = 1).</li>
 *   <li>The stationary law is uniform on the recurrent configurations, of which there are det Δ:
 *       {@link #determinant} (EJML dense LU, for small grids).</li>
 * </ul>
 *
 * {@link #meanTopplingsSpectral} computes the same mean from Δ's known eigenvectors (products of sines), an
 * independent route used to check the solve.
 */
public final class DharExact {

    private DharExact() {
    }

    /** The toppling matrix Δ of a rows×cols grid, sparse (sites row-major). */
    public static DMatrixSparseCSC topplingMatrix(int rows, int cols) {
        requireGrid(rows, cols);
        int n = rows * cols;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 5 * n);
        for (int x = 0; x < rows; x++) {
            for (int y = 0; y < cols; y++) {
                int i = x * cols + y;
                t.addItem(i, i, Sandpile.THRESHOLD);
                if (x > 0) {
                    t.addItem(i, i - cols, -1);
                }
                if (x < rows - 1) {
                    t.addItem(i, i + cols, -1);
                }
                if (y > 0) {
                    t.addItem(i, i - 1, -1);
                }
                if (y < cols - 1) {
                    t.addItem(i, i + 1, -1);
                }
            }
        }
        return DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
    }

    /** ⟨s⟩ = (1/N) Σ<sub>ij</sub>(Δ⁻¹)<sub>ij</sub>: mean topplings per grain added at a uniformly random site. */
    public static double meanTopplingsPerGrain(int rows, int cols) {
        DMatrixSparseCSC delta = topplingMatrix(rows, cols);
        int n = rows * cols;
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
        if (!solver.setA(delta)) {
            throw new IllegalStateException("Cholesky factorisation of the toppling matrix failed");
        }
        DMatrixRMaj ones = new DMatrixRMaj(n, 1);
        ones.fill(1.0);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        solver.solve(ones, x);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x.get(i, 0);
        }
        return sum / n;
    }

    /**
     * The same mean from the eigen-decomposition of Δ (sine modes, eigenvalues 4 − 2cos(πm/(R+1)) − 2cos(πn/(C+1))):
     * (1/N) Σ<sub>m,n</sub> (Σ<sub>x</sub>u<sub>m</sub>(x))² (Σ<sub>y</sub>v<sub>n</sub>(y))² / λ<sub>mn</sub>.
     */
    public static double meanTopplingsSpectral(int rows, int cols) {
        requireGrid(rows, cols);
        double[] a = sineModeSums(rows);
        double[] b = sineModeSums(cols);
        double sum = 0;
        for (int m = 1; m <= rows; m++) {
            double lm = 2 - 2 * Math.cos(Math.PI * m / (rows + 1));
            for (int n = 1; n <= cols; n++) {
                double ln = 2 - 2 * Math.cos(Math.PI * n / (cols + 1));
                sum += a[m - 1] * a[m - 1] * b[n - 1] * b[n - 1] / (lm + ln);
            }
        }
        return sum / ((double) rows * cols);
    }

    /** det Δ, the number of recurrent configurations (dense; grids up to 64 sites, where it is exact in a double). */
    public static double determinant(int rows, int cols) {
        requireGrid(rows, cols);
        if (rows * cols > 64) {
            throw new IllegalArgumentException("dense determinant only for up to 64 sites, got " + rows * cols);
        }
        DMatrixRMaj dense = DConvertMatrixStruct.convert(topplingMatrix(rows, cols), (DMatrixRMaj) null);
        return CommonOps_DDRM.det(dense);
    }

    /** Σ<sub>x</sub> of each normalised sine mode √(2/(n+1)) sin(πmx/(n+1)), x = 1 … n. */
    private static double[] sineModeSums(int n) {
        double[] s = new double[n];
        double norm = Math.sqrt(2.0 / (n + 1));
        for (int m = 1; m <= n; m++) {
            double sum = 0;
            for (int x = 1; x <= n; x++) {
                sum += Math.sin(Math.PI * m * x / (n + 1));
            }
            s[m - 1] = norm * sum;
        }
        return s;
    }

    private static void requireGrid(int rows, int cols) {
        if (rows < 1 || cols < 1 || (long) rows * cols > 1 << 26) {
            throw new IllegalArgumentException("grid must be at least 1×1 and at most 2^26 sites, got " + rows + "×" + cols);
        }
    }
}
