package dev.coarse.tensor;

import dev.coarse.data.NpyFile;
import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The tensors a network starts from, one lattice site per tensor (SCIENCE.md §6). A model whose bond weight is the
 * symmetric matrix W<sub>ss'</sub> = e<sup>−βE(s,s')</sup> and whose site weight is w<sub>s</sub> becomes
 * T(i, j, k, l) = Σ<sub>s</sub> w<sub>s</sub> Q<sub>si</sub> Q<sub>sj</sub> Q<sub>sk</sub> Q<sub>sl</sub> with
 * W = QQ<sup>T</sup> (Q = V√Λ from W's eigendecomposition, through EJML): contracting a bond index between two
 * sites gives back W, so the network of these tensors is the partition function.
 */
public final class LocalTensors {

    private LocalTensors() {
    }

    /**
     * The 2D Ising model H = −Σ s<sub>i</sub>s<sub>j</sub> − h Σ s<sub>i</sub> at temperature T: W = [[e<sup>K</sup>,
     * e<sup>−K</sup>],[e<sup>−K</sup>, e<sup>K</sup>]], w<sub>±</sub> = e<sup>±h/T</sup>, K = 1/T.
     *
     * @throws IllegalArgumentException for T ≤ 0, or a non-finite T or h
     */
    public static Tensor4 ising(double temperature, double field) {
        checkTemperature(temperature);
        if (!Double.isFinite(field)) {
            throw new IllegalArgumentException("the field h must be finite, got " + field);
        }
        double k = 1 / temperature;
        double[][] w = {{Math.exp(k), Math.exp(-k)}, {Math.exp(-k), Math.exp(k)}};
        return fromWeights(w, new double[] {Math.exp(field / temperature), Math.exp(-field / temperature)});
    }

    /**
     * The q-state Potts model H = −Σ δ(s<sub>i</sub>, s<sub>j</sub>) at temperature T: W<sub>ab</sub> =
     * e<sup>Kδ<sub>ab</sub></sup>, no field.
     *
     * @throws IllegalArgumentException for q &lt; 2 or T ≤ 0
     */
    public static Tensor4 potts(int q, double temperature) {
        if (q < 2) {
            throw new IllegalArgumentException("the Potts model needs q ≥ 2, got " + q);
        }
        checkTemperature(temperature);
        double k = 1 / temperature;
        double[][] w = new double[q][q];
        double[] site = new double[q];
        for (int a = 0; a < q; a++) {
            site[a] = 1;
            for (int b = 0; b < q; b++) {
                w[a][b] = a == b ? Math.exp(k) : 1;
            }
        }
        return fromWeights(w, site);
    }

    /**
     * The tensor of a model with bond weights W (symmetric, positive semi-definite, n×n) and site weights w (n).
     *
     * @throws IllegalArgumentException if W is not square and symmetric, has a negative eigenvalue, or w's length
     *                                  differs
     */
    public static Tensor4 fromWeights(double[][] bondWeights, double[] siteWeights) {
        int n = siteWeights.length;
        if (bondWeights.length != n) {
            throw new IllegalArgumentException("bond weights must be " + n + "×" + n);
        }
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int a = 0; a < n; a++) {
            if (bondWeights[a].length != n) {
                throw new IllegalArgumentException("bond weights must be " + n + "×" + n);
            }
            for (int b = 0; b < n; b++) {
                if (bondWeights[a][b] != bondWeights[b][a]) {
                    throw new IllegalArgumentException("bond weights must be symmetric");
                }
                w.set(a, b, bondWeights[a][b]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(w)) {
            throw new IllegalStateException("eigendecomposition of the bond weights failed");
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(eig.getEigenvalue(i).real));
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            double lambda = eig.getEigenvalue(i).real;
            if (lambda < -1e-12 * scale) {
                throw new IllegalArgumentException("bond weights must be positive semi-definite (eigenvalue "
                        + lambda + ")");
            }
            double root = Math.sqrt(Math.max(lambda, 0));
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int s = 0; s < n; s++) {
                q[s][i] = v.get(s) * root;
            }
        }
        double[] t = new double[n * n * n * n];
        int idx = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        double sum = 0;
                        for (int s = 0; s < n; s++) {
                            sum += siteWeights[s] * q[s][i] * q[s][j] * q[s][k] * q[s][l];
                        }
                        t[idx++] = sum;
                    }
                }
            }
        }
        return new Tensor4(n, n, n, n, t);
    }

    /**
     * A user's local tensor from a NumPy {@code .npy} file: a float64 or float32 (or integer) array of shape
     * (D<sub>left</sub>, D<sub>up</sub>, D<sub>right</sub>, D<sub>down</sub>), C or Fortran order, with
     * D<sub>left</sub> = D<sub>right</sub> and D<sub>up</sub> = D<sub>down</sub>; the same tensor sits on every
     * site of the square lattice and holds one site (docs/tensor.md).
     *
     * @throws IOException              for a file that cannot be read as a {@code .npy} array
     * @throws IllegalArgumentException for a shape that is not such a tensor, or non-finite values
     */
    public static Tensor4 fromNpy(Path file) throws IOException {
        NpyFile.NumericArray array = NpyFile.readNumbers(file);
        long[] shape = array.shape();
        if (shape.length != 4 || shape[0] != shape[2] || shape[1] != shape[3]) {
            throw new IllegalArgumentException(file + ": a local tensor has shape (Dl, Du, Dr, Dd) with Dl = Dr and"
                    + " Du = Dd, got " + array.shapeText());
        }
        return new Tensor4((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3], array.values());
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("the temperature T must be positive and finite, got " + temperature);
        }
    }
}
