package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.FieldModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.naming.Identified;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The Monte Carlo samplers a run can use. A kind knows on which models it runs ({@link #validate}), builds its
 * sampler ({@link #create}) and the groups of chains {@link ChainRunner} advances ({@link #chainGroup}), so no caller
 * decides anything by a sampler's name.
 *
 * <p>Two families: the per-configuration {@link Sampler}s ({@link #METROPOLIS}, {@link #HEAT_BATH}, {@link #WOLFF},
 * {@link #SWENDSEN_WANG}), a chain being one configuration; and the 64-replica multi-spin kernel
 * {@link MultispinMetropolis} ({@link #MULTISPIN}, {@link #MULTISPIN_NARROW}: zero-field Ising, even L), a group of
 * 64 chains updated at once. Close-packed dimers have one kind, the {@link #WORM}. Field models ({@link FieldModel})
 * have {@link #HMC} and a local {@link #METROPOLIS}, run by {@link FieldChainRunner} rather than {@link ChainRunner}.
 *
 * <p>The {@link #id()} is what ensemble files (HDF5 attribute {@code sampler}) and checkpoint manifests record, and
 * what the command line accepts; ids never change, since old files and checkpoints hold them.
 */
public enum SamplerKind implements Identified {

    /**
     * {@link CheckerboardMetropolis} (Ising), {@link PottsMetropolis} (Potts) or, for a {@link FieldModel}, the local
     * {@link FieldMetropolis}.
     */
    METROPOLIS("metropolis"),
    /** {@link HeatBath} (Ising). */
    HEAT_BATH("heatbath"),
    /** {@link Wolff} (Ising, h = 0) or {@link PottsWolff} (Potts). */
    WOLFF("wolff"),
    /** {@link SwendsenWang} (Ising, h = 0). */
    SWENDSEN_WANG("sw"),
    /**
     * {@link MultispinMetropolis} of the lattice's default block width ({@link MultispinMetropolis.Width#defaultFor}:
     * eight sites on the square lattice); zero-field Ising on an even lattice.
     */
    MULTISPIN("multispin"),
    /**
     * {@link MultispinMetropolis} with blocks of four sites ({@link MultispinMetropolis.Width#NARROW}), square lattice
     * only: the chain {@link #MULTISPIN} gave before 2026-11-24.
     */
    MULTISPIN_NARROW("multispin-narrow"),
    /** {@link DimerWorm}: the worm of close-packed dimers ({@link DimerModel}), for every v and T. */
    WORM("worm"),
    /** {@link HybridMonteCarlo}: leapfrog trajectories of a {@link FieldModel} (φ⁴, complex φ⁴). */
    HMC("hmc");

    private static final List<SamplerKind> ISING = List.of(METROPOLIS, HEAT_BATH, WOLFF, SWENDSEN_WANG);
    private static final List<SamplerKind> ISING_WITH_MULTISPIN = List.of(METROPOLIS, HEAT_BATH, WOLFF, SWENDSEN_WANG,
            MULTISPIN);
    private static final List<SamplerKind> SQUARE_ISING_WITH_MULTISPIN = List.of(METROPOLIS, HEAT_BATH, WOLFF,
            SWENDSEN_WANG, MULTISPIN, MULTISPIN_NARROW);
    private static final List<SamplerKind> POTTS = List.of(METROPOLIS, WOLFF);
    private static final List<SamplerKind> DIMERS = List.of(WORM);
    private static final List<SamplerKind> FIELDS = List.of(HMC, METROPOLIS);

    private final String id;

    SamplerKind(String id) {
        this.id = id;
    }

    /**
     * The name files, checkpoints and the command line use: "metropolis", "heatbath", "wolff", "sw", "multispin", …
     * (written out, since "heatbath" and "sw" are not the constants' names).
     */
    @Override
    public String id() {
        return id;
    }

    /**
     * The kind with this id, checked only for being known (see {@link #validate} for the model).
     *
     * @throws IllegalArgumentException for an unknown id or null, naming the kinds available for {@code model}
     */
    public static SamplerKind forId(String id, Model model) {
        if (id == null) {
            throw new IllegalArgumentException("sampler name is missing; valid for " + model.name() + ": "
                    + ids(available(model)));
        }
        return Identified.find(SamplerKind.class, id).orElseThrow(() -> unknown(id, model));
    }

    /**
     * The kind with this id for a field model.
     *
     * @throws IllegalArgumentException for an unknown id, null, or a kind that does not sample fields, naming the
     *                                  field kinds
     */
    public static SamplerKind forId(String id, FieldModel model) {
        SamplerKind kind = id == null ? null : Identified.find(SamplerKind.class, id).orElse(null);
        if (kind == null || !FIELDS.contains(kind)) {
            throw new IllegalArgumentException((id == null ? "sampler name is missing" : "unknown sampler '" + id
                    + "' for " + model.name()) + "; valid for " + model.name() + ": " + ids(FIELDS));
        }
        return kind;
    }

    /** The kinds that sample a field model ({@link FieldChainRunner}): {@link #HMC}, {@link #METROPOLIS}. */
    public static List<SamplerKind> available(FieldModel model) {
        return FIELDS;
    }

    /**
     * The acceptance a field sampler of this kind tunes its step to by default: 0.8 for HMC, 0.5 for local
     * Metropolis.
     *
     * @throws IllegalArgumentException for a kind that does not sample fields
     */
    public double defaultTargetAcceptance() {
        return switch (this) {
            case HMC -> HybridMonteCarlo.DEFAULT_TARGET_ACCEPTANCE;
            case METROPOLIS -> FieldMetropolis.DEFAULT_TARGET_ACCEPTANCE;
            default -> throw new IllegalArgumentException("the " + id + " sampler does not sample fields");
        };
    }

    /**
     * A new field sampler of this kind: {@link HybridMonteCarlo} with trajectory length {@code trajectoryLength}, or
     * {@link FieldMetropolis} (which has no trajectory and ignores it); both tune their step to
     * {@code targetAcceptance} while tuning is on.
     *
     * @throws IllegalArgumentException for a kind that does not sample fields, or bad settings
     */
    public FieldSampler createFieldSampler(FieldModel model, double targetAcceptance, double trajectoryLength) {
        return switch (this) {
            case HMC -> new HybridMonteCarlo(model, trajectoryLength, targetAcceptance);
            case METROPOLIS -> new FieldMetropolis(model, targetAcceptance);
            default -> throw new IllegalArgumentException("the " + id + " sampler does not sample fields; valid for "
                    + model.name() + ": " + ids(FIELDS));
        };
    }

    /**
     * Every kind {@link ChainRunner#run} accepts for a model, in a fixed order: the
     * {@link #configurationSamplers}, plus {@link #MULTISPIN} for the zero-field Ising model on an even lattice, and
     * {@link #MULTISPIN_NARROW} when that lattice is square.
     */
    public static List<SamplerKind> available(Model model) {
        if (model instanceof IsingModel ising && ising.field() == 0.0 && ising.lattice().isBipartite()) {
            return ising.lattice().dimension() == 2 ? SQUARE_ISING_WITH_MULTISPIN : ISING_WITH_MULTISPIN;
        }
        return configurationSamplers(model);
    }

    /** The kinds whose {@link #create} builds a per-configuration {@link Sampler} for a model, in a fixed order. */
    public static List<SamplerKind> configurationSamplers(Model model) {
        if (model instanceof PottsModel) {
            return POTTS;
        }
        return model instanceof DimerModel ? DIMERS : ISING;
    }

    /** Whether this kind is the 64-replica multi-spin kernel rather than a per-configuration {@link Sampler}. */
    public boolean isMultispin() {
        return this == MULTISPIN || this == MULTISPIN_NARROW;
    }

    /** Chains per {@link ChainGroup}: 64 for the multi-spin kinds, 1 for the per-configuration samplers. */
    public int chainsPerGroup() {
        return isMultispin() ? MultispinMetropolis.REPLICAS : 1;
    }

    /**
     * The block width of a multi-spin kind on {@code lattice}.
     *
     * @throws IllegalArgumentException if this kind is not multi-spin
     */
    public MultispinMetropolis.Width multispinWidth(Lattice lattice) {
        return switch (this) {
            case MULTISPIN -> MultispinMetropolis.Width.defaultFor(lattice);
            case MULTISPIN_NARROW -> MultispinMetropolis.Width.NARROW;
            default -> throw new IllegalArgumentException("not a multi-spin sampler: " + id);
        };
    }

    /**
     * Checks that this kind can run on {@code model} through {@link ChainRunner#run}.
     *
     * @throws IllegalArgumentException for a kind not available for this model, a cluster or multi-spin kind with
     *                                  a non-zero field, or multi-spin on odd L
     */
    public void validate(Model model) {
        if (!isMultispin()) {
            create(model);
            return;
        }
        if (!(model instanceof IsingModel ising)) {
            throw new IllegalArgumentException("the " + id + " sampler is for the Ising model only, not "
                    + model.name() + "; valid: " + ids(available(model)));
        }
        NeighbourTableSampler.requireZeroField(ising, id + " sampler");
        if (!ising.lattice().isBipartite()) {
            throw new IllegalArgumentException("the " + id
                    + " sampler needs an even lattice size (checkerboard), got L = " + ising.lattice().linearSize());
        }
        if (this == MULTISPIN_NARROW && ising.lattice().dimension() != 2) {
            throw new IllegalArgumentException("the multispin-narrow sampler is for the square lattice only, got "
                    + ising.lattice().dimension() + "D; use multispin");
        }
    }

    /**
     * A new per-configuration sampler of this kind for {@code model}.
     *
     * @throws IllegalArgumentException for a kind not available for this model, a cluster sampler with a non-zero
     *                                  field, or a multi-spin kind (not a per-configuration sampler)
     */
    public Sampler create(Model model) {
        Sampler sampler = null;
        if (model instanceof IsingModel ising) {
            sampler = switch (this) {
                case METROPOLIS -> new CheckerboardMetropolis(ising);
                case HEAT_BATH -> new HeatBath(ising);
                case WOLFF -> new Wolff(ising);
                case SWENDSEN_WANG -> new SwendsenWang(ising);
                default -> null;
            };
        } else if (model instanceof PottsModel potts) {
            sampler = this == METROPOLIS ? new PottsMetropolis(potts) : this == WOLFF ? new PottsWolff(potts) : null;
        } else if (model instanceof DimerModel dimers && this == WORM) {
            sampler = new DimerWorm(dimers);
        }
        if (sampler != null) {
            return sampler;
        }
        if (isMultispin()) {
            throw new IllegalArgumentException(id + " updates 64 replicas at once and is not a per-configuration"
                    + " Sampler: run it through ChainRunner (RunSpec sampler \"" + id + "\")");
        }
        throw unknown(id, model);
    }

    /**
     * A new group of {@link #chainsPerGroup()} chains of this kind on {@code model} (which {@link #validate} accepts),
     * all of whose randomness, its hot start included, comes from {@code stream}: for a per-configuration sampler a
     * uniformly random configuration drawn from the stream, then the sampler's sweeps on it with the same stream;
     * for a multi-spin kind a {@link MultispinMetropolis} group seeded from it.
     *
     * <p>Modified: {@code stream} is advanced (and, per-configuration, kept by the group).
     */
    public ChainGroup chainGroup(Model model, RandomGenerator stream) {
        if (isMultispin()) {
            IsingModel ising = (IsingModel) model; // validate admits only the Ising model
            return MultispinMetropolis.seeded(ising, stream, multispinWidth(model.lattice()));
        }
        return new SamplerChain(create(model), stream);
    }

    private static IllegalArgumentException unknown(String id, Model model) {
        return new IllegalArgumentException("unknown sampler '" + id + "' for " + model.name() + "; valid: "
                + ids(available(model)));
    }

    private static String ids(List<SamplerKind> kinds) {
        return kinds.stream().map(SamplerKind::id).collect(Collectors.joining(", "));
    }
}
