package dev.coarse.study;

import dev.coarse.mc.SamplerKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.util.List;

/**
 * The Binder stage: one chain per (L, T) point ({@link BinderScan}).
 *
 * @param sampler      a sampler kind the model accepts
 * @param sweeps       measured sweep-equivalents per point, {@value BinderScan#BLOCKS} (the jackknife blocks) to
 *                     {@value Sampling#MAX_SWEEPS}
 * @param thermalize   discarded sweep-equivalents per point, {@value BinderScan#MIN_THERMALIZE} to
 *                     {@value Sampling#MAX_SWEEPS}
 * @param sizes        linear sizes, strictly increasing (at least two for a run)
 * @param temperatures strictly increasing, finite and positive (at least four for a run)
 */
public record BinderSettings(SamplerKind sampler, int sweeps, int thermalize, List<Integer> sizes, double[] temperatures)
        implements StageSettings {

    public BinderSettings {
        if (sampler == null) {
            throw new InvalidSettingException("sampler", "must name a sampler");
        }
        InvalidSettingException.between("sweeps", sweeps, BinderScan.BLOCKS, Sampling.MAX_SWEEPS);
        InvalidSettingException.between("thermalize", thermalize, BinderScan.MIN_THERMALIZE, Sampling.MAX_SWEEPS);
        sizes = SpecReading.integers("sizes", sizes, 2, StudySpec.MAX_LINEAR_SIZE);
        temperatures = SpecReading.positives("temperatures", temperatures);
        for (int k = 1; k < sizes.size(); k++) {
            if (sizes.get(k) <= sizes.get(k - 1)) {
                throw new InvalidSettingException("sizes", "must increase strictly, got " + sizes);
            }
        }
        SpecReading.increasing("temperatures", temperatures, "must increase strictly");
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    /** Sizes 8, 16, 32 on 9 temperatures over T<sub>c</sub> ± 3 %, Wolff, 4000 measured sweep-equivalents. */
    public static BinderSettings defaults(StudyModel model) {
        double tc = model.criticalPoint().criticalTemperature();
        return new BinderSettings(SamplerKind.WOLFF, 4000, 400, List.of(8, 16, 32),
                StudySpec.evenlySpaced(0.97 * tc, 1.03 * tc, 9));
    }

    static BinderSettings read(SpecSource s, StudyModel model) {
        BinderSettings d = defaults(model);
        SamplerKind sampler = Sampling.sampler(s, d.sampler(), model);
        int sweeps = (int) SpecReading.integer(s, "sweeps", d.sweeps(), BinderScan.BLOCKS, Sampling.MAX_SWEEPS);
        int thermalize = (int) SpecReading.integer(s, "thermalize", d.thermalize(), BinderScan.MIN_THERMALIZE,
                Sampling.MAX_SWEEPS);
        List<Integer> sizes = SpecReading.integers(s, "sizes", d.sizes(), 2, StudySpec.MAX_LINEAR_SIZE);
        SpecReading.checked(s, () -> sizes.forEach(size -> StudySpec.checkSites("sizes", size, model.dimension())));
        double[] temperatures = SpecReading.positives(s, "temperatures", d.temperatures);
        return new BinderSettings(sampler, sweeps, thermalize, sizes, temperatures);
    }

    @Override
    public void check(StudyModel model) {
        Sampling.checkSampler(sampler, model);
        sizes.forEach(size -> StudySpec.checkSites("sizes", size, model.dimension()));
    }

    /** Crossings need two sizes, and the smoothing of U(T) four temperatures. */
    @Override
    public void checkRunnable(StudyModel model) {
        if (sizes.size() < 2) {
            throw new InvalidSettingException("sizes", "Binder crossings need at least two sizes");
        }
        if (temperatures.length < 4) {
            throw new InvalidSettingException("temperatures",
                    "Binder crossings need at least four temperatures (cubic interpolation)");
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("sampler", sampler.id());
        n.put("sweeps", (long) sweeps);
        n.put("thermalize", (long) thermalize);
        n.set("sizes", Json.integers(sizes));
        n.set("temperatures", Json.plainNumbers(temperatures));
        return n;
    }
}
