package dev.coarse.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a tensor RG scheme on a uniform square-lattice network of one site per tensor, keeping the bookkeeping that
 * makes ln Z exact up to truncation. After step n the network holds N/2<sup>n</sup> tensors; each step's tensor is
 * divided by its largest element c<sub>n</sub>, so ln Z / N = Σ<sub>n</sub> ln c<sub>n</sub> / 2<sup>n</sup> +
 * ln Z(normalised network after the last step) / N. For an L×L torus the last network is one tensor with its legs
 * L×L torus the steps stop at four tensors, a 2×2 torus, whose partition function Tr(M₂²) (M₂ the transfer
 * matrix of a ring of two tensors, {@link GuWen#widthTwo}) is contracted exactly — the last two SVDs of a torus would
 * cut bonds that wrap around it, whose rank is large; on the infinite lattice the last term is ln Tr T (the 1×1
 * torus) over 2<sup>steps</sup>, which vanishes as the steps grow (about 1e−9 after 30).
 */
public final class TensorRg {

    private TensorRg() {
    }

    /**
     * @param initial a tensor of one site with left = right and up = down dimensions
     * @throws IllegalArgumentException for a tensor that is not square-symmetric in its dimensions or is zero
     */
    public static TensorRgResult run(Tensor4 initial, TensorRgSettings settings) {
        if (initial.left() != initial.right() || initial.up() != initial.down()) {
            throw new IllegalArgumentException("the local tensor needs left = right and up = down dimensions, got "
                    + initial.shapeText());
        }
        double scale = initial.maxAbs();
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the local tensor is zero");
        }
        Tensor4 t = initial.divide(scale);
        double lnZ = Math.log(scale);
        double[] horizontal = null;
        double[] vertical = null;
        double k = settings.scheme() == Scheme.BTRG ? Scheme.BOND_WEIGHT_EXPONENT : 0;
        List<RgStep> steps = new ArrayList<>();
        double sites = 1;
        for (int n = 1; n <= settings.steps(); n++) {
            double error;
            double[] spectrum;
            if (settings.scheme() == Scheme.HOTRG) {
                HigherOrderStep.Result r = HigherOrderStep.apply(t, settings.chi());
                t = r.tensor();
                error = r.error();
                spectrum = r.spectrum();
            } else {
                LevinNaveStep.Result r = LevinNaveStep.apply(t, horizontal, vertical, settings.chi(), k);
                t = r.tensor();
                horizontal = r.horizontal();
                vertical = r.vertical();
                error = r.error();
                spectrum = r.spectrum();
            }
            sites *= 2;
            double c = t.maxAbs();
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new IllegalStateException("the tensor vanished or overflowed at step " + n);
            }
            t = t.divide(c);
            lnZ += Math.log(c) / sites;
            double trace = t.torusTrace(horizontal, vertical);
            double estimate = trace > 0 ? lnZ + Math.log(trace) / sites : lnZ;
            ConformalData cft = settings.conformal() ? GuWen.of(absorbWeights(t, horizontal, vertical)) : null;
            steps.add(new RgStep(n, estimate, error, spectrum, cft));
        }
        double lnZPerSite;
        if (settings.isInfinite()) {
            lnZPerSite = steps.get(steps.size() - 1).lnZPerSite();
        } else {
            double z = twoByTwoTorus(absorbWeights(t, horizontal, vertical));
            if (!(z > 0)) {
                throw new IllegalStateException("the contracted torus is not positive (" + z + "): chi too small?");
            }
            lnZPerSite = lnZ + Math.log(z) / (4 * sites);
        }
        return new TensorRgResult(settings, lnZPerSite, steps);
    }

    /** Z of the 2×2 torus of four copies of t: Tr(M₂²) = Σ<sub>ij</sub> M₂[i,j] M₂[j,i]. */
    static double twoByTwoTorus(Tensor4 t) {
        org.ejml.data.DMatrixRMaj m2 = GuWen.widthTwo(t);
        int n = m2.numRows;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += m2.data[i * n + j] * m2.data[j * n + i];
            }
        }
        return sum;
    }

    /** T(l,u,r,d) √h<sub>l</sub> √v<sub>u</sub> √h<sub>r</sub> √v<sub>d</sub>: the same network without bond weights. */
    static Tensor4 absorbWeights(Tensor4 t, double[] horizontal, double[] vertical) {
        if (horizontal == null && vertical == null) {
            return t;
        }
        double[] out = t.values();
        int i = 0;
        for (int l = 0; l < t.left(); l++) {
            for (int u = 0; u < t.up(); u++) {
                for (int r = 0; r < t.right(); r++) {
                    for (int d = 0; d < t.down(); d++) {
                        out[i++] *= Math.sqrt(weight(horizontal, l) * weight(vertical, u) * weight(horizontal, r)
                                * weight(vertical, d));
                    }
                }
            }
        }
        return new Tensor4(t.left(), t.up(), t.right(), t.down(), out);
    }

    private static double weight(double[] w, int i) {
        return w == null ? 1 : w[i];
    }
}
