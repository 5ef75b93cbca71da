package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.mc.SamplerKind;
import java.util.List;

/**
 * The energy stage: sample every (L, T) point.
 *
 * @param sampling     per point
 * @param sizes        linear sizes, each 2 to {@value StudySpec#MAX_LINEAR_SIZE}
 * @param temperatures finite and positive
 */
public record EnergySettings(Sampling sampling, List<Integer> sizes, double[] temperatures) implements StageSettings {

    public EnergySettings {
        if (sampling == null) {
            throw new IllegalArgumentException("the energy stage needs its sampling");
        }
        sizes = SpecReading.integers("sizes", sizes, 2, StudySpec.MAX_LINEAR_SIZE);
        temperatures = SpecReading.positives("temperatures", temperatures);
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** Sizes 16 and 32, 13 temperatures from 0.6 T<sub>c</sub> to 1.5 T<sub>c</sub>, Swendsen–Wang for Ising. */
    public static EnergySettings defaults(StudyModel model) {
        double tc = model.criticalPoint().criticalTemperature();
        return new EnergySettings(new Sampling(model.hasSpins() ? SamplerKind.SWENDSEN_WANG : SamplerKind.WOLFF, 2000, 200, 2, 2), List.of(16, 32),
                StudySpec.evenlySpaced(0.6 * tc, 1.5 * tc, 13));
    }

    static EnergySettings read(SpecSource s, StudyModel model) {
        EnergySettings d = defaults(model);
        Sampling sampling = Sampling.read(s, d.sampling(), model);
        List<Integer> sizes = SpecReading.integers(s, "sizes", d.sizes(), 2, StudySpec.MAX_LINEAR_SIZE);
        SpecReading.checked(s, () -> sizes.forEach(size -> StudySpec.checkSites("sizes", size, model.dimension())));
        double[] temperatures = SpecReading.positives(s, "temperatures", d.temperatures);
        return new EnergySettings(sampling, sizes, temperatures);
    }

    /** The model accepts the sampler and every size fits {@link StudySpec#MAX_SITES}. */
    @Override
    public void check(StudyModel model) {
        Sampling.checkSampler(sampling.sampler(), model);
        sizes.forEach(size -> StudySpec.checkSites("sizes", size, model.dimension()));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = sampling.toJson();
        n.set("sizes", Json.integers(sizes));
        n.set("temperatures", Json.plainNumbers(temperatures));
        return n;
    }
}
