package dev.coarse.learn.rgflow;

import dev.coarse.exact.Kaufman;
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
 * configurations drawn from p (a sampler's ensemble, not the training set), one uniform draw of y per configuration,
 * so the mean is an unbiased estimate of the bound and its error the standard error over configurations (taken as
 * independent: thin the chain until they are). The bound is ≥ 0 in expectation whatever the flow, since P sums to at
 * most 1 over the configurations. It is not the reverse divergence KL(q‖p) that an energy-trained flow's variational
 * gap (ln Z − the bound on it) measures: both are ≥ 0 and per spin, in opposite directions.
 *
 * @param quantisation  how spins became bytes
 * @param samples       held-out configurations
 * @param codePerSpin   the bound on E[−ln P(s)]/N, nats, mean ± standard error
 * @param entropyPerSpin H(p)/N, exact
 * @param klPerSpin     the bound on KL(p‖P)/N: codePerSpin − entropyPerSpin, with codePerSpin's error
 */
public record LatticeKl(SpinQuantisation quantisation, int samples, Estimate codePerSpin, double entropyPerSpin,
                        Estimate klPerSpin) {

    public LatticeKl {
        Objects.requireNonNull(quantisation, "quantisation");
        Objects.requireNonNull(codePerSpin, "codePerSpin");
        Objects.requireNonNull(klPerSpin, "klPerSpin");
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
     * configurations of the L×L Ising model at temperature T.
     *
     * @param heldOut configurations of L² spins ±1 drawn from p, site i·L + j
     * @param seed    the draws of y in each cell
     */
    public static LatticeKl of(TrainedRgFlow flow, SpinQuantisation quantisation, byte[][] heldOut, double temperature,
                               long seed) {
        int size = flow.architecture().linearSize();
        if (flow.architecture().channels() != 1) {
            throw new IllegalArgumentException("spins are one channel; the flow takes " + flow.architecture().channels());
        }
        SplittableRandom random = new SplittableRandom(seed);
        ImageSet images = quantisation.images(heldOut, size, random.split());
        RgFlowEvaluation evaluation = RgFlowEvaluation.of(flow, images, random.nextLong());
        Estimate bits = evaluation.bitsPerDim();
        double code = quantisation.codeNatsPerSpin(bits.mean());
        double error = Math.log(2) * bits.error();
        double entropy = entropyPerSpin(size, temperature);
        return new LatticeKl(quantisation, heldOut.length, Estimate.of(code, error), entropy,
                Estimate.of(code - entropy, error));
    }
}
