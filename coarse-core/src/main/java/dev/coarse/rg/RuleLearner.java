package dev.coarse.rg;

import dev.coarse.configuration.Configurations;
import dev.coarse.lattice.Lattice;
import java.util.Objects;

/**
 * How each step of an iterated coarse-graining ({@link RuleFlow}) gets its rule: a fixed rule is the same at every
 * level, a learned one (coarse-learn's RSMI filter, which core does not know) is trained on the configurations of the
 * level it coarse-grains — "learn again on the coarse ensemble" — or trained once and reused ({@link #reusingFirst()}).
 * The hook is this one method, so a learner needs nothing of core but its types.
 */
@FunctionalInterface
public interface RuleLearner {

    /**
     * The rule that coarse-grains level {@code level} (0: the data) into level + 1.
     *
     * @param lattice        the lattice of that level
     * @param configurations the level's configurations (the learner may train on them; it must not modify them)
     * @param seed           the learner's seed for this level (the flow's coarse-graining streams are separate)
     */
    CoarseGraining rule(int level, Lattice lattice, Configurations configurations, long seed);

    /** The same rule at every level. */
    static RuleLearner fixed(CoarseGraining rule) {
        Objects.requireNonNull(rule, "rule");
        return (level, lattice, configurations, seed) -> rule;
    }

    /**
     * This learner's rule for level 0, reused at every later level (learned once on the data, like RSMI-NE's single
     * step applied repeatedly).
     */
    default RuleLearner reusingFirst() {
        RuleLearner first = this;
        CoarseGraining[] learned = new CoarseGraining[1];
        return (level, lattice, configurations, seed) -> {
            if (learned[0] == null || level == 0) {
                learned[0] = first.rule(level, lattice, configurations, seed);
            }
            return learned[0];
        };
    }
}
