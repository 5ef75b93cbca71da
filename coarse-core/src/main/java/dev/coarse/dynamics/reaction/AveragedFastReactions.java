package dev.coarse.dynamics.reaction;

import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * The "time-averaged reaction rates" reduced model: the slow-scale stochastic simulation algorithm of Cao, Gillespie
 * &amp; Petzold (J. Chem. Phys. 122, 014116, 2005) for one fast reversible pair. Between two slow reactions the fast
 * pair is assumed to reach its own stationary law: the states x + mν (ν the forward pair's change, m its extent) form a
 * birth–death chain whose stationary weights follow from detailed balance, w(m+1)/w(m) = a<sub>f</sub>(x + mν) /
 * a<sub>b</sub>(x + (m+1)ν), computed exactly. Slow reactions fire with propensities averaged over w; the state
 * at a slow firing is drawn from w·a<sub>r</sub>, and at a sample time from w. Exact in law in the limit of infinite
 * timescale separation.
 */
public final class AveragedFastReactions {

    private AveragedFastReactions() {
    }

    /** Runs {@code runs} trajectories of the reduced model, sampled at {@code times}. */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs,
                                        SplittableGenerator random, long seed) {
        Gillespie.requireTimes(times);
        if (!network.hasFastPair()) {
            throw new IllegalArgumentException(network.name() + " has no fast reversible pair to average out");
        }
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        CompiledNetwork net = new CompiledNetwork(network);
        int forward = -1;
        int backward = -1;
        for (int r = 0; r < net.reactions; r++) {
            if (network.reactions().get(r).fast()) {
                if (forward < 0) {
                    forward = r;
                } else {
                    backward = r;
                }
            }
        }
        int[] nu = network.reactions().get(forward).change();
        long[][][] counts = new long[runs][times.length][];
        long fired = 0;
        for (int run = 0; run < runs; run++) {
            fired += run(net, forward, backward, nu, network.initialCounts(), times, counts[run], random.split());
        }
        return new Trajectories(network.species(), times.clone(), counts, fired, seed);
    }

    /** The same from a root generator seeded with {@code seed}. */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs, long seed) {
        return simulate(network, times, runs, RandomStreams.root(seed), seed);
    }

    private static long run(CompiledNetwork net, int forward, int backward, int[] nu, long[] x, double[] times,
                            long[][] out, RandomGenerator random) {
        int m = net.reactions;
        double[] averaged = new double[m];
        long fired = 0;
        double t = 0;
        int next = 0;
        double tEnd = times[times.length - 1];
        long[] state = new long[x.length];
        while (true) {
            long low = lowestExtent(x, nu);
            long high = highestExtent(x, nu);
            double[] w = weights(net, forward, backward, nu, x, low, high, state);
            double total = 0;
            for (int r = 0; r < m; r++) {
                averaged[r] = 0;
                if (r == forward || r == backward) {
                    continue;
                }
                for (long e = low; e <= high; e++) {
                    shifted(x, nu, e, state);
                    averaged[r] += w[(int) (e - low)] * net.propensity(r, state);
                }
                total += averaged[r];
            }
            double tNext = total > 0 ? t - Math.log(1.0 - random.nextDouble()) / total : Double.POSITIVE_INFINITY;
            while (next < times.length && times[next] < tNext) {
                long e = low + draw(w, random);
                out[next++] = shifted(x, nu, e, new long[x.length]);
            }
            if (tNext > tEnd) {
                return fired;
            }
            t = tNext;
            double target = random.nextDouble() * total;
            int r = -1;
            double cumulative = 0;
            for (int k = 0; k < m && cumulative <= target; k++) {
                if (averaged[k] > 0) {
                    r = k;
                    cumulative += averaged[k];
                }
            }
            double[] weighted = new double[w.length];
            for (long e = low; e <= high; e++) {
                shifted(x, nu, e, state);
                weighted[(int) (e - low)] = w[(int) (e - low)] * net.propensity(r, state);
            }
            long e = low + draw(weighted, random);
            shifted(x, nu, e, x);
            net.fire(r, x, 1);
            fired++;
        }
    }

    /** Index drawn with probability proportional to {@code weights}. */
    private static int draw(double[] weights, RandomGenerator random) {
        double total = 0;
        for (double v : weights) {
            total += v;
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                cumulative += weights[i];
                if (cumulative > target) {
                    return i;
                }
            }
        }
        return last;
    }

    private static long[] shifted(long[] x, int[] nu, long extent, long[] into) {
        for (int s = 0; s < x.length; s++) {
            into[s] = x[s] + extent * nu[s];
        }
        return into;
    }

    private static long lowestExtent(long[] x, int[] nu) {
        long low = Long.MIN_VALUE / 4;
        for (int s = 0; s < x.length; s++) {
            if (nu[s] > 0) {
                low = Math.max(low, -Math.floorDiv(x[s], nu[s]));
            }
        }
        return low;
    }

    private static long highestExtent(long[] x, int[] nu) {
        long high = Long.MAX_VALUE / 4;
        for (int s = 0; s < x.length; s++) {
            if (nu[s] < 0) {
                high = Math.min(high, Math.floorDiv(x[s], -nu[s]));
            }
        }
        return high;
    }

    /** Stationary law of the fast pair's extent on [low, high], normalised; {@code scratch} is overwritten. */
    private static double[] weights(CompiledNetwork net, int forward, int backward, int[] nu, long[] x, long low,
                                    long high, long[] scratch) {
        if (high - low > 10_000_000L) {
            throw new IllegalStateException("the fast pair's extent is unbounded (" + low + " … " + high
                    + "): it must conserve some species");
        }
        int size = (int) (high - low + 1);
        double[] logW = new double[size];
        double max = 0;
        for (int i = 1; i < size; i++) {
            double up = net.propensity(forward, shifted(x, nu, low + i - 1, scratch));
            double down = net.propensity(backward, shifted(x, nu, low + i, scratch));
            logW[i] = up > 0 && down > 0 ? logW[i - 1] + Math.log(up / down) : Double.NEGATIVE_INFINITY;
            if (logW[i] > max) {
                max = logW[i];
            }
        }
        double[] w = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            w[i] = Math.exp(logW[i] - max);
            sum += w[i];
        }
        for (int i = 0; i < size; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
