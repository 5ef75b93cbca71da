package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.tensor.Scheme;
import dev.coarse.tensor.TensorRgSettings;

/**
 * The tensor stage: one tensor RG run at {@code temperature} with the Gu–Wen data of every step, and ln Z per site at
 * each of {@code temperatures} (the free energy curve, against Onsager for the 2D Ising model).
 *
 * @param scheme       trg, hotrg or btrg
 * @param chi          bond dimension
 * @param steps        RG steps on the infinite lattice
 * @param temperature  of the conformal run (usually T<sub>c</sub>)
 * @param temperatures of the free-energy curve, strictly increasing
 */
public record TensorSettings(Scheme scheme, int chi, int steps, double temperature, double[] temperatures)
        implements StageSettings {

    public TensorSettings {
        if (scheme == null || temperatures == null) {
            throw new IllegalArgumentException("the tensor stage needs a scheme and temperatures");
        }
        InvalidSettingException.between("chi", chi, 2, TensorRgSettings.MAX_CHI);
        InvalidSettingException.between("steps", steps, 1, TensorRgSettings.MAX_STEPS);
        InvalidSettingException.between("temperature", temperature, StudySpec.MIN_TEMPERATURE,
                StudySpec.MAX_TEMPERATURE);
        temperatures = SpecReading.positives("temperatures", temperatures);
        SpecReading.increasing("temperatures", temperatures, "must increase strictly");
    }

    /**
     * Bond-weighted TRG, χ = 16, 20 steps at T<sub>c</sub> (its conformal data stay on the fixed point longest); the
     * curve at T<sub>c</sub>·(0.8, 0.9, 1, 1.1, 1.2).
     */
    public static TensorSettings defaults(StudyModel model) {
        double tc = model.criticalPoint().criticalTemperature();
        return new TensorSettings(Scheme.BTRG, 16, 20, tc, new double[] {0.8 * tc, 0.9 * tc, tc, 1.1 * tc, 1.2 * tc});
    }

    static TensorSettings read(SpecSource s, StudyModel model) {
        TensorSettings d = defaults(model);
        Scheme scheme = SpecReading.choice(s, "scheme", d.scheme(), Scheme.class);
        int chi = SpecReading.integer(s, "chi", d.chi(), 2, TensorRgSettings.MAX_CHI);
        int steps = SpecReading.integer(s, "steps", d.steps(), 1, TensorRgSettings.MAX_STEPS);
        double temperature = SpecReading.temperature(s, d.temperature());
        double[] temperatures = SpecReading.positives(s, "temperatures", d.temperatures());
        return new TensorSettings(scheme, chi, steps, temperature, temperatures);
    }

    @Override
    public double[] temperatures() {
        return temperatures.clone();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("scheme", scheme.id());
        n.put("chi", chi);
        n.put("steps", steps);
        n.put("temperature", temperature);
        n.set("temperatures", Json.plainNumbers(temperatures));
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSettings t && t.toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
