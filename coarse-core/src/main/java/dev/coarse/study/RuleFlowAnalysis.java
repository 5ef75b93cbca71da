package dev.coarse.study;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Couplings;
import dev.coarse.rg.MatchedMcrg;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.PseudoLikelihood;
import dev.coarse.rg.RuleFlow;
import dev.coarse.rg.RuleLearner;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule iterated into a flow and measured level by level (SCIENCE.md §3–4): {@link RuleFlow} coarse-grains,
 * {@link RuleInformation} measures what each step keeps (the step's rule run on the level it blocks), Swendsen's MCRG
 * ({@link Mcrg}) gives y<sub>t</sub> and y<sub>h</sub> of each step, and {@link PseudoLikelihood} the couplings of
 * each level. Fixed and learned rules go through the same code — a learned rule enters as a {@link RuleLearner} — so
 * their tables are comparable number for number. Given an L/b ensemble ({@link Matched}), matched-lattice MCRG runs
 * beside the standard one. MCRG and the couplings need ±1 spins; a level that holds anything
 * else (a learned rule with several hidden variables) gets information measures only.
 */
public final class RuleFlowAnalysis {

    /** The value of a measure that was not made. */
    public static final Estimate NOT_MEASURED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /**
     * What to measure.
     *
     * @param steps            coarse-graining steps, at least 1
     * @param buffer           buffer width between block and environment
     * @param environment      width of the environment shell
     * @param environmentCode  how E enters the discrete estimators
     * @param positions        blocks at the rule's own positions or everywhere
     * @param estimator        entropy estimator
     * @param resamples        bootstrap resamples (≥ 2)
     * @param even             MCRG even operators (null: no MCRG)
     * @param odd              MCRG odd operators (null: no MCRG)
     * @param bins             MCRG jackknife bins
     * @param couplings        operators of the pseudo-likelihood fits (null: no fits)
     * @param couplingSamples  fit only the first this many configurations of each level (0: all)
     * @param couplingBlocks   jackknife blocks of the fits
     */
    public record Settings(int steps, int buffer, int environment, RuleInformation.Environment environmentCode,
                           RuleInformation.Positions positions, EntropyEstimator estimator, int resamples,
                           OperatorSet even, OperatorSet odd, int bins, OperatorSet couplings, int couplingSamples,
                           int couplingBlocks) {

        public Settings {
            Objects.requireNonNull(environmentCode, "environmentCode");
            Objects.requireNonNull(positions, "positions");
            Objects.requireNonNull(estimator, "estimator");
            if (steps < 1) {
                throw new IllegalArgumentException("a flow needs at least one step, got " + steps);
            }
            if (buffer < 0 || environment < 1) {
                throw new IllegalArgumentException("need buffer ≥ 0 and environment ≥ 1, got " + buffer + ", "
                        + environment);
            }
            if (resamples < 2 || bins < 2 || couplingBlocks < 2 || couplingSamples < 0) {
                throw new IllegalArgumentException("need resamples, bins and coupling blocks ≥ 2 and coupling samples"
                        + " ≥ 0, got " + resamples + ", " + bins + ", " + couplingBlocks + ", " + couplingSamples);
            }
        }
    }

    /**
     * The second ensemble of matched-lattice MCRG ({@link MatchedMcrg}): the same model and couplings on L/b. The
     * flow's rules are replayed on it ({@link RuleFlow#replay}): rule n, learned on (or fixed for) level n of the L
     * run, coarse-grains level n of the L/b run too, so both runs go through the same transformations step for step
     * and sit at the same couplings K<sup>(n)</sup> level for level; matched level n then compares level n of the L
     * run with level n − 1 of the L/b run, which have the same size. (Applying to the L/b run's level n − 1 the rule of
     * the L run's level n, the one of the same lattice size, would compare two different transformations.)
     *
     * @param lattice its lattice, the L run's lattice blocked once
     * @param data    its configurations (±1 spins)
     * @param form    how the two runs are combined
     */
    public record Matched(Lattice lattice, Configurations data, MatchedMcrg.Form form) {

        public Matched {
            Objects.requireNonNull(lattice, "lattice");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(form, "form");
            if (data.size() == 0) {
                throw new IllegalArgumentException("the L/b ensemble of matched MCRG is empty");
            }
        }
    }

    private RuleFlowAnalysis() {
    }

    /**
     * Iterates and measures. The flow's streams come from {@code seed} as in {@link RuleFlow#iterate}; the information
     * measures' rule streams and bootstrap from mixes of it.
     *
     * @param tick run once per measurement made (one per step for the information, one per level for the couplings,
     *             one for MCRG), for a progress bar
     * @throws IllegalArgumentException if the data cannot be coarse-grained that often, or MCRG's bins exceed the
     *                                  samples
     */
    public static RuleFlowResult analyse(Lattice lattice, Configurations data, RuleLearner learner, Settings settings,
                                         long seed, Runnable tick) {
        return analyse(lattice, data, learner, settings, null, seed, tick);
    }

    /**
     * {@link #analyse} with matched-lattice MCRG beside the standard one: each level n ≥ 1 that MCRG reaches also gets
     * {@link MatchedMcrg}'s y<sub>t</sub> and y<sub>h</sub> from level n of this flow against level n − 1 of the flow's
     * rules replayed on {@code matched} (coarse-graining streams seeded {@code seed} + 1, as {@link MatchedMcrg#run}
     * and {@code rg mcrg --matched} do). One more tick, for the matched analysis.
     *
     * @param matched the L/b ensemble, or null for none
     * @throws IllegalArgumentException also if {@code matched} is given but MCRG is off or the flow's first level
     *                                  holds no spins, or its lattice is not the L lattice blocked once
     */
    public static RuleFlowResult analyse(Lattice lattice, Configurations data, RuleLearner learner, Settings settings,
                                         Matched matched, long seed, Runnable tick) {
        RuleFlow flow = RuleFlow.iterate(lattice, data, learner, settings.steps(), seed);
        return measure(flow, settings, matched, seed, tick);
    }

    /** The measurements of {@link #analyse} on a flow already iterated. */
    public static RuleFlowResult measure(RuleFlow flow, Settings settings, long seed, Runnable tick) {
        return measure(flow, settings, null, seed, tick);
    }

    /** The measurements of {@link #analyse} with an L/b ensemble ({@code matched}, or null) on an iterated flow. */
    public static RuleFlowResult measure(RuleFlow flow, Settings settings, Matched matched, long seed, Runnable tick) {
        int steps = flow.steps();
        List<Map<String, Estimate>> information = new ArrayList<>();
        for (int n = 0; n < steps; n++) {
            information.add(information(flow, n, settings, StageContext.mix(seed + 7919L * (n + 1))));
            tick.run();
        }
        int spinLevels = 0;
        while (spinLevels <= steps && flow.holdsSpins(spinLevels)) {
            spinLevels++;
        }
        List<Mcrg.Level> mcrg = List.of();
        if (spinLevels >= 2 && settings.even() != null && settings.odd() != null) {
            mcrg = Mcrg.analyse(flow.spins(spinLevels - 1), flow.lattices().subList(0, spinLevels), settings.even(),
                    settings.odd(), settings.bins());
        }
        tick.run();
        List<Mcrg.Level> matchedMcrg = List.of();
        if (matched != null) {
            if (mcrg.isEmpty()) {
                throw new IllegalArgumentException("matched MCRG needs MCRG operators and a flow of ±1 spins; the "
                        + (settings.even() == null ? "MCRG operators are off" : "flow's level 1 holds "
                        + flow.levels().get(1).degreesOfFreedom()));
            }
            MatchedMcrg.requireMatchingLattices(flow.lattices(), List.of(matched.lattice()));
            RuleFlow small = flow.replay(matched.lattice(), matched.data(), spinLevels - 2, seed + 1);
            matchedMcrg = MatchedMcrg.analyse(flow.spins(spinLevels - 1), flow.lattices().subList(0, spinLevels),
                    small.spins(spinLevels - 2), small.lattices(), settings.even(), settings.odd(), settings.bins(),
                    matched.form());
            tick.run();
        }
        List<RuleFlowResult.Level> levels = new ArrayList<>();
        for (int n = 0; n <= steps; n++) {
            Optional<Couplings> couplings = Optional.empty();
            if (n < spinLevels && settings.couplings() != null) {
                byte[][] spins = ((DiscreteConfigurations) flow.levels().get(n)).values();
                if (settings.couplingSamples() > 0 && settings.couplingSamples() < spins.length) {
                    spins = Arrays.copyOf(spins, settings.couplingSamples());
                }
                couplings = Optional.of(PseudoLikelihood.fit(spins, flow.lattices().get(n), settings.couplings(),
                        settings.couplingBlocks()));
            }
            tick.run();
            Estimate yT = NOT_MEASURED;
            Estimate yH = NOT_MEASURED;
            if (n >= 1 && n - 1 < mcrg.size()) {
                yT = mcrg.get(n - 1).yT();
                yH = mcrg.get(n - 1).yH();
            }
            Estimate matchedYT = NOT_MEASURED;
            Estimate matchedYH = NOT_MEASURED;
            if (n >= 1 && n - 1 < matchedMcrg.size()) {
                matchedYT = matchedMcrg.get(n - 1).yT();
                matchedYH = matchedMcrg.get(n - 1).yH();
            }
            levels.add(new RuleFlowResult.Level(n, flow.lattices().get(n).linearSize(), flow.scale(n),
                    n == 0 ? "" : flow.rules().get(n - 1).toString(), n == 0 ? Map.of() : information.get(n - 1),
                    couplings, yT, yH, matchedYT, matchedYH));
        }
        return new RuleFlowResult(flow.rules().get(0).toString(), levels);
    }

    /** The measures of step n (rule n on level n), empty if the block geometry does not fit level n's lattice. */
    private static Map<String, Estimate> information(RuleFlow flow, int n, Settings settings, long seed) {
        Lattice fine = flow.lattices().get(n);
        CoarseGraining rule = flow.rules().get(n);
        int b = (int) Math.round(rule.scaleFactor());
        if (b != rule.scaleFactor() || b + 2 * (settings.buffer() + settings.environment()) > fine.linearSize()
                || !(flow.levels().get(n) instanceof DiscreteConfigurations discrete)) {
            return Map.of();
        }
        RuleInformation measures = new RuleInformation(new DiscreteInformation(settings.estimator(),
                settings.resamples(), seed));
        BlockInformation.KeptInformation kept = measures.kept(fine, discrete, rule,
                new BlockGeometry(fine, b, settings.buffer(), settings.environment()), settings.positions(),
                settings.environmentCode(), StageContext.mix(seed));
        Map<String, Estimate> out = new LinkedHashMap<>();
        out.put("mi", kept.coarseEnvironment());
        out.put("mi_visible", kept.visibleEnvironment());
        out.put("kept_fraction", kept.keptFraction());
        out.put("loss", kept.lossGivenCoarse());
        return out;
    }
}
