package dev.coarse.dynamics.reaction;

import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Explicit tau-leaping (Gillespie 2001): over a step τ each reaction fires a Poisson(a<sub>r</sub>(x)τ) number of
 * times with the propensities frozen at the start of the step. A step that would make a count negative is rejected
 * and retried with τ halved (down to τ/2¹⁰, after which it falls back to one exact Gillespie step). Approximate:
 * the error in the law is O(τ); sample times are hit exactly by shortening the step that crosses them.
 */
public final class TauLeaping {

    private TauLeaping() {
    }

    /** Runs {@code runs} independent tau-leaping trajectories with step {@code tau}, sampled at {@code times}. */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs, double tau,
                                        SplittableGenerator random, long seed) {
        Gillespie.requireTimes(times);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        CompiledNetwork net = new CompiledNetwork(network);
        long[][][] counts = new long[runs][times.length][];
        long fired = 0;
        for (int run = 0; run < runs; run++) {
            fired += run(net, network.initialCounts(), times, counts[run], tau, random.split());
        }
        return new Trajectories(network.species(), times.clone(), counts, fired, seed);
    }

    /** The same from a root generator seeded with {@code seed}. */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs, double tau, long seed) {
        return simulate(network, times, runs, tau, RandomStreams.root(seed), seed);
    }

    private static long run(CompiledNetwork net, long[] x, double[] times, long[][] out, double tau,
                            RandomGenerator random) {
        int m = net.reactions;
        double[] propensity = new double[m];
        long[] firings = new long[m];
        long[] trial = new long[x.length];
        long fired = 0;
        double t = 0;
        int next = 0;
        while (next < times.length) {
            while (next < times.length && times[next] <= t) {
                out[next++] = x.clone();
            }
            if (next == times.length) {
                break;
            }
            double total = 0;
            for (int r = 0; r < m; r++) {
                propensity[r] = net.propensity(r, x);
                total += propensity[r];
            }
            if (total == 0) {
                t = times[times.length - 1];
                continue;
            }
            double step = Math.min(tau, times[next] - t);
            boolean accepted = false;
            for (int attempt = 0; attempt <= 10 && !accepted; attempt++) {
                System.arraycopy(x, 0, trial, 0, x.length);
                long count = 0;
                for (int r = 0; r < m; r++) {
                    firings[r] = PoissonSampler.sample(propensity[r] * step, random);
                    net.fire(r, trial, firings[r]);
                    count += firings[r];
                }
                accepted = true;
                for (long v : trial) {
                    accepted &= v >= 0;
                }
                if (accepted) {
                    System.arraycopy(trial, 0, x, 0, x.length);
                    fired += count;
                    t += step;
                } else {
                    step *= 0.5;
                }
            }
            if (!accepted) {
                // one exact step keeps the run valid where leaps keep overshooting zero
                double wait = -Math.log(1.0 - random.nextDouble()) / total;
                if (t + wait >= times[next]) {
                    t = times[next];
                    continue;
                }
                double target = random.nextDouble() * total;
                int r = 0;
                double cumulative = propensity[0];
                while (cumulative <= target && r < m - 1) {
                    cumulative += propensity[++r];
                }
                net.fire(r, x, 1);
                fired++;
                t += wait;
            }
        }
        return fired;
    }
}
