package dev.coarse.configuration;

import dev.coarse.lattice.Lattice;
import dev.coarse.naming.Identified;
import java.util.Objects;

/**
 * What one configuration holds: which elements of the lattice carry values, how many values each carries and
 * what values they may take.
 *
 * <p>Layout of a configuration as a flat array: element-major, then component, then (complex values) real before
 * imaginary part: value index = (element · components + component) · parts + part, with parts = 2 for
 * {@link Values#COMPLEX} and 1 otherwise. Sites are numbered as in {@link Lattice} (row-major, last coordinate
 * fastest); bond {@code site · d + axis} is the bond from {@code site} to its forward neighbour along {@code axis}
 * ({@link Lattice#forwardNeighbour}), so a configuration on bonds reshapes to a C-ordered [L, …, L, d] array.
 *
 * @param values     what each value may be
 * @param states     the number of distinct values of a discrete kind (2 for spins and occupations, q for states);
 *                   0 for continuous kinds
 * @param support    which lattice elements carry values
 * @param components values (or complex values) per element, at least 1 (e.g. several hidden variables per block)
 */
public record DegreesOfFreedom(Values values, int states, Support support, int components) {

    /** The values one component may take; the {@link #id()} is what ensemble files write ({@code degrees_of_freedom}). */
    public enum Values implements Identified {
        /** Ising spins, −1 or +1 ({@code byte}). */
        SPIN,
        /** Labels 0 … q−1 of a q-state variable: Potts states, categorical hidden variables ({@code byte}). */
        STATE,
        /** Occupation numbers 0 or 1, e.g. whether a bond holds a dimer ({@code byte}). */
        OCCUPATION,
        /** Real numbers, finite ({@code double}). */
        REAL,
        /** Complex numbers as two finite {@code double}s, real part first. */
        COMPLEX;

        /** Whether values are stored as {@code byte} (spins, states, occupations) rather than {@code double}. */
        public boolean isDiscrete() {
            return this == SPIN || this == STATE || this == OCCUPATION;
        }

        /**
         * The kind with this file name.
         *
         * @throws IllegalArgumentException for an unknown name, listing the known ones
         */
        public static Values ofId(String id) {
            return Identified.byId(Values.class, "degrees of freedom", id);
        }
    }

    /** Which lattice elements carry values; the {@link #id()} is what ensemble files write ({@code support}). */
    public enum Support implements Identified {
        /** One element per site: N = L<sup>d</sup>. */
        SITES,
        /** One element per nearest-neighbour bond, d·N, bond {@code site · d + axis}. */
        BONDS;

        /** Elements of this kind on {@code lattice}. */
        public int count(Lattice lattice) {
            return this == SITES ? lattice.siteCount() : lattice.bondCount();
        }

        /**
         * The support with this file name.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Support ofId(String id) {
            return Identified.byId(Support.class, "support", id);
        }
    }

    private static final DegreesOfFreedom ISING_SPINS = new DegreesOfFreedom(Values.SPIN, 2, Support.SITES, 1);

    public DegreesOfFreedom {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(support, "support");
        if (components < 1) {
            throw new IllegalArgumentException("components per element must be at least 1, got " + components);
        }
        switch (values) {
            case SPIN, OCCUPATION -> {
                if (states != 2) {
                    throw new IllegalArgumentException(values.id() + " values have 2 states, got " + states);
                }
            }
            case STATE -> {
                if (states < 2 || states > Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("a q-state variable needs 2 ≤ q ≤ 127, got q = " + states);
                }
            }
            default -> {
                if (states != 0) {
                    throw new IllegalArgumentException(values.id() + " values are continuous: states must be 0, got "
                            + states);
                }
            }
        }
    }

    /** One ±1 spin per site: the Ising model. */
    public static DegreesOfFreedom isingSpins() {
        return ISING_SPINS;
    }

    /** One label 0 … q−1 per site: the q-state Potts model. */
    public static DegreesOfFreedom pottsStates(int q) {
        return new DegreesOfFreedom(Values.STATE, q, Support.SITES, 1);
    }

    /** One 0/1 occupation per nearest-neighbour bond: close-packed dimers. */
    public static DegreesOfFreedom bondOccupations() {
        return new DegreesOfFreedom(Values.OCCUPATION, 2, Support.BONDS, 1);
    }

    /** One real value per site: a real scalar field (φ⁴, a block average). */
    public static DegreesOfFreedom realField() {
        return new DegreesOfFreedom(Values.REAL, 0, Support.SITES, 1);
    }

    /** One complex value per site: a complex scalar field. */
    public static DegreesOfFreedom complexField() {
        return new DegreesOfFreedom(Values.COMPLEX, 0, Support.SITES, 1);
    }

    /** The same kind with {@code n} components per element. */
    public DegreesOfFreedom withComponents(int n) {
        return new DegreesOfFreedom(values, states, support, n);
    }

    /** Whether configurations are {@code byte[]} ({@link DiscreteConfigurations}) rather than {@code double[]}. */
    public boolean isDiscrete() {
        return values.isDiscrete();
    }

    /** Array entries per lattice element: components, times 2 for complex values. */
    public int valuesPerElement() {
        return values == Values.COMPLEX ? 2 * components : components;
    }

    /**
     * Array length of one configuration on {@code lattice}.
     *
     * @throws IllegalArgumentException if that exceeds the largest Java array
     */
    public int length(Lattice lattice) {
        long n = (long) support.count(lattice) * valuesPerElement();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(this + " on " + lattice + " needs " + n + " values per configuration: "
                    + "more than a Java array holds");
        }
        return (int) n;
    }

    /**
     * Checks every value of one discrete configuration.
     *
     * @throws IllegalArgumentException naming the first bad value and its index
     * @throws IllegalStateException    if these degrees of freedom are continuous
     */
    public void validate(byte[] configuration) {
        if (!isDiscrete()) {
            throw new IllegalStateException(this + " are continuous: their configurations are double[]");
        }
        for (int i = 0; i < configuration.length; i++) {
            byte v = configuration[i];
            boolean ok = switch (values) {
                case SPIN -> v == 1 || v == -1;
                case OCCUPATION -> v == 0 || v == 1;
                default -> v >= 0 && v < states;
            };
            if (!ok) {
                throw new IllegalArgumentException("value " + v + " at index " + i + " is not " + allowed());
            }
        }
    }

    /**
     * Checks every value of one continuous configuration: all finite.
     *
     * @throws IllegalArgumentException naming the first non-finite value and its index
     * @throws IllegalStateException    if these degrees of freedom are discrete
     */
    public void validate(double[] configuration) {
        if (isDiscrete()) {
            throw new IllegalStateException(this + " are discrete: their configurations are byte[]");
        }
        for (int i = 0; i < configuration.length; i++) {
            if (!Double.isFinite(configuration[i])) {
                throw new IllegalArgumentException("value " + configuration[i] + " at index " + i + " is not finite");
            }
        }
    }

    /** The allowed values in words, for messages. */
    public String allowed() {
        return switch (values) {
            case SPIN -> "a spin (−1 or +1)";
            case OCCUPATION -> "an occupation (0 or 1)";
            case STATE -> "a state label 0.." + (states - 1);
            default -> "finite";
        };
    }

    /** E.g. "±1 spins on sites", "3-state labels on sites ×2", "real values on sites". */
    @Override
    public String toString() {
        String what = switch (values) {
            case SPIN -> "±1 spins";
            case STATE -> states + "-state labels";
            case OCCUPATION -> "0/1 occupations";
            case REAL -> "real values";
            case COMPLEX -> "complex values";
        };
        return what + " on " + support.id() + (components > 1 ? " ×" + components : "");
    }
}
