package dev.coarse.dynamics.reaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator.SplittableGenerator;

/**
 * Full against reduced dynamics of a network: the exact SSA, the mean-field rate equations, the quasi-steady-state
 * rate equations (when the network names quasi-steady species) and the averaged-fast-pair SSA (when it marks a fast
 * pair), compared on the observed species — those neither quasi-steady nor changed by the fast pair (the product P of
 * Michaelis–Menten), or every non-quasi-steady species when that leaves none.
 */
public final class Reduction {

    /** Relative deviation (of the curve's scale) within which a deterministic reduction is said to hold. */
    public static final double HOLDS_WITHIN = 0.01;
    /** Relative deviation beyond which a deterministic reduction is said to fail. */
    public static final double FAILS_BEYOND = 0.05;
    /** Sarle's bimodality coefficient above which a law is called bimodal (5/9, its value for a uniform law). */
    public static final double BIMODAL_ABOVE = 5.0 / 9.0;
    static final int BOOTSTRAP_REPLICATES = 200;

    private Reduction() {
    }

    /**
     * Compares the models.
     *
     * @param random split into the full SSA, the reduced SSA and the bootstrap, in that order
     */
    public static Comparison compare(ReactionNetwork network, double[] times, int runs, SplittableGenerator random,
                                     long seed) {
        Trajectories full = Gillespie.simulate(network, times, runs, random.split(), seed);
        Trajectories reduced = network.hasFastPair()
                ? AveragedFastReactions.simulate(network, times, runs, random.split(), seed) : null;
        DeterministicPath meanField = RateEquations.meanField(network, times);
        DeterministicPath quasiSteady = network.quasiSteadySpecies().isEmpty() ? null
                : QuasiSteadyState.solve(network, times);
        SplittableRandom bootstrap = new SplittableRandom(random.nextLong());
        List<SpeciesComparison> observed = new ArrayList<>();
        for (int s : observedSpecies(network)) {
            observed.add(compareSpecies(network.species().get(s), s, full, reduced, meanField, quasiSteady,
                    bootstrap));
        }
        return new Comparison(network.name(), times.clone(), runs, seed, full.reactionsFired(),
                reduced == null ? 0 : reduced.reactionsFired(), observed);
    }

    /** The same from a root generator seeded with {@code seed}. */
    public static Comparison compare(ReactionNetwork network, double[] times, int runs, long seed) {
        return compare(network, times, runs, RandomStreams.root(seed), seed);
    }

    static int[] observedSpecies(ReactionNetwork network) {
        boolean[] excluded = new boolean[network.speciesCount()];
        for (String q : network.quasiSteadySpecies()) {
            excluded[network.speciesIndex(q)] = true;
        }
        boolean[] alsoFast = excluded.clone();
        for (Reaction r : network.reactions()) {
            if (r.fast()) {
                int[] change = r.change();
                for (int s = 0; s < change.length; s++) {
                    alsoFast[s] |= change[s] != 0;
                }
            }
        }
        int[] observed = indicesOf(alsoFast, false);
        return observed.length > 0 ? observed : indicesOf(excluded, false);
    }

    private static int[] indicesOf(boolean[] flags, boolean value) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i] == value).toArray();
    }

    private static SpeciesComparison compareSpecies(String name, int s, Trajectories full, Trajectories reduced,
                                                    DeterministicPath meanField, DeterministicPath quasiSteady,
                                                    SplittableRandom bootstrap) {
        int points = full.times().length;
        double[] fullMean = new double[points];
        double[] fullError = new double[points];
        double[] mf = new double[points];
        double[] qss = quasiSteady == null ? null : new double[points];
        double[] reducedMean = reduced == null ? null : new double[points];
        double[] reducedError = reduced == null ? null : new double[points];
        double[] kl = reduced == null ? null : new double[points];
        double[] klError = reduced == null ? null : new double[points];
        double[] klBias = reduced == null ? null : new double[points];
        double scale = 0;
        for (int t = 0; t < points; t++) {
            fullMean[t] = full.mean(t, s);
            fullError[t] = full.standardError(t, s);
            scale = Math.max(scale, Math.abs(fullMean[t]));
            mf[t] = meanField.value(t, s);
            if (qss != null) {
                qss[t] = quasiSteady.value(t, s);
            }
            if (reduced != null) {
                reducedMean[t] = reduced.mean(t, s);
                reducedError[t] = reduced.standardError(t, s);
                long[] p = full.samples(t, s);
                long[] q = reduced.samples(t, s);
                kl[t] = klDivergence(p, q);
                klBias[t] = klBias(p, q);
                double sum = 0;
                double sumSq = 0;
                for (int b = 0; b < BOOTSTRAP_REPLICATES; b++) {
                    double v = klDivergence(resample(p, bootstrap), resample(q, bootstrap));
                    sum += v;
                    sumSq += v * v;
                }
                double mean = sum / BOOTSTRAP_REPLICATES;
                klError[t] = Math.sqrt(Math.max(0, sumSq / BOOTSTRAP_REPLICATES - mean * mean));
            }
        }
        scale = Math.max(scale, 1);
        long[] last = full.samples(points - 1, s);
        return new SpeciesComparison(name, fullMean, fullError, mf, qss, reducedMean, reducedError, kl, klError, klBias,
                maxDeviation(mf, fullMean, scale),
                qss == null ? Double.NaN : maxDeviation(qss, fullMean, scale),
                reducedMean == null ? Double.NaN : maxDeviation(reducedMean, fullMean, scale),
                bimodalityCoefficient(last), TwoMeans.of(last));
    }

    private static double maxDeviation(double[] model, double[] reference, double scale) {
        double max = 0;
        for (int t = 0; t < model.length; t++) {
            max = Math.max(max, Math.abs(model[t] - reference[t]) / scale);
        }
        return max;
    }

    private static long[] resample(long[] values, SplittableRandom random) {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[random.nextInt(values.length)];
        }
        return out;
    }

    /**
     * Plug-in KL(p‖q) in nats between the empirical laws of two samples of counts, each smoothed by adding ½ to every
     * value seen in either sample (Krichevsky–Trofimov), so it stays finite; biased upwards by about (K − 1)/N for K
     * values and N samples each.
     */
    public static double klDivergence(long[] p, long[] q) {
        Map<Long, int[]> table = new HashMap<>();
        for (long v : p) {
            table.computeIfAbsent(v, k -> new int[2])[0]++;
        }
        for (long v : q) {
            table.computeIfAbsent(v, k -> new int[2])[1]++;
        }
        int k = table.size();
        double np = p.length + 0.5 * k;
        double nq = q.length + 0.5 * k;
        double kl = 0;
        for (int[] c : table.values()) {
            double pp = (c[0] + 0.5) / np;
            double qq = (c[1] + 0.5) / nq;
            kl += pp * Math.log(pp / qq);
        }
        return Math.max(kl, 0);
    }

    /**
     * The expected plug-in KL between two independent samples of one law, (K − 1)(1/N<sub>p</sub> + 1/N<sub>q</sub>)/2
     * for K values seen (the χ²<sub>K−1</sub> limit of 2N·KL): a KL near this is indistinguishable from zero.
     */
    public static double klBias(long[] p, long[] q) {
        long k = java.util.stream.LongStream.concat(Arrays.stream(p), Arrays.stream(q)).distinct().count();
        return (k - 1) * (1.0 / p.length + 1.0 / q.length) / 2;
    }

    /**
     * Sarle's bimodality coefficient (g² + 1)/(κ + 3(n−1)²/((n−2)(n−3))), g the sample skewness and κ the excess
     * kurtosis (Pfister et al., Front. Psychol. 4, 700, 2013): 1/3 for a normal law, 5/9 for a uniform one, towards 1
     * for two separated modes.
     */
    public static double bimodalityCoefficient(long[] values) {
        int n = values.length;
        if (n < 4) {
            return Double.NaN;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (long v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        if (m2 == 0) {
            return Double.NaN;
        }
        double g = Math.sqrt((double) n * (n - 1)) / (n - 2) * m3 / Math.pow(m2, 1.5);
        double excess = (double) (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * (m4 / (m2 * m2) - 3) + 6);
        return (g * g + 1) / (excess + 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3.0)));
    }

    /**
     * The two clusters of a one-dimensional sample by Lloyd's 2-means (exact in 1D after convergence from the
     * extremes): their centres and the weight of the upper one.
     */
    public record TwoMeans(double lowCentre, double highCentre, double highWeight) {

        static TwoMeans of(long[] values) {
            double low = Arrays.stream(values).min().orElse(0);
            double high = Arrays.stream(values).max().orElse(0);
            double weight = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double cut = 0.5 * (low + high);
                double sumLow = 0;
                double sumHigh = 0;
                int nLow = 0;
                int nHigh = 0;
                for (long v : values) {
                    if (v <= cut) {
                        sumLow += v;
                        nLow++;
                    } else {
                        sumHigh += v;
                        nHigh++;
                    }
                }
                double newLow = nLow > 0 ? sumLow / nLow : low;
                double newHigh = nHigh > 0 ? sumHigh / nHigh : high;
                weight = (double) nHigh / values.length;
                if (newLow == low && newHigh == high) {
                    break;
                }
                low = newLow;
                high = newHigh;
            }
            return new TwoMeans(low, high, weight);
        }
    }

    /**
     * One observed species under every model; arrays are indexed by sample time, and those of a model the network
     * does not support are null (their deviations NaN).
     *
     * @param klBias               {@link #klBias} of the two samples at each time, the KL expected for equal laws
     * @param meanFieldDeviation   max over times of |mean field − SSA mean| / scale (scale: the largest |SSA mean|)
     * @param quasiSteadyDeviation the same for the quasi-steady-state rate equations
     * @param reducedDeviation     the same for the averaged-fast-pair SSA mean
     * @param bimodality           Sarle's coefficient of the SSA law at the last time
     * @param clusters             2-means split of the SSA law at the last time
     */
    public record SpeciesComparison(String species, double[] fullMean, double[] fullError, double[] meanField,
                                    double[] quasiSteady, double[] reducedMean, double[] reducedError,
                                    double[] klDivergence, double[] klError, double[] klBias,
                                    double meanFieldDeviation,
                                    double quasiSteadyDeviation, double reducedDeviation, double bimodality,
                                    TwoMeans clusters) {

        /** The SSA law at the last time is bimodal (coefficient above {@link #BIMODAL_ABOVE}). */
        public boolean bimodal() {
            return bimodality > BIMODAL_ABOVE;
        }

        /**
         * Mean field fails: it deviates from the SSA mean by more than {@link #FAILS_BEYOND} of the scale, or the SSA
         * law it should describe is bimodal.
         */
        public boolean meanFieldFails() {
            return meanFieldDeviation > FAILS_BEYOND || bimodal();
        }

        /** The quasi-steady-state curve stays within {@link #HOLDS_WITHIN} of the SSA mean (false without one). */
        public boolean quasiSteadyHolds() {
            return quasiSteadyDeviation <= HOLDS_WITHIN;
        }
    }

    /** The whole comparison: setup, effort, and each observed species. */
    public record Comparison(String network, double[] times, int runs, long seed, long fullReactions,
                             long reducedReactions, List<SpeciesComparison> species) {

        public Comparison {
            species = List.copyOf(species);
        }
    }
}
