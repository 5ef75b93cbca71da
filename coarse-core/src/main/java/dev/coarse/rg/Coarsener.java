package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.data.CoarseVersion;
import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Applies a {@link CoarseGraining} to whole ensembles, once or iterated.
 *
 * <p>Randomness: one {@code L64X128MixRandom} stream per (level, configuration), split in a fixed order from a
 * root seeded by {@code seed}, so the output depends only on the seed and the data.
 */
public final class Coarsener {

    /** The generator algorithm of the per-configuration streams. */
    public static final String RANDOM_ALGORITHM = "L64X128MixRandom";

    private Coarsener() {
    }

    /**
     * The lattices of levels 0 … {@code levels} (level 0 is {@code fine}).
     *
     * @throws IllegalArgumentException if the rule cannot be applied that many times, naming the largest
     *                                  number of levels the lattice allows
     */
    public static List<Lattice> lattices(Lattice fine, CoarseGraining rule, int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("number of levels must be ≥ 0, got " + levels);
        }
        List<Lattice> out = new ArrayList<>();
        out.add(fine);
        Lattice current = fine;
        for (int n = 1; n <= levels; n++) {
            try {
                current = rule.coarseLattice(current);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(levels + " levels of " + rule.name() + " (b = "
                        + formatB(rule.scaleFactor()) + ") are more than " + fine + " allows (at most " + (n - 1)
                        + "): level " + n + ": " + e.getMessage(), e);
            }
            out.add(current);
        }
        return out;
    }

    /** The largest number of levels {@code rule} can be applied to {@code fine} (stops at a coarse L below 2). */
    public static int maxLevels(Lattice fine, CoarseGraining rule) {
        int n = 0;
        Lattice current = fine;
        while (true) {
            try {
                current = rule.coarseLattice(current);
            } catch (IllegalArgumentException e) {
                return n;
            }
            n++;
        }
    }

    /**
     * Coarse-grains every configuration once. Not modified: {@code configurations}.
     *
     * @return fresh coarse configurations, one per input, on {@code rule.coarseLattice(fine)}
     */
    public static byte[][] apply(byte[][] configurations, Lattice fine, CoarseGraining rule, long seed) {
        return applyLevel(configurations, fine, rule, root(seed));
    }

    /**
     * Levels 0 … {@code levels} of the iterated rule: element 0 is {@code configurations} itself, element n the
     * n-times coarse-grained configurations (index i of every level descends from input i).
     */
    public static List<byte[][]> iterate(byte[][] configurations, Lattice fine, CoarseGraining rule, int levels,
                                         long seed) {
        List<Lattice> lattices = lattices(fine, rule, levels);
        RandomGenerator.SplittableGenerator root = root(seed);
        List<byte[][]> out = new ArrayList<>();
        out.add(configurations);
        for (int n = 1; n <= levels; n++) {
            out.add(applyLevel(out.get(n - 1), lattices.get(n - 1), rule, root.split()));
        }
        return out;
    }

    /**
     * Levels 0 … {@code levels} of the iterated rule on configurations of any degrees of freedom the rule reads at
     * every level (element 0 is {@code configurations} itself); the same streams as
     * {@link #iterate(byte[][], Lattice, CoarseGraining, int, long)}, so for ±1 spins the same output.
     *
     * @throws IllegalArgumentException if the rule cannot read what a level holds, or for too many levels
     */
    public static List<Configurations> iterate(Configurations configurations, Lattice fine, CoarseGraining rule,
                                               int levels, long seed) {
        List<Lattice> lattices = lattices(fine, rule, levels);
        RandomGenerator.SplittableGenerator root = root(seed);
        List<Configurations> out = new ArrayList<>();
        out.add(configurations);
        for (int n = 1; n <= levels; n++) {
            out.add(rule.apply(lattices.get(n - 1), out.get(n - 1), root.split()));
        }
        return out;
    }

    /**
     * Levels 0 … {@code levels} of an ensemble of any degrees of freedom the rule reads. Coarse ensembles keep the
     * model parameters of the source, take the coarse L, set {@code sampler} to the rule name and add provenance
     * "rule", "level", "b", "source_sampler" and "seed".
     *
     * @throws IllegalArgumentException for an empty ensemble, degrees of freedom the rule cannot read, or too many
     *                                  levels
     */
    public static List<Ensemble> iterate(Ensemble ensemble, CoarseGraining rule, int levels, long seed) {
        if (ensemble.size() == 0) {
            throw new IllegalArgumentException("cannot coarse-grain an empty ensemble");
        }
        List<Configurations> configs = iterate(ensemble.data(), ensemble.lattice(), rule, levels, seed);
        List<Lattice> lattices = lattices(ensemble.lattice(), rule, levels);
        List<Ensemble> out = new ArrayList<>();
        out.add(ensemble);
        for (int n = 1; n <= levels; n++) {
            out.add(new Ensemble(coarseMeta(ensemble.meta(), rule, n, lattices.get(n), seed), lattices.get(n),
                    configs.get(n)));
        }
        return out;
    }

    /** One level of an ensemble (level 1 of {@link #iterate(Ensemble, CoarseGraining, int, long)}). */
    public static Ensemble apply(Ensemble ensemble, CoarseGraining rule, long seed) {
        return iterate(ensemble, rule, 1, seed).get(1);
    }

    static EnsembleMeta coarseMeta(EnsembleMeta source, CoarseGraining rule, int level, Lattice coarse, long seed) {
        Map<String, String> provenance = new HashMap<>(source.provenance());
        provenance.put("rule", rule.name());
        provenance.put("rule_detail", rule.toString());
        provenance.put("level", Integer.toString(level));
        provenance.put("b", formatB(rule.scaleFactor()));
        provenance.put("source_sampler", source.sampler());
        provenance.put("coarse_seed", Long.toString(seed));
        return new EnsembleMeta(source.model(), coarse.dimension(), coarse.linearSize(), source.temperature(),
                source.field(), source.q(), rule.name(), source.seed(), source.sweeps(), source.thermalize(),
                source.thin(), source.chains(), source.tauInt(), CoarseVersion.get(), provenance, source.parameters());
    }

    private static String formatB(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    private static RandomGenerator.SplittableGenerator root(long seed) {
        return (RandomGenerator.SplittableGenerator) RandomGeneratorFactory.of(RANDOM_ALGORITHM).create(seed);
    }

    private static byte[][] applyLevel(byte[][] configurations, Lattice fine, CoarseGraining rule,
                                       RandomGenerator.SplittableGenerator stream) {
        Lattice coarse = rule.coarseLattice(fine);
        byte[][] out = new byte[configurations.length][];
        for (int i = 0; i < configurations.length; i++) {
            out[i] = new byte[coarse.siteCount()];
            rule.apply(fine, configurations[i], out[i], stream.split());
        }
        return out;
    }
}
