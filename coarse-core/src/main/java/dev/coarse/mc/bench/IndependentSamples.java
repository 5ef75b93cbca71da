package dev.coarse.mc.bench;

import dev.coarse.mc.MultispinMetropolis;
import dev.coarse.mc.Sampler;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Autocorrelation;
import java.util.random.RandomGenerator;

/**
 * Independent samples per second, the speed measure that accounts for critical slowing down: samples per
 * second / (2 τ<sub>int</sub>), with τ<sub>int</sub> the integrated autocorrelation time of |m| in the same
 * unit as the samples (a Wolff cluster flip, a Swendsen–Wang or Metropolis sweep), estimated with Sokal's
 * window ({@link Autocorrelation#integratedTime}). Used by {@code coarse bench} and the coarse-bench module
 * at T<sub>c</sub>, L = 64 (issue 3's definition).
 */
public final class IndependentSamples {

    private IndependentSamples() {
    }

    /** samplesPerSecond / (2 τ). */
    public static double perSecond(double samplesPerSecond, double tauInt) {
        return samplesPerSecond / (2 * tauInt);
    }

    /**
     * τ<sub>int</sub> of |m| in steps of {@code sampler} (one {@link Sampler#sweep} call each): the chain
     * continues from {@code spins}, {@code thermalize} steps are discarded (a hot start needs many: the
     * transient inflates τ), then |m| is recorded after each of {@code steps} steps.
     * Modified: {@code spins}, {@code rng}.
     */
    public static double tauAbsMagnetization(Sampler sampler, byte[] spins, RandomGenerator rng, int thermalize,
            int steps) {
        for (int t = 0; t < thermalize; t++) {
            sampler.sweep(spins, rng);
        }
        double[] absM = new double[steps];
        for (int t = 0; t < steps; t++) {
            sampler.sweep(spins, rng);
            absM[t] = Math.abs((double) IsingModel.magnetization(spins)) / spins.length;
        }
        return Autocorrelation.integratedTime(absM);
    }

    /**
     * τ<sub>int</sub> of |m| in sweeps of the multi-spin kernel, pooled over its 64 replicas (64 independent
     * chains of the same dynamics): {@code thermalize} sweeps discarded, then |m| of every replica after each
     * of {@code sweeps} sweeps (memory: 64·sweeps doubles). This is the multispin kernel's own dynamics, which
     * accepts ΔE = 0 with {@link MultispinMetropolis#ZERO_COST_ACCEPTANCE} (not that of a Metropolis that
     * always accepts it, such as the numpy peer's). Modified: {@code group}.
     */
    public static double tauAbsMagnetization(MultispinMetropolis group, int thermalize, int sweeps) {
        group.sweep(thermalize);
        int n = group.model().lattice().siteCount();
        double[][] absM = new double[MultispinMetropolis.REPLICAS][sweeps];
        long[] m = new long[MultispinMetropolis.REPLICAS];
        for (int t = 0; t < sweeps; t++) {
            group.sweep();
            group.magnetizations(m);
            for (int r = 0; r < MultispinMetropolis.REPLICAS; r++) {
                absM[r][t] = Math.abs((double) m[r]) / n;
            }
        }
        return Autocorrelation.integratedTime(absM);
    }
}
