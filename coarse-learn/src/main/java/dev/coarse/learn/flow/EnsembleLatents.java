package dev.coarse.learn.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.stats.Autocorrelation;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Latents of target configurations: each configuration x of an ensemble of the flow's model (HMC, or any exact
 * sampler) mapped through the flow's exact inverse, z = g<sup>−1</sup>(x). If x is drawn from the target p, z is
 * drawn from the target's law of the latents — what {@link LatentGeometry} measures — without importance weights,
 * so the sample size is that of the ensemble, not the flow's effective sample size.
 *
 * <p>The ensemble's effective size n/(2τ<sub>int</sub>) uses the largest integrated autocorrelation time (Sokal's
 * window, pooled over the file's chains) of the field's mean components (Re m, Im m for a complex field; m for a
 * real one) and of |m|², the slowest modes the latents' covariance sees.
 */
public final class EnsembleLatents {

    private static final int BATCH = 512;

    private EnsembleLatents() {
    }

    /**
     * The latents and the ensemble's size.
     *
     * @param latents          n × (C, L, L) values, row-major per configuration, in the file's order
     * @param samples          n
     * @param tauInt           τ<sub>int</sub> in stored configurations (½ for independent ones)
     * @param effectiveSamples n/(2τ<sub>int</sub>), at most n
     */
    public record Result(float[] latents, int samples, double tauInt, double effectiveSamples) {

        public Result {
            Objects.requireNonNull(latents, "latents");
            if (samples < 2 || !(tauInt >= 0.5) || !(effectiveSamples > 0 && effectiveSamples <= samples)) {
                throw new IllegalArgumentException("need n >= 2, tau_int >= 1/2 and n_eff in (0, n], got " + samples
                        + ", " + tauInt + ", " + effectiveSamples);
            }
        }
    }

    /**
     * Maps every configuration of {@code ensemble} through the inverse of {@code flow}.
     *
     * @throws IllegalArgumentException if the ensemble is not of the target's model, L (2D), or field components,
     *                                  or holds fewer than 2 configurations
     */
    public static Result of(FlowTarget target, TrainedFlow flow, Ensemble ensemble) {
        FlowArchitecture a = flow.architecture();
        EnsembleMeta meta = ensemble.meta();
        int l = a.linearSize();
        int c = a.channels();
        if (!meta.model().equals(target.name())) {
            throw new IllegalArgumentException("the ensemble is of model " + meta.model() + ", the flow of "
                    + target.name());
        }
        if (meta.dimension() != 2 || meta.linearSize() != l) {
            throw new IllegalArgumentException("the ensemble is on the " + meta.dimension() + "D lattice of L = "
                    + meta.linearSize() + ", the flow on the 2D lattice of L = " + l);
        }
        if (!(ensemble.data() instanceof ContinuousConfigurations fields)
                || ensemble.degreesOfFreedom().support() != DegreesOfFreedom.Support.SITES
                || ensemble.degreesOfFreedom().valuesPerElement() != c) {
            throw new IllegalArgumentException("the ensemble holds " + ensemble.degreesOfFreedom()
                    + ", the flow needs a field of " + c + " real component(s) per site");
        }
        int n = fields.size();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 configurations, the ensemble has " + n);
        }
        int sites = l * l;
        int v = a.variables();
        if (fields.length() != v) {
            throw new IllegalArgumentException("configurations of " + fields.length() + " values, the flow has " + v);
        }
        float[] latents = latents(flow, fields.values());
        double tau = tauInt(fields, meta.chains(), c, sites);
        return new Result(latents, n, tau, Math.min(n, n / (2 * tau)));
    }

    /**
     * z = g<sup>−1</sup>(x) for every configuration: rows of per-site components (re, im adjacent for a complex
     * field), n × (C, L, L) latents out, in the rows' order.
     */
    public static float[] latents(TrainedFlow flow, double[][] configurations) {
        FlowArchitecture a = flow.architecture();
        int l = a.linearSize();
        int c = a.channels();
        int sites = l * l;
        int v = a.variables();
        int n = configurations.length;
        float[] latents = new float[n * v];
        try (NDManager manager = TorchEngine.newManager();
             HierarchicalFlow g = new HierarchicalFlow(a, manager, new SplittableRandom(0))) {
            g.setWeights(flow.weights());
            for (int start = 0; start < n; start += BATCH) {
                int b = Math.min(BATCH, n - start);
                float[] x = new float[b * v];
                for (int k = 0; k < b; k++) {
                    double[] row = configurations[start + k];
                    if (row.length != v) {
                        throw new IllegalArgumentException("configuration " + (start + k) + " has " + row.length
                                + " values, the flow " + v);
                    }
                    for (int i = 0; i < sites; i++) {
                        for (int ch = 0; ch < c; ch++) {
                            // per-site components (re, im adjacent) → the flow's (C, L, L)
                            x[k * v + ch * sites + i] = (float) row[i * c + ch];
                        }
                    }
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray z = g.inverse(step.create(x, new Shape(b, c, l, l))).get(0);
                    System.arraycopy(z.toFloatArray(), 0, latents, start * v, b * v);
                }
            }
        }
        return latents;
    }

    /** The largest τ<sub>int</sub> of Re m, Im m (or m) and |m|², pooled over equal chains when the count divides n. */
    static double tauInt(ContinuousConfigurations fields, int chains, int c, int sites) {
        int n = fields.size();
        int k = chains >= 1 && n % chains == 0 && n / chains >= 2 ? chains : 1;
        int len = n / k;
        double[][][] series = new double[c + 1][k][len];
        for (int s = 0; s < n; s++) {
            double[] row = fields.values()[s];
            double norm2 = 0;
            for (int ch = 0; ch < c; ch++) {
                double m = 0;
                for (int i = 0; i < sites; i++) {
                    m += row[i * c + ch];
                }
                m /= sites;
                series[ch][s / len][s % len] = m;
                norm2 += m * m;
            }
            series[c][s / len][s % len] = norm2;
        }
        double tau = 0.5;
        for (double[][] chainSeries : series) {
            tau = Math.max(tau, Autocorrelation.integratedTime(chainSeries));
        }
        return tau;
    }
}
