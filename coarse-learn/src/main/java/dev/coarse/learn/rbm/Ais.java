package dev.coarse.learn.rbm;

import dev.coarse.mc.TaskPool;
import dev.coarse.stats.Estimate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Annealed importance sampling for ln Z of an RBM (Neal 2001; Salakhutdinov &amp; Murray 2008, §3).
 *
 * <p>Path: p<sub>β</sub>(v,h) ∝ exp(aᵀv + β(bᵀh + vᵀWh)), β from 0 to 1 on a uniform grid of K steps. The
 * base (β = 0) has independent visible units with the target's biases a and free hidden units, so
 * ln Z<sub>0</sub> = Σ<sub>i</sub> ln Σ<sub>v<sub>i</sub></sub> e<sup>a<sub>i</sub>v<sub>i</sub></sup> + n<sub>h</sub> ln 2.
 * With the hidden units summed, p*<sub>β</sub>(v) = e<sup>aᵀv</sup> Π<sub>j</sub> Σ<sub>h<sub>j</sub></sub>
 * e<sup>β h<sub>j</sub>(b<sub>j</sub> + (vᵀW)<sub>j</sub>)</sup>; each run accumulates
 * ln w = Σ<sub>k</sub> [ln p*<sub>β<sub>k</sub></sub>(v<sub>k−1</sub>) − ln p*<sub>β<sub>k−1</sub></sub>(v<sub>k−1</sub>)],
 * moving v by one Gibbs sweep (h then v) at each β<sub>k</sub>. Then Ẑ = Z<sub>0</sub> · mean(w).
 *
 * <p>Error: the delta method on the mean of the importance weights, δ ln Ẑ = sd(w)/(mean(w)√R) over R
 * independent runs. This is reliable only when the weights are not dominated by a few runs (then it
 * underestimates); the test compares with exact ln Z. Each run has its own stream split in order from the
 * seed, so the result does not depend on the thread count.
 */
public final class Ais {

    private Ais() {
    }

    /**
     * Estimates ln Z of {@code rbm}. Not modified: {@code rbm}.
     *
     * @param temperatures K, number of annealing steps (≥ 1)
     * @param runs         R, independent runs (≥ 2)
     * @param seed         master seed
     * @param threads      worker threads (≥ 1)
     */
    public static Estimate logPartitionFunction(Rbm rbm, int temperatures, int runs, long seed, int threads) {
        if (temperatures < 1 || runs < 2 || threads < 1) {
            throw new IllegalArgumentException("AIS needs ≥ 1 temperature, ≥ 2 runs and ≥ 1 thread");
        }
        SplittableGenerator master = RandomGeneratorFactory.<SplittableGenerator>of("L64X128MixRandom").create(seed);
        double[] logWeights = new double[runs];
        RandomGenerator[] streams = new RandomGenerator[runs];
        for (int r = 0; r < runs; r++) {
            streams[r] = master.split();
        }
        TaskPool.run("ais", runs, threads, r -> logWeights[r] = oneRun(rbm, temperatures, streams[r]));
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeights) {
            max = Math.max(max, lw);
        }
        double sum = 0;
        double sumSq = 0;
        for (double lw : logWeights) {
            double w = Math.exp(lw - max);
            sum += w;
            sumSq += w * w;
        }
        double mean = sum / runs;
        double variance = Math.max(0, (sumSq / runs - mean * mean) * runs / (runs - 1));
        double lnZ = baseLogPartitionFunction(rbm) + max + Math.log(mean);
        return Estimate.of(lnZ, Math.sqrt(variance / runs) / mean);
    }

    /** ln Z<sub>0</sub> of the β = 0 base model. */
    static double baseLogPartitionFunction(Rbm rbm) {
        double z = rbm.hiddenCount() * Math.log(2);
        for (double a : rbm.visibleBias()) {
            z += rbm.unitType().logSumExp(a);
        }
        return z;
    }

    private static double oneRun(Rbm rbm, int temperatures, RandomGenerator rng) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        UnitType type = rbm.unitType();
        double[] a = rbm.visibleBias();
        double[] w = rbm.weights();
        double[] v = new double[nv];
        double[] h = new double[nh];
        double[] field = new double[nh];
        for (int i = 0; i < nv; i++) {
            v[i] = type.sample(a[i], rng);
        }
        double logWeight = 0;
        for (int k = 1; k <= temperatures; k++) {
            double betaPrev = (k - 1) / (double) temperatures;
            double beta = k / (double) temperatures;
            for (int j = 0; j < nh; j++) {
                field[j] = rbm.hiddenField(v, j);
                logWeight += type.logSumExp(beta * field[j]) - type.logSumExp(betaPrev * field[j]);
            }
            if (k == temperatures) {
                break;
            }
            for (int j = 0; j < nh; j++) {
                h[j] = type.sample(beta * field[j], rng);
            }
            for (int i = 0; i < nv; i++) {
                double x = 0;
                int row = i * nh;
                for (int j = 0; j < nh; j++) {
                    x += w[row + j] * h[j];
                }
                v[i] = type.sample(a[i] + beta * x, rng);
            }
        }
        return logWeight;
    }
}
