package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.SamplerKind;
import dev.coarse.naming.Identified;
import dev.coarse.rg.BlockPatternRule;
import dev.coarse.rg.Coarsener;
import java.util.List;
import java.util.Locale;

/**
 * The information stage: sample one size at one temperature, block it, and at every RG step measure what the coarse
 * spin keeps of the information its block has about the block's surroundings.
 *
 * @param sampling        of the one size
 * @param size            linear size of the fine lattice
 * @param temperature     where to sample (usually T<sub>c</sub>)
 * @param rule            the blocking rule and the number of RG steps measured
 * @param buffer          width of the shell between block and environment, 0 to {@value #MAX_SHELL}
 * @param environment     width of the environment shell, 1 to {@value #MAX_SHELL}
 * @param environmentCode how the environment enters the histograms: its sum (a lower bound) or its full pattern
 * @param estimator       the entropy estimator
 * @param resamples       bootstrap resamples for the errors, 2 to {@value #MAX_RESAMPLES}
 */
public record InfoSettings(Sampling sampling, int size, double temperature, Coarsening rule, int buffer,
                           int environment, BlockInformation.EnvironmentCode environmentCode, Estimator estimator,
                           int resamples) implements StageSettings {

    public static final int MAX_SHELL = 64;
    public static final int MAX_RESAMPLES = 10_000;
    /** Most sites of block, buffer and environment for the full-pattern code. */
    public static final int MAX_PATTERN_SITES = 62;

    /** The entropy estimators, by their names in a spec. */
    public enum Estimator implements Identified {
        PLUGIN, MILLER_MADOW, NSB;

        public EntropyEstimator create() {
            return EntropyEstimator.named(id());
        }
    }

    public InfoSettings {
        if (sampling == null || rule == null || environmentCode == null || estimator == null) {
            throw new IllegalArgumentException("the information stage needs its sampling, rule, code and estimator");
        }
        InvalidSettingException.between("size", size, 2, StudySpec.MAX_LINEAR_SIZE);
        InvalidSettingException.between("temperature", temperature, StudySpec.MIN_TEMPERATURE,
                StudySpec.MAX_TEMPERATURE);
        InvalidSettingException.between("buffer", buffer, 0, MAX_SHELL);
        InvalidSettingException.between("environment", environment, 1, MAX_SHELL);
        InvalidSettingException.between("resamples", resamples, 2, MAX_RESAMPLES);
    }

    /** L = 32 at T<sub>c</sub>, Wolff, two majority steps of b = 2, the environment's sum, Miller–Madow. */
    public static InfoSettings defaults(StudyModel model) {
        return new InfoSettings(new Sampling(SamplerKind.WOLFF, 2000, 200, 10, 2), 32,
                model.criticalPoint().criticalTemperature(), new Coarsening(Coarsening.Rule.MAJORITY, 2, 2), 0, 1,
                BlockInformation.EnvironmentCode.SUM, Estimator.MILLER_MADOW, 50);
    }

    static InfoSettings read(SpecSource s, StudyModel model) {
        InfoSettings d = defaults(model);
        Sampling sampling = Sampling.read(s, d.sampling(), model);
        int size = SpecReading.integer(s, "size", d.size(), 2, StudySpec.MAX_LINEAR_SIZE);
        double temperature = SpecReading.temperature(s, d.temperature());
        Coarsening rule = Coarsening.read(s, d.rule(), true);
        int buffer = SpecReading.integer(s, "buffer", d.buffer(), 0, MAX_SHELL);
        int environment = SpecReading.integer(s, "environment", d.environment(), 1, MAX_SHELL);
        String code = SpecReading.choice(s, "environment_code", codeId(d.environmentCode()), List.of("sum", "pattern"));
        Estimator estimator = SpecReading.choice(s, "estimator", d.estimator(), Estimator.class);
        int resamples = SpecReading.integer(s, "resamples", d.resamples(), 2, MAX_RESAMPLES);
        return new InfoSettings(sampling, size, temperature, rule, buffer, environment,
                BlockInformation.EnvironmentCode.valueOf(code.toUpperCase(Locale.ROOT)), estimator,
                resamples);
    }

    private static String codeId(BlockInformation.EnvironmentCode code) {
        return code.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void check(StudyModel model) {
        Sampling.checkSampler(sampling.sampler(), model);
    }

    /** The steps fit the lattice, and the last step's lattice holds a block with its buffer and environment. */
    @Override
    public void checkRunnable(StudyModel model) {
        int dimension = model.dimension();
        rule.checkLevels("size", List.of(size), dimension);
        StudySpec.checkSites("size", size, dimension);
        int last = Coarsener.lattices(Lattice.of(dimension, size), rule.build(), rule.levels() - 1)
                .get(rule.levels() - 1).linearSize();
        if (Math.pow(rule.b(), dimension) > BlockPatternRule.MAX_BLOCK_SITES) {
            throw new InvalidSettingException("b", "blocks of b^d = " + (long) Math.pow(rule.b(), dimension)
                    + " sites are more than the " + BlockPatternRule.MAX_BLOCK_SITES
                    + " whose patterns the information measures tabulate");
        }
        int span = rule.b() + 2 * (buffer + environment);
        if (span > last) {
            throw new InvalidSettingException("levels", "at level " + rule.levels() + " the lattice has L = " + last
                    + ", smaller than the block, buffer and environment span b + 2(buffer + environment) = " + span);
        }
        if (environmentCode == BlockInformation.EnvironmentCode.PATTERN
                && Math.pow(span, dimension) > MAX_PATTERN_SITES) {
            throw new InvalidSettingException("environment_code",
                    "'pattern' needs fewer than 62 sites in block, buffer and shell; use 'sum'");
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = sampling.toJson();
        n.put("size", size);
        n.put("temperature", temperature);
        rule.putInto(n, true);
        n.put("buffer", buffer);
        n.put("environment", environment);
        n.put("environment_code", codeId(environmentCode));
        n.put("estimator", estimator.id());
        n.put("resamples", resamples);
        return n;
    }
}
