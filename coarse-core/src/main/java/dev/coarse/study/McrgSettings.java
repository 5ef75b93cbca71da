package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.mc.SamplerKind;
import dev.coarse.rg.OperatorSet;
import java.util.List;

/**
 * The MCRG stage: sample each size at one temperature and block it {@code rule.levels()} times.
 *
 * @param sampling       per size
 * @param sizes          linear sizes, each divisible by b often enough for the levels
 * @param temperature    where the RG is linearised (usually T<sub>c</sub>)
 * @param rule           the blocking rule and depth
 * @param evenOperators  how many of the standard even operators ({@link OperatorSet#standardEven}) give y<sub>t</sub>
 * @param oddOperators   how many of the standard odd operators give y<sub>h</sub>
 * @param bins           jackknife bins, 2 to {@value #MAX_BINS}
 */
public record McrgSettings(Sampling sampling, List<Integer> sizes, double temperature, Coarsening rule,
                           int evenOperators, int oddOperators, int bins) implements StageSettings {

    public static final int MAX_BINS = 1000;

    public McrgSettings {
        if (sampling == null || rule == null) {
            throw new IllegalArgumentException("the MCRG stage needs its sampling and rule");
        }
        sizes = SpecReading.integers("sizes", sizes, 2, StudySpec.MAX_LINEAR_SIZE);
        InvalidSettingException.between("temperature", temperature, StudySpec.MIN_TEMPERATURE,
                StudySpec.MAX_TEMPERATURE);
        InvalidSettingException.between("even_operators", evenOperators, 1, Integer.MAX_VALUE);
        InvalidSettingException.between("odd_operators", oddOperators, 1, Integer.MAX_VALUE);
        InvalidSettingException.between("bins", bins, 2, MAX_BINS);
    }

    /** Sizes 64 and 128 at T<sub>c</sub>, Wolff, three majority steps of b = 2, 4 even and 2 odd operators. */
    public static McrgSettings defaults(StudyModel model) {
        return new McrgSettings(new Sampling(SamplerKind.WOLFF, 20_000, 1000, 10, 2), List.of(64, 128),
                model.criticalPoint().criticalTemperature(), new Coarsening(Coarsening.Rule.MAJORITY, 2, 3), 4, 2, 20);
    }

    static McrgSettings read(SpecSource s, StudyModel model) {
        McrgSettings d = defaults(model);
        int dimension = model.dimension();
        Sampling sampling = Sampling.read(s, d.sampling(), model);
        List<Integer> sizes = SpecReading.integers(s, "sizes", d.sizes(), 2, StudySpec.MAX_LINEAR_SIZE);
        SpecReading.checked(s, () -> sizes.forEach(size -> StudySpec.checkSites("sizes", size, dimension)));
        double temperature = SpecReading.temperature(s, d.temperature());
        Coarsening rule = Coarsening.read(s, d.rule(), true);
        int even = SpecReading.integer(s, "even_operators", d.evenOperators(), 1,
                OperatorSet.standardEven(dimension).size());
        int odd = SpecReading.integer(s, "odd_operators", d.oddOperators(), 1,
                OperatorSet.standardOdd(dimension).size());
        int bins = SpecReading.integer(s, "bins", d.bins(), 2, MAX_BINS);
        return new McrgSettings(sampling, sizes, temperature, rule, even, odd, bins);
    }

    @Override
    public void check(StudyModel model) {
        int dimension = model.dimension();
        Sampling.checkSampler(sampling.sampler(), model);
        sizes.forEach(size -> StudySpec.checkSites("sizes", size, dimension));
        InvalidSettingException.between("even_operators", evenOperators, 1, OperatorSet.standardEven(dimension).size());
        InvalidSettingException.between("odd_operators", oddOperators, 1, OperatorSet.standardOdd(dimension).size());
    }

    /** The blocking fits every size and leaves room for the operators; enough samples for the bins. */
    @Override
    public void checkRunnable(StudyModel model) {
        int dimension = model.dimension();
        rule.checkLevels("sizes", sizes, dimension);
        rule.checkOperators(sizes, dimension, even(dimension));
        rule.checkOperators(sizes, dimension, odd(dimension));
        if (sampling.samples() < bins) {
            throw new InvalidSettingException("sweeps", "gives " + sampling.samples()
                    + " samples (chains × sweeps / thin), fewer than bins = " + bins);
        }
    }

    /** The even operators of a d-dimensional lattice. */
    OperatorSet even(int dimension) {
        return OperatorSet.standardEven(dimension).truncate(evenOperators);
    }

    /** The odd operators of a d-dimensional lattice. */
    OperatorSet odd(int dimension) {
        return OperatorSet.standardOdd(dimension).truncate(oddOperators);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = sampling.toJson();
        n.set("sizes", Json.integers(sizes));
        n.put("temperature", temperature);
        rule.putInto(n, true);
        n.put("even_operators", evenOperators);
        n.put("odd_operators", oddOperators);
        n.put("bins", bins);
        return n;
    }
}
