package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * An iterated coarse-graining whose rule may change from level to level: level n + 1 is the rule of a
 * {@link RuleLearner} for level n applied to level n. For a fixed rule it is {@link Coarsener#iterate} — the same
 * random streams, so the same configurations for the same seed — and it keeps the rule used at every step, which a
 * learned flow needs to report (the filters level by level) and the information measures need to run.
 *
 * @param lattices the lattice of each level, 0 … n
 * @param levels   the configurations of each level (element 0 the data; index i of every level descends from i)
 * @param rules    the rule of each step: {@code rules.get(n)} made level n + 1 from level n
 */
public record RuleFlow(List<Lattice> lattices, List<Configurations> levels, List<CoarseGraining> rules) {

    public RuleFlow {
        lattices = List.copyOf(lattices);
        levels = List.copyOf(levels);
        rules = List.copyOf(rules);
        if (lattices.size() != levels.size() || rules.size() != levels.size() - 1) {
            throw new IllegalArgumentException(levels.size() + " levels need as many lattices and one rule fewer, got "
                    + lattices.size() + " lattices and " + rules.size() + " rules");
        }
    }

    /**
     * Levels 0 … {@code steps}. Step n's coarse-graining streams are the n-th split of a root seeded by {@code seed}
     * (as in {@link Coarsener#iterate}); the learner's seed for level n is a separate mix of {@code seed} and n.
     *
     * @throws IllegalArgumentException if a rule cannot coarse-grain its level (what it reads, or a lattice too small
     *                                  for another step), naming the level
     */
    public static RuleFlow iterate(Lattice lattice, Configurations data, RuleLearner learner, int steps, long seed) {
        Objects.requireNonNull(learner, "learner");
        if (steps < 1) {
            throw new IllegalArgumentException("a flow needs at least one step, got " + steps);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot coarse-grain an empty ensemble");
        }
        RandomGenerator.SplittableGenerator root = (RandomGenerator.SplittableGenerator) RandomGeneratorFactory
                .of(Coarsener.RANDOM_ALGORITHM).create(seed);
        List<Lattice> lattices = new ArrayList<>(List.of(lattice));
        List<Configurations> levels = new ArrayList<>(List.of(data));
        List<CoarseGraining> rules = new ArrayList<>();
        for (int n = 0; n < steps; n++) {
            Lattice fine = lattices.get(n);
            CoarseGraining rule = learner.rule(n, fine, levels.get(n), learnerSeed(seed, n));
            Lattice coarse;
            try {
                coarse = rule.coarseLattice(fine);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("step " + (n + 1) + " of " + steps + " (" + rule.name() + " on "
                        + fine + "): " + e.getMessage(), e);
            }
            levels.add(rule.apply(fine, levels.get(n), root.split()));
            lattices.add(coarse);
            rules.add(rule);
        }
        return new RuleFlow(lattices, levels, rules);
    }

    /**
     * This flow's rules replayed on another ensemble: rule n (the one that made this flow's level n + 1) coarse-grains
     * the other ensemble's level n, for n = 0 … {@code steps} − 1 — the same transformation step for step, whatever
     * the other lattice's size, which is what matched-lattice MCRG ({@link MatchedMcrg}) needs of its L/b run. A rule
     * learned on a level is not learned again. Coarse-graining streams as in {@link #iterate} with {@code seed}.
     *
     * @param steps 0 … {@link #steps()}; 0 gives the ensemble alone
     * @throws IllegalArgumentException if a rule cannot coarse-grain the other ensemble's level, naming the step
     */
    public RuleFlow replay(Lattice lattice, Configurations data, int steps, long seed) {
        if (steps < 0 || steps > steps()) {
            throw new IllegalArgumentException("a replay of " + steps() + " rules can take 0.." + steps()
                    + " steps, got " + steps);
        }
        if (steps == 0) {
            return new RuleFlow(List.of(lattice), List.of(data), List.of());
        }
        return iterate(lattice, data, (level, fine, configurations, learnerSeed) -> rules.get(level), steps, seed);
    }

    /** The number of coarse-graining steps. */
    public int steps() {
        return rules.size();
    }

    /** Whether level n holds ±1 spins, the configurations MCRG and the pseudo-likelihood couplings read. */
    public boolean holdsSpins(int level) {
        return levels.get(level).degreesOfFreedom().equals(DegreesOfFreedom.isingSpins());
    }

    /**
     * The spin configurations of levels 0 … n, for {@link Mcrg#analyse} and {@link PseudoLikelihood#fit}.
     *
     * @throws IllegalArgumentException if one of them holds anything but ±1 spins
     */
    public List<byte[][]> spins(int n) {
        List<byte[][]> out = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            if (!holdsSpins(k)) {
                throw new IllegalArgumentException("level " + k + " holds " + levels.get(k).degreesOfFreedom()
                        + ", not ±1 spins");
            }
            out.add(((DiscreteConfigurations) levels.get(k)).values());
        }
        return out;
    }

    /** The linear scale factor of level n relative to the data: the product of the steps' scale factors. */
    public double scale(int level) {
        double scale = 1;
        for (int k = 0; k < level; k++) {
            scale *= rules.get(k).scaleFactor();
        }
        return scale;
    }

    /** SplitMix64 of the seed and the level: the learner's seed, independent of the coarse-graining streams. */
    static long learnerSeed(long seed, int level) {
        long z = seed + 0x9E3779B97F4A7C15L * (level + 1L) + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
