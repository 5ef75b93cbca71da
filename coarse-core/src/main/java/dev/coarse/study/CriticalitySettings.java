package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.util.List;

/**
 * The criticality stage (issue 24): the BTW sandpile at each of {@code sizes} (avalanche-size distributions, Dhar's
 * exact mean topplings, the effective size exponent, moment scaling across the sizes) and the order-to-chaos phase
 * diagram of deep random networks. It does not use the study's model.
 *
 * @param sizes      sandpile sides L, each 4 … 512, at least one (two or more give the moment-scaling collapse)
 * @param grains     grains recorded per size after a burn-in of 2L² grains, 1000 … 10<sup>8</sup>
 * @param activation {@code tanh} or {@code relu}
 * @param sigmaB2    σ<sub>b</sub>² of the reported critical point, 0 … 4
 * @param grid       points per axis of the phase diagram, 4 … 100
 * @param maxSigmaW2 largest σ<sub>w</sub>² of the diagram, 0.5 … 10
 * @param maxSigmaB2 largest σ<sub>b</sub>² of the diagram, 0.01 … 4
 */
public record CriticalitySettings(List<Integer> sizes, int grains, String activation, double sigmaB2, int grid,
        double maxSigmaW2, double maxSigmaB2) implements StageSettings {

    /** The activations the stage offers. */
    public static final List<String> ACTIVATIONS = List.of("tanh", "relu");

    public CriticalitySettings {
        sizes = SpecReading.integers("sandpile_sizes", sizes, 4, 512);
        InvalidSettingException.between("grains", grains, 1000, 100_000_000);
        activation = SpecReading.choice("activation", activation, ACTIVATIONS);
        InvalidSettingException.between("sigma_b2", sigmaB2, 0, 4);
        InvalidSettingException.between("grid", grid, 4, 100);
        InvalidSettingException.between("max_sigma_w2", maxSigmaW2, 0.5, 10);
        InvalidSettingException.between("max_sigma_b2", maxSigmaB2, 0.01, 4);
    }

    /** Sandpiles of side 32 and 64 with 200,000 grains each; tanh, σ_b² = 0.05, a 24 × 24 diagram up to (4, 0.3). */
    public static CriticalitySettings defaults(StudyModel model) {
        return new CriticalitySettings(List.of(32, 64), 200_000, "tanh", 0.05, 24, 4, 0.3);
    }

    static CriticalitySettings read(SpecSource s, StudyModel model) {
        CriticalitySettings d = defaults(model);
        return new CriticalitySettings(SpecReading.integers(s, "sandpile_sizes", d.sizes(), 4, 512),
                SpecReading.integer(s, "grains", d.grains(), 1000, 100_000_000),
                SpecReading.choice(s, "activation", d.activation(), ACTIVATIONS),
                SpecReading.number(s, "sigma_b2", d.sigmaB2(), 0, 4),
                SpecReading.integer(s, "grid", d.grid(), 4, 100),
                SpecReading.number(s, "max_sigma_w2", d.maxSigmaW2(), 0.5, 10),
                SpecReading.number(s, "max_sigma_b2", d.maxSigmaB2(), 0.01, 4));
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.set("sandpile_sizes", Json.integers(sizes));
        n.put("grains", grains);
        n.put("activation", activation);
        n.put("sigma_b2", sigmaB2);
        n.put("grid", grid);
        n.put("max_sigma_w2", maxSigmaW2);
        n.put("max_sigma_b2", maxSigmaB2);
        return n;
    }
}
