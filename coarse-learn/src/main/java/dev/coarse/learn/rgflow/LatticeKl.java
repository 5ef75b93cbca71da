package dev.coarse.learn.rgflow;

import ai.djl.ndarray.NDManager;
import dev.coarse.exact.Kaufman;
import dev.coarse.learn.engine.TorchEngine;
import dev.coarse.stats.Estimate;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How far an RG-Flow trained on Ising configurations is from the Boltzmann law p(s) = e<sup>−βE(s)</sup>/Z, per spin:
 * an upper bound on the <b>forward</b> Kullback–Leibler divergence KL(p‖P) of the flow's discrete law P(s) — the mass of
 * each configuration's dequantisation cell ({@link SpinQuantisation}) —
 *
 * <pre>
 *   KL(p‖P)/N = (E<sub>s∼p</sub>[−ln P(s)] − H(p))/N ≤ (E<sub>s∼p</sub> E<sub>y∈cell(s)</sub>[−ln p(y)] − N ln w − H(p))/N,
 * </pre>
 *
 * with H(p) = ln Z + β⟨E⟩ exact on the L×L torus ({@link Kaufman}). The expectation over s is estimated on held-out
 * configurations drawn from p (a sampler's ensemble, not the training set), so the mean is an unbiased estimate of the
 * bound and its error the standard error over configurations (taken as independent: thin the chain until they are).
 * With K draws y<sub>1…K</sub> per configuration the tighter importance-weighted bound
 * −ln P(s) ≤ E[−ln (w<sup>N</sup>/K Σ<sub>k</sub> p(y<sub>k</sub>))] is used (Jensen on the mean of K; K = 1 is the
 * dequantised likelihood the flow is trained on, and the bound decreases towards −ln P(s) as K grows), so how much of
 * the bound is the gap of uniform dequantisation and how much the flow's own error can be told apart. The bound is ≥ 0 in expectation whatever the flow, since P sums to at
 * most 1 over the configurations. It is not the reverse divergence KL(q‖p) that an energy-trained flow's variational
 * gap (ln Z − the bound on it) measures: both are ≥ 0 and per spin, in opposite directions.
 *
 * @param quantisation  how spins became bytes
 * @param draws         K, draws of y per configuration
 * @param samples       held-out configurations
 * @param codePerSpin   the bound on E[−ln P(s)]/N, nats, mean ± standard error
 * @param entropyPerSpin H(p)/N, exact
 * @param klPerSpin     the bound on KL(p‖P)/N: codePerSpin − entropyPerSpin, with codePerSpin's error
 */
public record LatticeKl(SpinQuantisation quantisation, int draws, int samples, Estimate codePerSpin, double entropyPerSpin,
                        Estimate klPerSpin) {

    /** Variables per evaluation batch. */
    private static final int CHUNK_VARIABLES = 1 << 18;

    public LatticeKl {
        Objects.requireNonNull(quantisation, "quantisation");
        Objects.requireNonNull(codePerSpin, "codePerSpin");
        Objects.requireNonNull(klPerSpin, "klPerSpin");
        if (draws < 1) {
            throw new IllegalArgumentException("need at least one draw per configuration, got " + draws);
        }
        if (samples < 2) {
            throw new IllegalArgumentException("need at least two held-out configurations, got " + samples);
        }
    }

    /**
     * H(p)/N = ln Z/N + ⟨E⟩/(N T) of the L×L Ising torus (J = 1, h = 0) at temperature T, exact (Kaufman); T may be
     * {@link Double#POSITIVE_INFINITY} (independent spins, ln 2).
     */
    public static double entropyPerSpin(int size, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (temperature == Double.POSITIVE_INFINITY) {
            return Math.log(2);
        }
        return Kaufman.logPartitionFunctionPerSite(size, temperature) + Kaufman.energyPerSite(size, temperature)
                / temperature;
    }

    /**
     * The bound for {@code flow} (trained on configurations quantised by {@code quantisation}) on held-out
     * configurations of the L×L Ising model at temperature T, one draw of y per configuration.
     *
     * @param heldOut configurations of L² spins ±1 drawn from p, site i·L + j
     * @param seed    the draws of y in each cell
     */
    public static LatticeKl of(TrainedRgFlow flow, SpinQuantisation quantisation, byte[][] heldOut, double temperature,
                               long seed) {
        return of(flow, quantisation, heldOut, temperature, 1, seed);
    }

    /**
     * The importance-weighted bound with {@code draws} draws of y per configuration (class comment).
     *
     * @param heldOut configurations of L² spins ±1 drawn from p, site i·L + j
     * @param seed    the draws of y in each cell
     */
    public static LatticeKl of(TrainedRgFlow flow, SpinQuantisation quantisation, byte[][] heldOut, double temperature,
                               int draws, long seed) {
        int size = flow.architecture().linearSize();
        if (flow.architecture().channels() != 1) {
            throw new IllegalArgumentException("spins are one channel; the flow takes " + flow.architecture().channels());
        }
        if (draws < 1) {
            throw new IllegalArgumentException("need at least one draw per configuration, got " + draws);
        }
        int n = heldOut.length;
        int d = size * size;
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom dither = random.split();
        SplittableRandom noise = random.split();
        int perChunk = Math.max(1, CHUNK_VARIABLES / (d * draws));
        double[] code = new double[n];
        try (NDManager manager = TorchEngine.newManager(); RgFlowNetwork network = RgFlowNetwork.of(flow, manager)) {
            for (int from = 0; from < n; from += perChunk) {
                int m = Math.min(perChunk, n - from);
                byte[][] repeated = new byte[m * draws][];
                for (int i = 0; i < m; i++) {
                    for (int k = 0; k < draws; k++) {
                        repeated[i * draws + k] = heldOut[from + i];
                    }
                }
                ImageSet images = quantisation.images(repeated, size, dither);
                try (NDManager chunk = manager.newSubManager()) {
                    float[] lnP = network.encode(chunk.create(images.dequantise(0, m * draws, noise),
                            network.shape(m * draws))).get(1).toFloatArray();
                    for (int i = 0; i < m; i++) {
                        double logMean = logMeanExp(lnP, i * draws, draws);
                        code[from + i] = (-logMean - d * quantisation.logCellWidth()) / d;
                    }
                }
            }
        }
        Estimate bound = RgFlowEvaluation.meanAndError(code);
        double entropy = entropyPerSpin(size, temperature);
        return new LatticeKl(quantisation, draws, n, bound, entropy, Estimate.of(bound.mean() - entropy,
                bound.error()));
    }

    /** ln((1/K) Σ<sub>k</sub> e<sup>v[from + k]</sup>), k &lt; K, without overflow. */
    private static double logMeanExp(float[] v, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < from + count; k++) {
            max = Math.max(max, v[k]);
        }
        double sum = 0;
        for (int k = from; k < from + count; k++) {
            sum += Math.exp(v[k] - max);
        }
        return max + Math.log(sum / count);
    }
}
