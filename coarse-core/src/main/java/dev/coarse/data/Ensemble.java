package dev.coarse.data;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.DimerModel;
import dev.coarse.model.FieldModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.Phi4Model;
import dev.coarse.model.PottsModel;
import java.util.Objects;

/**
 * A set of configurations of one model on one lattice, with the metadata that produced them.
 *
 * <p>The configurations may hold any {@link DegreesOfFreedom}: ±1 spins and q-state labels on sites (the Ising and
 * Potts ensembles the samplers write), 0/1 occupations on bonds, real or complex fields, or what a coarse-graining
 * made of them; each is a flat array of {@code data.degreesOfFreedom().length(lattice)} values in the lattice's
 * row-major element order. The arrays are shared, not copied: treat them as immutable.
 *
 * @param meta    where the configurations come from
 * @param lattice the lattice they live on
 * @param data    the configurations
 */
public record Ensemble(EnsembleMeta meta, Lattice lattice, Configurations data) {

    public Ensemble {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(lattice, "lattice");
        Objects.requireNonNull(data, "data");
        int expected = data.degreesOfFreedom().length(lattice);
        if (data.size() > 0 && data.length() != expected) {
            DegreesOfFreedom dof = data.degreesOfFreedom();
            String unit = dof.support() == DegreesOfFreedom.Support.SITES && dof.valuesPerElement() == 1 ? " sites"
                    : " values";
            throw new IllegalArgumentException("configuration of " + data.length() + unit + " on a lattice of "
                    + (unit.equals(" sites") ? lattice.siteCount() : expected + " values of " + dof));
        }
    }

    /**
     * An ensemble of the model's own discrete degrees of freedom ({@link #modelDegreesOfFreedom}): ±1 spins for an
     * Ising model, labels 0 … q−1 for a Potts model.
     */
    public Ensemble(EnsembleMeta meta, Lattice lattice, byte[][] configurations) {
        this(meta, lattice, new DiscreteConfigurations(modelDegreesOfFreedom(meta), configurations));
    }

    /**
     * What a configuration of the metadata's model holds: q-state labels for a Potts model ("potts…"), bond
     * occupations for dimers ("dimer2d"), ±1 spins otherwise. Ensemble files of format version 1 hold only spins and
     * labels; later versions say what they hold.
     */
    public static DegreesOfFreedom modelDegreesOfFreedom(EnsembleMeta meta) {
        if (meta.model().startsWith("potts")) {
            return DegreesOfFreedom.pottsStates(meta.q());
        }
        return meta.model().equals(DimerModel.NAME) ? DegreesOfFreedom.bondOccupations() : DegreesOfFreedom.isingSpins();
    }

    public int size() {
        return data.size();
    }

    /** What each configuration holds. */
    public DegreesOfFreedom degreesOfFreedom() {
        return data.degreesOfFreedom();
    }

    /**
     * The configurations of a discrete ensemble (spins, states, occupations), one {@code byte[]} each.
     *
     * @throws IllegalStateException if the ensemble holds continuous values ({@link #data()} has them)
     */
    public byte[][] configurations() {
        if (data instanceof DiscreteConfigurations discrete) {
            return discrete.values();
        }
        throw new IllegalStateException("the ensemble holds " + data.degreesOfFreedom()
                + ", not discrete values; read them from data()");
    }

    /**
     * The model the metadata describes.
     *
     * @throws IllegalArgumentException for dimers ("dimer2d") whose metadata lacks the coupling v, or a field theory
     *                                  ("phi4", "phi4c": see {@link #fieldModel()})
     */
    public Model model() {
        if (isFieldModel(meta)) {
            throw new IllegalArgumentException("the ensemble holds a " + meta.model()
                    + " field, not configurations of a spin model");
        }
        if (meta.model().startsWith("potts")) {
            return new PottsModel(lattice, meta.q(), meta.temperature());
        }
        if (meta.model().equals(DimerModel.NAME)) {
            Double v = meta.parameters().get(DimerModel.COUPLING_PARAMETER);
            if (v == null) {
                throw new IllegalArgumentException("dimer ensemble lacks the parameter " + DimerModel.COUPLING_PARAMETER);
            }
            return new DimerModel(lattice, v, meta.temperature());
        }
        return new IsingModel(lattice, meta.temperature(), meta.field());
    }

    /** Whether the metadata names a field theory ({@link Phi4Model}, {@link ComplexPhi4Model}). */
    public static boolean isFieldModel(EnsembleMeta meta) {
        return meta.model().equals(Phi4Model.NAME) || meta.model().equals(ComplexPhi4Model.NAME);
    }

    /**
     * The field theory the metadata describes, from its parameters (kappa, lambda; or t, mu, lambda).
     *
     * @throws IllegalArgumentException if the metadata names no field theory, lacks a coupling, or holds couplings the
     *                                  model refuses
     */
    public FieldModel fieldModel() {
        if (meta.model().equals(Phi4Model.NAME)) {
            return new Phi4Model(lattice, parameter("kappa"), parameter("lambda"));
        }
        if (meta.model().equals(ComplexPhi4Model.NAME)) {
            return new ComplexPhi4Model(lattice, parameter("t"), parameter("mu"), parameter("lambda"));
        }
        throw new IllegalArgumentException("the ensemble holds " + meta.model() + ", not a field theory");
    }

    private double parameter(String name) {
        Double value = meta.parameters().get(name);
        if (value == null) {
            throw new IllegalArgumentException(meta.model() + " ensemble lacks the parameter " + name);
        }
        return value;
    }
}
