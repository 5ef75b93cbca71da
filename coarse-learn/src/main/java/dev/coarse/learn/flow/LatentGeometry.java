package dev.coarse.learn.flow;

import dev.coarse.stats.Jackknife;
import java.util.Objects;
import org.ejml.simple.SimpleMatrix;

/**
 * The holographic geometry read off a flow's latents (Hu, Li, Wang &amp; You 2019): under the target the latents
 * z = g<sup>−1</sup>(x) are not exactly independent, and their mutual information defines a distance
 * d(a, b) = −ξ ln(I(a:b)/I<sub>0</sub>) (here ξ = 1 and I<sub>0</sub> = the MI of nearest boundary neighbours, so
 * d(1) = 0 on the boundary). The target's law of z comes either from the flow's own draws z ∼ N(0, I) reweighted by
 * w = e<sup>−S</sup>/q ({@link #measure}), or — without weights — from target configurations x (an HMC ensemble)
 * mapped through the inverse, z = g<sup>−1</sup>(x) ({@link #measureUnweighted}, {@link EnsembleLatents}). I is
 * the Gaussianised estimate from the (weighted) covariance of the C components at each site,
 * ½ ln(det Σ<sub>a</sub> det Σ<sub>b</sub> / det Σ<sub>ab</sub>), which has a noise floor (bias for independent
 * variables) of about C²/(2 n<sub>eff</sub>) ({@link #noiseFloor}).
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
 * <p>Errors are delete-one-block jackknife errors over {@value #BLOCKS} contiguous blocks of the samples (each
 * replicate recomputes every covariance, MI, distance and fit without one block), so they hold for autocorrelated
 * ensembles whose blocks are much longer than the autocorrelation time.
 *
 * @param separations           boundary separations r
 * @param boundaryMi            I(r), nats
 * @param boundaryDistance      d(r)
 * @param logFit                {a, b, R²} of d = a + b ln r
 * @param linearFit             {a, b, R²} of d = a + b r
 * @param depths                ℓ = 0 … k−1
 * @param depthMi               I at separation L/2 between latents of depth ℓ
 * @param depthDistance         d at depth ℓ
 * @param depthFit              {a, b, R²} of d = a + b ℓ (NaN entries if k &lt; 3: two points fit any line)
 * @param noiseFloor            C²/(2 n<sub>eff</sub>), the Gaussian MI estimate's bias for independent variables
 * @param samples               n, the samples (draws or configurations) measured
 * @param effectiveSamples      n<sub>eff</sub>: Kish's ESS of the weights, or n/(2τ<sub>int</sub>) for an ensemble
 * @param boundaryMiError       jackknife errors of {@code boundaryMi}
 * @param boundaryDistanceError jackknife errors of {@code boundaryDistance} (0 at r = 1 by construction)
 * @param depthMiError          jackknife errors of {@code depthMi}
 * @param depthDistanceError    jackknife errors of {@code depthDistance}
 * @param logFitError           jackknife errors of {@code logFit}'s {a, b, R²}
 * @param linearFitError        jackknife errors of {@code linearFit}'s {a, b, R²}
 * @param depthFitError         jackknife errors of {@code depthFit}'s {a, b, R²}
 * @param r2Advantage           R² of the ln r fit minus R² of the linear fit, with its jackknife error:
 *                              {difference, error}
 * @param sameKind              the boundary at even r only ({@link SameKind})
 */
public record LatentGeometry(int[] separations, double[] boundaryMi, double[] boundaryDistance, double[] logFit,
                             double[] linearFit, int[] depths, double[] depthMi, double[] depthDistance,
                             double[] depthFit, double noiseFloor, int samples, double effectiveSamples,
                             double[] boundaryMiError, double[] boundaryDistanceError, double[] depthMiError,
                             double[] depthDistanceError, double[] logFitError, double[] linearFitError,
                             double[] depthFitError, double[] r2Advantage, SameKind sameKind) {

    /**
     * The boundary curve between latents of one kind. The depth-0 latents of odd rows are of two kinds, at even and
     * at odd columns (different places of the decimator's 2×2 plaquette), so the full boundary curve mixes kinds at
     * odd r and I(r) need not fall monotonically; at even r both latents of a pair are of the same kind. Here
     * r = 2, 4, … L/2 (the same pairs as the full curve's), d = −ln(I(r)/I(2)), and the fits as for the full curve
     * (NaN when fewer than 3 separations: L &lt; 12).
     *
     * @param separations   r = 2, 4, … L/2
     * @param mi            I(r), nats, with {@code miError}
     * @param miError       jackknife errors of {@code mi}
     * @param distance      d(r) = −ln(I(r)/I(2)), with {@code distanceError}
     * @param distanceError jackknife errors of {@code distance}
     * @param logFit        {a, b, R²} of d = a + b ln r, with {@code logFitError}
     * @param logFitError   jackknife errors of {@code logFit}
     * @param linearFit     {a, b, R²} of d = a + b r, with {@code linearFitError}
     * @param linearFitError jackknife errors of {@code linearFit}
     * @param r2Advantage   R² of the ln r fit minus that of the linear fit: {difference, jackknife error}
     */
    public record SameKind(int[] separations, double[] mi, double[] miError, double[] distance,
                           double[] distanceError, double[] logFit, double[] logFitError, double[] linearFit,
                           double[] linearFitError, double[] r2Advantage) {

        public SameKind {
            int m = separations.length;
            if (mi.length != m || miError.length != m || distance.length != m || distanceError.length != m
                    || logFit.length != 3 || logFitError.length != 3 || linearFit.length != 3
                    || linearFitError.length != 3 || r2Advantage.length != 2) {
                throw new IllegalArgumentException("one entry per separation, fits {a, b, R²}, {difference, error}");
            }
        }
    }

    /** Jackknife blocks (fewer when there are fewer samples). */
    public static final int BLOCKS = 20;

    public LatentGeometry {
        Objects.requireNonNull(separations, "separations");
        Objects.requireNonNull(depths, "depths");
        int half = separations.length;
        int k = depths.length;
        if (boundaryMi.length != half || boundaryDistance.length != half || boundaryMiError.length != half
                || boundaryDistanceError.length != half) {
            throw new IllegalArgumentException("boundary arrays must have one entry per separation (" + half + ")");
        }
        if (depthMi.length != k || depthDistance.length != k || depthMiError.length != k
                || depthDistanceError.length != k) {
            throw new IllegalArgumentException("depth arrays must have one entry per depth (" + k + ")");
        }
        for (double[] fit : new double[][] {logFit, linearFit, depthFit, logFitError, linearFitError,
            depthFitError}) {
            if (fit.length != 3) {
                throw new IllegalArgumentException("a fit is {a, b, R²}");
            }
        }
        if (r2Advantage.length != 2) {
            throw new IllegalArgumentException("r2Advantage is {difference, error}");
        }
        boolean unknown = samples == 0 && Double.isNaN(effectiveSamples);
        if (!unknown && (samples < 2 || !(effectiveSamples > 0))) {
            throw new IllegalArgumentException("need n >= 2 and n_eff > 0 (or 0 and NaN: unknown), got " + samples
                    + ", " + effectiveSamples);
        }
    }

    /**
     * A geometry without its sample sizes and errors (n = 0 and n<sub>eff</sub> = NaN: unknown; NaN errors), as read
     * back from results that did not keep them; the same-kind curve is derived from {@code boundaryMi}.
     */
    public LatentGeometry(int[] separations, double[] boundaryMi, double[] boundaryDistance, double[] logFit,
                          double[] linearFit, int[] depths, double[] depthMi, double[] depthDistance,
                          double[] depthFit, double noiseFloor) {
        this(separations, boundaryMi, boundaryDistance, logFit, linearFit, depths, depthMi, depthDistance, depthFit,
                noiseFloor, 0, Double.NaN, unknown(boundaryMi.length), unknown(boundaryMi.length),
                unknown(depthMi.length), unknown(depthMi.length), unknown(3), unknown(3), unknown(3),
                new double[] {logFit[2] - linearFit[2], Double.NaN}, sameKind(new double[][] {boundaryMi}));
    }

    private static double[] unknown(int length) {
        double[] out = new double[length];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /** Measures the geometry from flow draws that kept their latents, reweighted to the target. */
    public static LatentGeometry measure(FlowArchitecture architecture, float[] latents, FlowSamples samples) {
        int n = samples.size();
        double[] lnW = samples.lnWeights();
        double max = Double.NEGATIVE_INFINITY;
        for (double x : lnW) {
            max = Math.max(max, x);
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = Math.exp(lnW[k] - max);
        }
        return compute(architecture, latents, n, w, samples.essFraction() * n);
    }

    /**
     * Measures the geometry from latents of target configurations (z = g<sup>−1</sup>(x), x from the target), each
     * of weight 1.
     *
     * @param latents          n × (C, L, L) values, row-major per sample, in the order the samples were drawn
     * @param effectiveSamples n<sub>eff</sub> for the noise floor (n for independent samples), in (0, n]
     */
    public static LatentGeometry measureUnweighted(FlowArchitecture architecture, float[] latents,
                                                   double effectiveSamples) {
        int v = architecture.variables();
        if (latents == null || latents.length % v != 0) {
            throw new IllegalArgumentException("need whole samples of " + v + " latents");
        }
        int n = latents.length / v;
        if (!(effectiveSamples > 0 && effectiveSamples <= n)) {
            throw new IllegalArgumentException("effective samples must be in (0, " + n + "], got "
                    + effectiveSamples);
        }
        return compute(architecture, latents, n, null, effectiveSamples);
    }

    private static LatentGeometry compute(FlowArchitecture architecture, float[] latents, int n, double[] w,
                                          double effectiveSamples) {
        int l = architecture.linearSize();
        int c = architecture.channels();
        int v = architecture.variables();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 samples, got " + n);
        }
        if (latents == null || latents.length != (long) n * v) {
            throw new IllegalArgumentException("need the samples' latents (" + n + " × " + v + " values)");
        }
        Moments moments = new Moments(latents, w, v, n, Math.min(BLOCKS, n));
        int reps = moments.replicates();
        int depthCount = architecture.depth();
        int half = l / 2;
        int[] separations = new int[half];
        // [replicate][r]: replicate 0 is all samples, 1 … B leave one block out
        double[][] bMi = new double[reps][half];
        for (int r = 1; r <= half; r++) {
            separations[r - 1] = r;
            int pairs = 0;
            for (int i = 1; i < l; i += 2) {
                for (int j = 0; j < l; j++) {
                    double[] mi = moments.mi(site(i, j, l), site(i, (j + r) % l, l), c, l);
                    for (int q = 0; q < reps; q++) {
                        bMi[q][r - 1] += mi[q];
                    }
                    pairs++;
                }
            }
            for (int q = 0; q < reps; q++) {
                bMi[q][r - 1] /= pairs;
            }
        }
        int[] depths = new int[depthCount];
        double[][] dMi = new double[reps][depthCount];
        double[] ell = new double[depthCount];
        for (int level = 0; level < depthCount; level++) {
            depths[level] = level;
            ell[level] = level;
            int pairs = 0;
            for (int i = 0; i < l; i++) {
                for (int j = 0; j < l; j++) {
                    int jj = (j + half) % l;
                    if (depth(i, j, depthCount) == level && depth(i, jj, depthCount) == level) {
                        double[] mi = moments.mi(site(i, j, l), site(i, jj, l), c, l);
                        for (int q = 0; q < reps; q++) {
                            dMi[q][level] += mi[q];
                        }
                        pairs++;
                    }
                }
            }
            for (int q = 0; q < reps; q++) {
                dMi[q][level] /= pairs;
            }
        }
        double[] lnR = new double[half];
        double[] rr = new double[half];
        for (int r = 0; r < half; r++) {
            lnR[r] = Math.log(r + 1);
            rr[r] = r + 1;
        }
        double[][] bD = new double[reps][half];
        double[][] dD = new double[reps][depthCount];
        double[][] logFits = new double[reps][];
        double[][] linFits = new double[reps][];
        double[][] depthFits = new double[reps][];
        double[][] advantage = new double[reps][1];
        for (int q = 0; q < reps; q++) {
            double i0 = bMi[q][0];
            for (int r = 0; r < half; r++) {
                bD[q][r] = -Math.log(bMi[q][r] / i0);
            }
            for (int level = 0; level < depthCount; level++) {
                dD[q][level] = -Math.log(dMi[q][level] / i0);
            }
            logFits[q] = fit(lnR, bD[q]);
            linFits[q] = fit(rr, bD[q]);
            depthFits[q] = depthCount >= 3 ? fit(ell, dD[q]) : new double[] {Double.NaN, Double.NaN, Double.NaN};
            advantage[q][0] = logFits[q][2] - linFits[q][2];
        }
        return new LatentGeometry(separations, bMi[0], bD[0], logFits[0], linFits[0], depths, dMi[0], dD[0],
                depthFits[0], c * c / (2 * effectiveSamples), n, effectiveSamples, errors(bMi), errors(bD),
                errors(dMi), errors(dD), errors(logFits), errors(linFits), errors(depthFits),
                new double[] {advantage[0][0], errors(advantage)[0]}, sameKind(bMi));
    }

    /** The even-r part of the boundary curve ([replicate][r − 1]), with its own reference I(2). */
    private static SameKind sameKind(double[][] bMi) {
        int reps = bMi.length;
        int m = bMi[0].length / 2;
        int[] separations = new int[m];
        double[] lnR = new double[m];
        double[] rr = new double[m];
        for (int k = 0; k < m; k++) {
            separations[k] = 2 * (k + 1);
            lnR[k] = Math.log(separations[k]);
            rr[k] = separations[k];
        }
        double[][] mi = new double[reps][m];
        double[][] d = new double[reps][m];
        double[][] logFits = new double[reps][];
        double[][] linFits = new double[reps][];
        double[][] advantage = new double[reps][1];
        double[] none = {Double.NaN, Double.NaN, Double.NaN};
        for (int q = 0; q < reps; q++) {
            for (int k = 0; k < m; k++) {
                mi[q][k] = bMi[q][separations[k] - 1];
                d[q][k] = -Math.log(mi[q][k] / mi[q][0]);
            }
            logFits[q] = m >= 3 ? fit(lnR, d[q]) : none;
            linFits[q] = m >= 3 ? fit(rr, d[q]) : none;
            advantage[q][0] = logFits[q][2] - linFits[q][2];
        }
        return new SameKind(separations, mi[0], errors(mi), d[0], errors(d), logFits[0], errors(logFits),
                linFits[0], errors(linFits), new double[] {advantage[0][0], errors(advantage)[0]});
    }

    /** Jackknife errors, entry by entry, of rows 1 … B of {@code values} ([replicate][entry]); one row: NaN. */
    private static double[] errors(double[][] values) {
        int reps = values.length;
        int m = values[0].length;
        double[] out = new double[m];
        if (reps < 3) {
            return unknown(m);
        }
        for (int e = 0; e < m; e++) {
            double[] replicas = new double[reps - 1];
            for (int q = 1; q < reps; q++) {
                replicas[q - 1] = values[q][e];
            }
            out[e] = Jackknife.error(replicas);
        }
        return out;
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

    /**
     * Weighted moments of the latents by contiguous block, so that each covariance entry comes for all samples
     * (replicate 0) and for every leave-one-block-out replicate (1 … B) from one pass over the samples.
     */
    private static final class Moments {
        private final float[] z;
        private final double[] w;
        private final int v;
        private final int n;
        private final int blocks;
        /** [block] → Σ w, and for every component Σ w z per block, computed once. */
        private final double[] blockWeight;
        private final double[][] blockFirst;

        Moments(float[] z, double[] w, int v, int n, int blocks) {
            this.z = z;
            this.w = w;
            this.v = v;
            this.n = n;
            this.blocks = blocks;
            blockWeight = new double[blocks];
            blockFirst = new double[blocks][v];
            for (int k = 0; k < n; k++) {
                int b = block(k);
                double wk = weight(k);
                blockWeight[b] += wk;
                for (int a = 0; a < v; a++) {
                    blockFirst[b][a] += wk * z[k * v + a];
                }
            }
        }

        int replicates() {
            return blocks >= 2 ? blocks + 1 : 1;
        }

        private int block(int k) {
            return (int) ((long) k * blocks / n);
        }

        private double weight(int k) {
            return w == null ? 1 : w[k];
        }

        /** Covariance of components a and b for every replicate. */
        double[] entry(int a, int b) {
            double[] second = new double[blocks];
            for (int k = 0; k < n; k++) {
                second[block(k)] += weight(k) * z[k * v + a] * z[k * v + b];
            }
            double[] out = new double[replicates()];
            for (int q = 0; q < out.length; q++) {
                double sw = 0;
                double sa = 0;
                double sb = 0;
                double sab = 0;
                for (int blk = 0; blk < blocks; blk++) {
                    if (blk == q - 1) {
                        continue;
                    }
                    sw += blockWeight[blk];
                    sa += blockFirst[blk][a];
                    sb += blockFirst[blk][b];
                    sab += second[blk];
                }
                out[q] = sab / sw - (sa / sw) * (sb / sw);
            }
            return out;
        }

        /** Gaussian MI between the C components at site a and at site b (layout (C, L, L) per sample), per replicate. */
        double[] mi(int siteA, int siteB, int c, int l) {
            int[] idx = new int[2 * c];
            for (int ch = 0; ch < c; ch++) {
                idx[ch] = ch * l * l + siteA;
                idx[c + ch] = ch * l * l + siteB;
            }
            int reps = replicates();
            SimpleMatrix[] joint = new SimpleMatrix[reps];
            for (int q = 0; q < reps; q++) {
                joint[q] = new SimpleMatrix(2 * c, 2 * c);
            }
            for (int p = 0; p < 2 * c; p++) {
                for (int r = p; r < 2 * c; r++) {
                    double[] e = entry(idx[p], idx[r]);
                    for (int q = 0; q < reps; q++) {
                        joint[q].set(p, r, e[q]);
                        joint[q].set(r, p, e[q]);
                    }
                }
            }
            double[] out = new double[reps];
            for (int q = 0; q < reps; q++) {
                double detA = joint[q].extractMatrix(0, c, 0, c).determinant();
                double detB = joint[q].extractMatrix(c, 2 * c, c, 2 * c).determinant();
                out[q] = 0.5 * Math.log(detA * detB / joint[q].determinant());
            }
            return out;
        }
    }
}
