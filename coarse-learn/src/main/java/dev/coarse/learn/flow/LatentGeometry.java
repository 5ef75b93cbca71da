package dev.coarse.learn.flow;

import java.util.Objects;
import org.ejml.simple.SimpleMatrix;

/**
 * The holographic geometry read off a flow's latents (Hu, Li, Wang &amp; You 2019): under the target the latents
 * z = g<sup>−1</sup>(x) are not exactly independent, and their mutual information defines a distance
 * d(a, b) = −ξ ln(I(a:b)/I<sub>0</sub>) (here ξ = 1 and I<sub>0</sub> = the MI of nearest boundary neighbours, so
 * d(1) = 0 on the boundary). The target's law of z comes from the flow's own draws z ∼ N(0, I) reweighted by
 * w = e<sup>−S</sup>/q; I is the Gaussianised estimate from the weighted covariance of the C components at each
 * site, ½ ln(det Σ<sub>a</sub> det Σ<sub>b</sub> / det Σ<sub>ab</sub>), which has a noise floor of about
 * C²/(2 n<sub>eff</sub>) ({@link #noiseFloor}).
 *
 * <p>A latent at site (i, j) has depth min(v₂(i), v₂(j), k−1) (v₂ the 2-adic valuation, v₂(0) = ∞; see
 * {@link HierarchicalFlow}). Two measurements:
 * <ul>
 *   <li>boundary: depth-0 latents in odd rows, separated by r = 1 … L/2 along the row, averaged over positions;
 *       d(r) is fitted by a + b ln r and by a + b r (R² of each) — the hyperbolic picture predicts the first;</li>
 *   <li>depth: latents of depth ℓ = 0 … k−1 at the same separation L/2 along a row; in the metric
 *       (dx² + dz²)/z² with z ∝ 2<sup>ℓ</sup>, d ≈ 2 ln(Δx/z) falls linearly with ℓ (fit a + b ℓ, R²).</li>
 * </ul>
 *
 * @param separations      boundary separations r
 * @param boundaryMi       I(r), nats
 * @param boundaryDistance d(r)
 * @param logFit           {a, b, R²} of d = a + b ln r
 * @param linearFit        {a, b, R²} of d = a + b r
 * @param depths           ℓ = 0 … k−1
 * @param depthMi          I at separation L/2 between latents of depth ℓ
 * @param depthDistance    d at depth ℓ
 * @param depthFit         {a, b, R²} of d = a + b ℓ (NaN entries if k &lt; 3: two points fit any line)
 * @param noiseFloor       C²/(2 n<sub>eff</sub>), the Gaussian MI estimate's bias for independent variables
 */
public record LatentGeometry(int[] separations, double[] boundaryMi, double[] boundaryDistance, double[] logFit,
                             double[] linearFit, int[] depths, double[] depthMi, double[] depthDistance,
                             double[] depthFit, double noiseFloor) {

    public LatentGeometry {
        Objects.requireNonNull(separations, "separations");
        Objects.requireNonNull(depths, "depths");
    }

    /** Measures the geometry from flow draws that kept their latents. */
    public static LatentGeometry measure(FlowArchitecture architecture, float[] latents, FlowSamples samples) {
        int l = architecture.linearSize();
        int c = architecture.channels();
        int n = samples.size();
        int v = architecture.variables();
        if (latents == null || latents.length != n * v) {
            throw new IllegalArgumentException("need the draws' latents (" + n + " × " + v + " values)");
        }
        double[] lnW = samples.lnWeights();
        double max = Double.NEGATIVE_INFINITY;
        for (double x : lnW) {
            max = Math.max(max, x);
        }
        double[] w = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            w[k] = Math.exp(lnW[k] - max);
            sum += w[k];
        }
        double[] mean = new double[v];
        for (int k = 0; k < n; k++) {
            for (int a = 0; a < v; a++) {
                mean[a] += w[k] * latents[k * v + a];
            }
        }
        for (int a = 0; a < v; a++) {
            mean[a] /= sum;
        }
        Covariance cov = new Covariance(latents, w, sum, mean, v, n);
        int depthCount = architecture.depth();
        int half = l / 2;
        int[] separations = new int[half];
        double[] bMi = new double[half];
        for (int r = 1; r <= half; r++) {
            separations[r - 1] = r;
            double total = 0;
            int pairs = 0;
            for (int i = 1; i < l; i += 2) {
                for (int j = 0; j < l; j++) {
                    total += cov.mi(site(i, j, l), site(i, (j + r) % l, l), c, l);
                    pairs++;
                }
            }
            bMi[r - 1] = total / pairs;
        }
        double i0 = bMi[0];
        double[] bD = new double[half];
        double[] lnR = new double[half];
        double[] rr = new double[half];
        for (int r = 0; r < half; r++) {
            bD[r] = -Math.log(bMi[r] / i0);
            lnR[r] = Math.log(r + 1);
            rr[r] = r + 1;
        }
        int[] depths = new int[depthCount];
        double[] dMi = new double[depthCount];
        double[] dD = new double[depthCount];
        double[] ell = new double[depthCount];
        for (int level = 0; level < depthCount; level++) {
            depths[level] = level;
            ell[level] = level;
            double total = 0;
            int pairs = 0;
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    int jj = (j + half) % l;
                    if (depth(i, j, depthCount) == level && depth(i, jj, depthCount) == level) {
                        total += cov.mi(site(i, j, l), site(i, jj, l), c, l);
                        pairs++;
                    }
                }
            }
            dMi[level] = total / pairs;
            dD[level] = -Math.log(dMi[level] / i0);
        }
        double essCount = samples.essFraction() * n;
        return new LatentGeometry(separations, bMi, bD, fit(lnR, bD), fit(rr, bD), depths, dMi, dD,
                depthCount >= 3 ? fit(ell, dD) : new double[] {Double.NaN, Double.NaN, Double.NaN},
                c * c / (2 * essCount));
    }

    private static int site(int i, int j, int l) {
        return i * l + j;
    }

    /** min(v₂(i), v₂(j), k−1). */
    static int depth(int i, int j, int k) {
        int vi = i == 0 ? k : Integer.numberOfTrailingZeros(i);
        int vj = j == 0 ? k : Integer.numberOfTrailingZeros(j);
        return Math.min(Math.min(vi, vj), k - 1);
    }

    /** Least squares y = a + b x: {a, b, R²}. */
    static double[] fit(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - a - b * x[i];
            residual += e * e;
        }
        return new double[] {a, b, syy == 0 ? 1 : 1 - residual / syy};
    }

    /** The weighted covariance of latent components, computed entry by entry as needed. */
    private record Covariance(float[] z, double[] w, double sum, double[] mean, int v, int n) {

        double entry(int a, int b) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += w[k] * (z[k * v + a] - mean[a]) * (z[k * v + b] - mean[b]);
            }
            return s / sum;
        }

        /** Gaussian MI between the C components at site a and at site b (layout (C, L, L) per draw). */
        double mi(int siteA, int siteB, int c, int l) {
            int[] idx = new int[2 * c];
            for (int ch = 0; ch < c; ch++) {
                idx[ch] = ch * l * l + siteA;
                idx[c + ch] = ch * l * l + siteB;
            }
            SimpleMatrix joint = new SimpleMatrix(2 * c, 2 * c);
            for (int p = 0; p < 2 * c; p++) {
                for (int q = p; q < 2 * c; q++) {
                    double e = entry(idx[p], idx[q]);
                    joint.set(p, q, e);
                    joint.set(q, p, e);
                }
            }
            double detA = joint.extractMatrix(0, c, 0, c).determinant();
            double detB = joint.extractMatrix(c, 2 * c, c, 2 * c).determinant();
            return 0.5 * Math.log(detA * detB / joint.determinant());
        }
    }
}
