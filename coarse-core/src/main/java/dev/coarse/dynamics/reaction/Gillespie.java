package dev.coarse.dynamics.reaction;

import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Gillespie's direct method (Gillespie 1977): in state x draw the waiting time τ ~ Exp(a₀), a₀ = Σ a<sub>r</sub>(x),
 * then reaction r with probability a<sub>r</sub>/a₀. Exact in law. Each step recomputes only the propensities of
 * the reactions whose reactants the last reaction changed. Each run draws from its own split stream, so the
 * result depends on the seed only.
 */
public final class Gillespie {

    private Gillespie() {
    }

    /**
     * Runs {@code runs} independent trajectories from the network's initial counts, sampled at {@code times}.
     *
     * @param random split once per run
     */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs,
                                        SplittableGenerator random, long seed) {
        requireTimes(times);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        CompiledNetwork compiled = new CompiledNetwork(network);
        long[][][] counts = new long[runs][times.length][];
        long fired = 0;
        double[] propensity = new double[compiled.reactions];
        for (int run = 0; run < runs; run++) {
            long[] x = network.initialCounts();
            fired += run(compiled, x, times, counts[run], random.split(), propensity);
        }
        return new Trajectories(network.species(), times.clone(), counts, fired, seed);
    }

    /** {@link #simulate(ReactionNetwork, double[], int, SplittableGenerator, long)} from a root seeded with {@code seed}. */
    public static Trajectories simulate(ReactionNetwork network, double[] times, int runs, long seed) {
        return simulate(network, times, runs, RandomStreams.root(seed), seed);
    }

    static void requireTimes(double[] times) {
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || !Double.isFinite(times[i]) || (i > 0 && times[i] < times[i - 1])) {
                throw new IllegalArgumentException("sample times must be finite, >= 0 and increasing");
            }
        }
    }

    /**
     * The kernel: advances {@code x} (written) through all sample times, storing copies in {@code out}; returns the
     * number of reactions fired. {@code propensity} is scratch space.
     */
    static long run(CompiledNetwork net, long[] x, double[] times, long[][] out, RandomGenerator random,
                    double[] propensity) {
        int m = net.reactions;
        double t = 0;
        long fired = 0;
        int next = 0;
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        for (int r = 0; r < m; r++) {
            propensity[r] = net.propensity(r, x);
        }
        int[][] dependents = net.dependents;
        while (true) {
            double total = 0;
            for (int r = 0; r < m; r++) {
                total += propensity[r];
            }
            // nextExponential: the JDK's ziggurat (McFarland 2016), several times cheaper than −ln(1 − u)
            double tNext = total > 0 ? t + random.nextExponential() / total : Double.POSITIVE_INFINITY;
            while (next < times.length && times[next] < tNext) {
                out[next++] = x.clone();
            }
            if (tNext > tEnd) {
                return fired;
            }
            t = tNext;
            double target = random.nextDouble() * total;
            int r = 0;
            double cumulative = propensity[0];
            while (cumulative <= target && r < m - 1) {
                cumulative += propensity[++r];
            }
            while (propensity[r] == 0 && r > 0) {
                r--; // rounding put the target past the last reaction that can fire
            }
            net.fire(r, x, 1);
            for (int d : dependents[r]) {
                propensity[d] = net.propensity(d, x);
            }
            fired++;
        }
    }
}
