package dev.coarse.study;

import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.naming.Identified;

/**
 * The model a study samples: a family (square- or cubic-lattice Ising, square-lattice Potts) and, for Potts, the
 * number of states q. The lattice size and temperature are the stages' business; the family fixes the dimension,
 * the critical point every stage compares with, and which samplers and stages apply.
 *
 * @param family the model family
 * @param q      Potts states, 2 to {@value #MAX_Q}; always 2 for the Ising families
 */
public record StudyModel(Family family, int q) {

    /** Most Potts states a study accepts. */
    public static final int MAX_Q = 64;
    /** Potts states when a spec does not say. */
    public static final int DEFAULT_POTTS_Q = 3;

    /**
     * The model families. A spec ({@code model: ising2d}), results.json and the command line name a family by its
     * {@link #id()}, which is also its models' {@link Model#name()}.
     */
    public enum Family implements Identified {
        ISING2D(2), ISING3D(3), POTTS2D(2);

        private final int dimension;

        Family(int dimension) {
            this.dimension = dimension;
        }

        public int dimension() {
            return dimension;
        }

        /** The model of this family at size L and temperature T ({@code q} used by Potts only; zero field). */
        public Model model(int linearSize, double temperature, int q) {
            Lattice lattice = Lattice.of(dimension, linearSize);
            return this == POTTS2D ? new PottsModel(lattice, q, temperature)
                    : new IsingModel(lattice, temperature, 0.0);
        }
    }

    public StudyModel {
        if (family == null) {
            throw new IllegalArgumentException("a study model needs a family");
        }
        InvalidSettingException.between("q", q, 2, MAX_Q);
        if (family != Family.POTTS2D && q != 2) {
            throw new InvalidSettingException("q", "applies to potts2d only");
        }
    }

    /** The Ising model in dimension 2 or 3. */
    public static StudyModel ising(int dimension) {
        return switch (dimension) {
            case 2 -> new StudyModel(Family.ISING2D, 2);
            case 3 -> new StudyModel(Family.ISING3D, 2);
            default -> throw new IllegalArgumentException("a study's Ising model is 2D or 3D, not " + dimension + "D");
        };
    }

    /** The q-state Potts model on the square lattice. */
    public static StudyModel potts(int q) {
        return new StudyModel(Family.POTTS2D, q);
    }

    /** The spec name of the family, e.g. {@code ising2d}. */
    public String id() {
        return family.id();
    }

    public int dimension() {
        return family.dimension();
    }

    /** Whether configurations are ±1 spins (the RG stages need them). */
    public boolean hasSpins() {
        return family != Family.POTTS2D;
    }

    /** T<sub>c</sub>, the exponents and their references (exact in 2D, best known numerically for 3D Ising). */
    public CriticalPoint criticalPoint() {
        return family == Family.POTTS2D ? CriticalPoint.squarePotts(q) : CriticalPoint.ising(dimension());
    }

    /** The Hamiltonian on an L<sup>d</sup> periodic lattice at temperature T (zero field for Ising). */
    public Model model(int linearSize, double temperature) {
        return family.model(linearSize, temperature, q);
    }
}
