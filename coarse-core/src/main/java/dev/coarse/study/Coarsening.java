package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.lattice.Lattice;
import dev.coarse.naming.Identified;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.Decimation;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.TieBreak;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed block rule applied {@code levels} times: the RG steps of a stage.
 *
 * @param rule   majority (ties by a seeded coin) or decimation
 * @param b      block size, 2 to {@value #MAX_B}
 * @param levels RG steps, 1 to {@value #MAX_LEVELS}
 */
public record Coarsening(Rule rule, int b, int levels) {

    /**
     * The sites of all coarse copies of {@code levels} steps in units of the fine lattice's: Σ<sub>n≥1</sub>
     * b<sup>−dn</sup> (an upper bound, 1/(b<sup>d</sup> − 1), so an estimate built on it errs towards refusing).
     */
    public double coarseCopies(int dimension) {
        return coarseCopies(b, dimension);
    }

    /** {@link #coarseCopies(int)} for blocks of side b. */
    public static double coarseCopies(int b, int dimension) {
        return 1.0 / (Math.pow(b, dimension) - 1);
    }

    public static final int MAX_B = 16;
    public static final int MAX_LEVELS = 20;

    /** The rules a spec names by their {@link #id()}. */
    public enum Rule implements Identified {
        MAJORITY, DECIMATION
    }

    public Coarsening {
        if (rule == null) {
            throw new InvalidSettingException("rule", "must name a rule");
        }
        InvalidSettingException.between("b", b, 2, MAX_B);
        InvalidSettingException.between("levels", levels, 1, MAX_LEVELS);
    }

    /** Reads the keys rule, b and (with {@code withLevels}) levels of a section. */
    static Coarsening read(SpecSource s, Coarsening defaults, boolean withLevels) {
        Rule rule = SpecReading.choice(s, "rule", defaults.rule(), Rule.class);
        int b = SpecReading.integer(s, "b", defaults.b(), 2, MAX_B);
        int levels = withLevels ? SpecReading.integer(s, "levels", defaults.levels(), 1, MAX_LEVELS)
                : defaults.levels();
        return new Coarsening(rule, b, levels);
    }

    /** Writes the keys {@link #read} reads: rule, b and (with {@code withLevels}) levels. */
    void putInto(ObjectNode section, boolean withLevels) {
        section.put("rule", rule.id());
        section.put("b", b);
        if (withLevels) {
            section.put("levels", levels);
        }
    }

    /** One step of the rule (majority ties broken by a coin from the caller's random stream). */
    public CoarseGraining build() {
        return rule == Rule.MAJORITY ? new MajorityRule(b, TieBreak.COIN) : new Decimation(b);
    }

    /**
     * Fails unless every L<sup>d</sup> lattice of {@code sizes} can be blocked {@code levels} times (problems with L
     * named {@code sizeKey}, with the depth {@code levels}).
     */
    void checkLevels(String sizeKey, List<Integer> sizes, int dimension) {
        for (int size : sizes) {
            if (size % b != 0) {
                throw new InvalidSettingException(sizeKey, "L = " + size + " is not divisible by b = " + b);
            }
            int max = Coarsener.maxLevels(Lattice.of(dimension, size), build());
            if (levels > max) {
                throw new InvalidSettingException("levels", levels + " levels of b = " + b + " are more than L = "
                        + size + " allows (at most " + max + ", each coarse lattice needs L ≥ 2 divisible by b)");
            }
        }
    }

    /** Fails unless the operators fit on the coarsest lattice of every size (no term may hold a site twice). */
    void checkOperators(List<Integer> sizes, int dimension, OperatorSet operators) {
        for (int size : sizes) {
            Lattice coarsest = Coarsener.lattices(Lattice.of(dimension, size), build(), levels).get(levels);
            byte[] ones = new byte[coarsest.siteCount()];
            Arrays.fill(ones, (byte) 1);
            try {
                operators.values(coarsest, ones);
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingException("levels", levels + " levels of b = " + b + " leave L = "
                        + coarsest.linearSize() + " from L = " + size + ", too small for the operators ("
                        + ex.getMessage() + ")");
            }
        }
    }
}
