package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.List;

/**
 * Creates samplers by their CLI name.
 *
 * <p>Two kinds of names: the per-configuration {@link Sampler}s ({@link #configurationSamplers}) and
 * {@value #MULTISPIN}, the 64-replica {@link MultispinMetropolis} kernel, which is not a {@code Sampler}
 * (it updates 64 configurations at once) and is run only through {@link ChainRunner#run} (zero-field Ising,
 * even L), on the square lattice with blocks of eight sites ({@link MultispinMetropolis.Width#WIDE});
 * {@value #MULTISPIN_NARROW} is the same kernel with blocks of four ({@link MultispinMetropolis.Width#NARROW}, square
 * lattice only), the chain {@value #MULTISPIN} gave before 2026-11-24.
 */
public final class Samplers {

    /**
     * The name of the 64-replica multi-spin-coded Metropolis kernel, of the lattice's default width
     * ({@link MultispinMetropolis.Width#defaultFor}).
     */
    public static final String MULTISPIN = "multispin";
    /** The same kernel updating four sites at a time on the square lattice ({@link MultispinMetropolis.Width#NARROW}). */
    public static final String MULTISPIN_NARROW = "multispin-narrow";

    private static final List<String> ISING = List.of("metropolis", "heatbath", "wolff", "sw");
    private static final List<String> ISING_WITH_MULTISPIN = List.of("metropolis", "heatbath", "wolff", "sw",
            MULTISPIN);
    private static final List<String> SQUARE_ISING_WITH_MULTISPIN = List.of("metropolis", "heatbath", "wolff", "sw",
            MULTISPIN, MULTISPIN_NARROW);
    private static final List<String> POTTS = List.of("metropolis", "wolff");

    private Samplers() {
    }

    /**
     * Every sampler name {@link ChainRunner#run} accepts for a model, in a fixed order: the
     * {@link #configurationSamplers}, plus {@value #MULTISPIN} for the zero-field Ising model on an even
     * lattice, and {@value #MULTISPIN_NARROW} when that lattice is square.
     */
    public static List<String> names(Model model) {
        if (model instanceof IsingModel ising && ising.field() == 0.0 && ising.lattice().isBipartite()) {
            return ising.lattice().dimension() == 2 ? SQUARE_ISING_WITH_MULTISPIN : ISING_WITH_MULTISPIN;
        }
        return configurationSamplers(model);
    }

    /** Whether {@code name} is one of the 64-replica kernels ({@value #MULTISPIN}, {@value #MULTISPIN_NARROW}). */
    public static boolean isMultispin(String name) {
        return MULTISPIN.equals(name) || MULTISPIN_NARROW.equals(name);
    }

    /**
     * The block width a multi-spin sampler name stands for on {@code lattice}.
     *
     * @throws IllegalArgumentException if {@code name} is not a multi-spin sampler
     */
    public static MultispinMetropolis.Width multispinWidth(String name, Lattice lattice) {
        if (MULTISPIN.equals(name)) {
            return MultispinMetropolis.Width.defaultFor(lattice);
        }
        if (MULTISPIN_NARROW.equals(name)) {
            return MultispinMetropolis.Width.NARROW;
        }
        throw new IllegalArgumentException("not a multi-spin sampler: " + name);
    }

    /** The names {@link #create} accepts for a model (per-configuration samplers), in a fixed order. */
    public static List<String> configurationSamplers(Model model) {
        return model instanceof PottsModel ? POTTS : ISING;
    }

    /**
     * Checks that {@code name} can run on {@code model} through {@link ChainRunner#run}.
     *
     * @throws IllegalArgumentException for an unknown name, a name not available for this model, a cluster
     *                                  or multispin sampler with a non-zero field, or multispin on odd L
     */
    public static void validate(String name, Model model) {
        if (isMultispin(name)) {
            if (!(model instanceof IsingModel ising)) {
                throw new IllegalArgumentException("the " + name + " sampler is for the Ising model only, not "
                        + model.name() + "; valid: " + String.join(", ", names(model)));
            }
            if (ising.field() != 0.0) {
                throw new IllegalArgumentException("the " + name + " sampler needs field h = 0, got h = "
                        + ising.field() + "; use metropolis or heatbath in a field");
            }
            if (!ising.lattice().isBipartite()) {
                throw new IllegalArgumentException("the " + name
                        + " sampler needs an even lattice size (checkerboard), got L = " + ising.lattice().linearSize());
            }
            if (MULTISPIN_NARROW.equals(name) && ising.lattice().dimension() != 2) {
                throw new IllegalArgumentException("the multispin-narrow sampler is for the square lattice only, got "
                        + ising.lattice().dimension() + "D; use multispin");
            }
            return;
        }
        create(name, model);
    }

    /**
     * A new per-configuration sampler for {@code model} (any of {@link #configurationSamplers}).
     *
     * @throws IllegalArgumentException for an unknown name, a name not available for this model, or a
     *                                  cluster sampler with a non-zero field, or {@value #MULTISPIN}
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
        if (isMultispin(name)) {
            throw new IllegalArgumentException(name + " updates 64 replicas at once and is not a per-configuration"
                    + " Sampler: run it through ChainRunner (RunSpec sampler \"" + name + "\")");
        }
        throw new IllegalArgumentException("unknown sampler '" + name + "' for " + model.name() + "; valid: "
                + String.join(", ", names(model)));
    }
}
