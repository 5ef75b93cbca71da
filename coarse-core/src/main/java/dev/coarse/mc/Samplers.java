package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.List;

/** Creates samplers by their CLI name. */
public final class Samplers {

    private static final List<String> ISING = List.of("metropolis", "heatbath", "wolff", "sw");
    private static final List<String> POTTS = List.of("metropolis", "wolff");

    private Samplers() {
    }

    /** The sampler names valid for a model, in a fixed order. */
    public static List<String> names(Model model) {
        return model instanceof PottsModel ? POTTS : ISING;
    }

    /**
     * A new sampler for {@code model}.
     *
     * @throws IllegalArgumentException for an unknown name, a name not available for this model, or a
     *                                  cluster sampler with a non-zero field
     */
    public static Sampler create(String name, Model model) {
        if (name == null) {
            throw new IllegalArgumentException("sampler name is missing; valid for " + model.name() + ": "
                    + String.join(", ", names(model)));
        }
        if (model instanceof IsingModel ising) {
            switch (name) {
                case "metropolis":
                    return new CheckerboardMetropolis(ising);
                case "heatbath":
                    return new HeatBath(ising);
                case "wolff":
                    return new Wolff(ising);
                case "sw":
                    return new SwendsenWang(ising);
                default:
                    break;
            }
        } else if (model instanceof PottsModel potts) {
            switch (name) {
                case "metropolis":
                    return new PottsMetropolis(potts);
                case "wolff":
                    return new PottsWolff(potts);
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + name + "' for " + model.name() + "; valid: "
                + String.join(", ", names(model)));
    }
}
