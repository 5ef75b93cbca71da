package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.SamplerKind;
import dev.coarse.naming.Identified;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.RuleLearner;
import dev.coarse.rg.TieBreak;
import java.util.List;
import java.util.Locale;

/**
 * The RSMI stage: one ensemble at one temperature, coarse-grained by several rules — the learned RSMI filter beside
 * the majority rule and decimation — and each rule's flow measured level by level ({@link RsmiComparison}): the
 * information kept, the couplings, the MCRG exponents, and the rule's filter.
 *
 * @param sampling        of the one size
 * @param size            linear size of the fine lattice
 * @param temperature     where to sample (usually T<sub>c</sub>)
 * @param b               block size of every rule
 * @param levels          RG steps, at least 2 (MCRG's exponents converge with the level)
 * @param rules           the rules compared, in report order
 * @param ties            majority ties: the block's first site (deterministic, so H is a function of V) or a coin
 * @param buffer          buffer width between block and environment
 * @param environment     environment shell width
 * @param environmentCode how E enters the discrete estimators
 * @param estimator       the entropy estimator
 * @param resamples       bootstrap resamples
 * @param evenOperators   MCRG even operators kept
 * @param oddOperators    MCRG odd operators kept
 * @param bins            MCRG jackknife bins
 * @param couplings       operators of the pseudo-likelihood fit of each level
 * @param couplingSamples configurations fitted per level (0: all)
 */
public record RsmiSettings(Sampling sampling, int size, double temperature, int b, int levels, List<Rule> rules,
                           TieBreak ties, int buffer, int environment, RuleInformation.Environment environmentCode,
                           InfoSettings.Estimator estimator, int resamples, int evenOperators, int oddOperators,
                           int bins, List<String> couplings, int couplingSamples) implements StageSettings {

    /** The rules a spec names. */
    public enum Rule implements Identified {
        /** The RSMI filter learned on the data (coarse-learn); skipped, with a note, where none is available. */
        LEARNED,
        MAJORITY,
        DECIMATION
    }

    public static final int MAX_LEVELS = 10;
    public static final int MAX_COUPLING_SAMPLES = 1_000_000;

    public RsmiSettings {
        if (sampling == null || rules == null || ties == null || environmentCode == null || estimator == null
                || couplings == null) {
            throw new IllegalArgumentException("the rsmi stage needs its sampling, rules, ties, code, estimator and"
                    + " couplings");
        }
        rules = List.copyOf(rules);
        couplings = List.copyOf(couplings);
        InvalidSettingException.between("size", size, 4, StudySpec.MAX_LINEAR_SIZE);
        InvalidSettingException.between("temperature", temperature, StudySpec.MIN_TEMPERATURE,
                StudySpec.MAX_TEMPERATURE);
        InvalidSettingException.between("b", b, 2, Coarsening.MAX_B);
        InvalidSettingException.between("levels", levels, 2, MAX_LEVELS);
        if (rules.isEmpty() || rules.stream().distinct().count() != rules.size()) {
            throw new InvalidSettingException("rules", "must name each rule at most once and at least one, got "
                    + rules.stream().map(Rule::id).toList());
        }
        InvalidSettingException.between("buffer", buffer, 0, InfoSettings.MAX_SHELL);
        InvalidSettingException.between("environment", environment, 1, InfoSettings.MAX_SHELL);
        InvalidSettingException.between("resamples", resamples, 2, InfoSettings.MAX_RESAMPLES);
        InvalidSettingException.between("even_operators", evenOperators, 1, Integer.MAX_VALUE);
        InvalidSettingException.between("odd_operators", oddOperators, 1, Integer.MAX_VALUE);
        InvalidSettingException.between("bins", bins, 2, McrgSettings.MAX_BINS);
        InvalidSettingException.between("coupling_samples", couplingSamples, 0, MAX_COUPLING_SAMPLES);
    }

    /**
     * L = 64 at T<sub>c</sub>, 4,000 Wolff configurations, three steps of b = 2 for the learned filter, majority
     * (first-site ties) and decimation; the environment's sum at the rule's own blocks; 4 even and 2 odd MCRG
     * operators; nn, nnn and plaquette couplings on 1,000 configurations per level.
     */
    public static RsmiSettings defaults(StudyModel model) {
        return new RsmiSettings(new Sampling(SamplerKind.WOLFF, 20_000, 1000, 10, 2), 64,
                model.criticalPoint().criticalTemperature(), 2, 3, List.of(Rule.values()), TieBreak.FIXED_SITE, 0, 1,
                RuleInformation.Environment.SUM, InfoSettings.Estimator.MILLER_MADOW, 50, 4, 2, 20,
                List.of("nn", "nnn", "plaquette"), 1000);
    }

    /** Reads the stage's section of a spec (keys as {@link #toJson()} writes them). */
    public static RsmiSettings read(SpecSource s, StudyModel model) {
        RsmiSettings d = defaults(model);
        int dimension = model.dimension();
        Sampling sampling = Sampling.read(s, d.sampling(), model);
        int size = SpecReading.integer(s, "size", d.size(), 4, StudySpec.MAX_LINEAR_SIZE);
        double temperature = SpecReading.temperature(s, d.temperature());
        int b = SpecReading.integer(s, "b", d.b(), 2, Coarsening.MAX_B);
        int levels = SpecReading.integer(s, "levels", d.levels(), 2, MAX_LEVELS);
        List<Rule> rules = SpecReading.reported(s, () -> s.strings("rules").map(ids -> ids.stream()
                .map(id -> SpecReading.choice("rules", id, Rule.class)).toList()).orElse(d.rules()));
        String ties = SpecReading.choice(s, "ties", tiesId(d.ties()), List.of("fixed", "coin"));
        int buffer = SpecReading.integer(s, "buffer", d.buffer(), 0, InfoSettings.MAX_SHELL);
        int environment = SpecReading.integer(s, "environment", d.environment(), 1, InfoSettings.MAX_SHELL);
        String code = SpecReading.choice(s, "environment_code", codeId(d.environmentCode()),
                List.of("sum", "staggered", "pattern"));
        InfoSettings.Estimator estimator = SpecReading.choice(s, "estimator", d.estimator(),
                InfoSettings.Estimator.class);
        int resamples = SpecReading.integer(s, "resamples", d.resamples(), 2, InfoSettings.MAX_RESAMPLES);
        int even = SpecReading.integer(s, "even_operators", d.evenOperators(), 1,
                OperatorSet.standardEven(dimension).size());
        int odd = SpecReading.integer(s, "odd_operators", d.oddOperators(), 1,
                OperatorSet.standardOdd(dimension).size());
        int bins = SpecReading.integer(s, "bins", d.bins(), 2, McrgSettings.MAX_BINS);
        List<String> couplings = s.strings("couplings").orElse(d.couplings());
        int couplingSamples = SpecReading.integer(s, "coupling_samples", d.couplingSamples(), 0,
                MAX_COUPLING_SAMPLES);
        return new RsmiSettings(sampling, size, temperature, b, levels, rules,
                ties.equals("fixed") ? TieBreak.FIXED_SITE : TieBreak.COIN, buffer, environment,
                RuleInformation.Environment.valueOf(code.toUpperCase(Locale.ROOT)), estimator, resamples, even, odd,
                bins, couplings, couplingSamples);
    }

    private static String tiesId(TieBreak ties) {
        return ties == TieBreak.FIXED_SITE ? "fixed" : "coin";
    }

    private static String codeId(RuleInformation.Environment code) {
        return code.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void check(StudyModel model) {
        int dimension = model.dimension();
        Sampling.checkSampler(sampling.sampler(), model);
        StudySpec.checkSites("size", size, dimension);
        InvalidSettingException.between("even_operators", evenOperators, 1, OperatorSet.standardEven(dimension).size());
        InvalidSettingException.between("odd_operators", oddOperators, 1, OperatorSet.standardOdd(dimension).size());
        try {
            OperatorSet.of(dimension, couplings.toArray(String[]::new));
        } catch (IllegalArgumentException ex) {
            throw new InvalidSettingException("couplings", ex.getMessage());
        }
    }

    /** The steps fit the lattice; the last step's lattice holds the block geometry; the coarsest the operators. */
    @Override
    public void checkRunnable(StudyModel model) {
        int dimension = model.dimension();
        Coarsening steps = new Coarsening(Coarsening.Rule.MAJORITY, b, levels);
        steps.checkLevels("size", List.of(size), dimension);
        steps.checkOperators(List.of(size), dimension, even(dimension));
        steps.checkOperators(List.of(size), dimension, odd(dimension));
        steps.checkOperators(List.of(size), dimension, OperatorSet.of(dimension, couplings.toArray(String[]::new)));
        int last = size;
        for (int n = 1; n < levels; n++) {
            last /= b;
        }
        int span = b + 2 * (buffer + environment);
        if (span > last) {
            throw new InvalidSettingException("levels", "at level " + levels + " the lattice blocked has L = " + last
                    + ", smaller than the block, buffer and environment span b + 2(buffer + environment) = " + span);
        }
        if (sampling.samples() < bins) {
            throw new InvalidSettingException("sweeps", "gives " + sampling.samples()
                    + " samples (chains × sweeps / thin), fewer than bins = " + bins);
        }
    }

    /** The even MCRG operators of a d-dimensional lattice. */
    public OperatorSet even(int dimension) {
        return OperatorSet.standardEven(dimension).truncate(evenOperators);
    }

    /** The odd MCRG operators of a d-dimensional lattice. */
    public OperatorSet odd(int dimension) {
        return OperatorSet.standardOdd(dimension).truncate(oddOperators);
    }

    /** The fixed rules of the comparison as learners; the learned one comes from the stage that runs it. */
    public RuleLearner fixedRule(Rule rule) {
        return switch (rule) {
            case MAJORITY -> RuleLearner.fixed(new MajorityRule(b, ties));
            case DECIMATION -> RuleLearner.fixed(new dev.coarse.rg.Decimation(b));
            case LEARNED -> throw new IllegalArgumentException("the learned rule is not a fixed rule");
        };
    }

    /** What {@link RuleFlowAnalysis} measures for these settings on a d-dimensional lattice. */
    public RuleFlowAnalysis.Settings analysis(int dimension) {
        return new RuleFlowAnalysis.Settings(levels, buffer, environment, environmentCode,
                RuleInformation.Positions.BLOCKS, estimator.create(), resamples, even(dimension), odd(dimension), bins,
                OperatorSet.of(dimension, couplings.toArray(String[]::new)), couplingSamples, 20);
    }

    /** The lattice of the data. */
    public Lattice lattice(int dimension) {
        return Lattice.of(dimension, size);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = sampling.toJson();
        n.put("size", size);
        n.put("temperature", temperature);
        n.put("b", b);
        n.put("levels", levels);
        n.set("rules", Json.strings(rules.stream().map(Rule::id).toList()));
        n.put("ties", tiesId(ties));
        n.put("buffer", buffer);
        n.put("environment", environment);
        n.put("environment_code", codeId(environmentCode));
        n.put("estimator", estimator.id());
        n.put("resamples", resamples);
        n.put("even_operators", evenOperators);
        n.put("odd_operators", oddOperators);
        n.put("bins", bins);
        n.set("couplings", Json.strings(couplings));
        n.put("coupling_samples", couplingSamples);
        return n;
    }
}
