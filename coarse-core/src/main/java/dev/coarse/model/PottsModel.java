package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Objects;

/**
 * The ferromagnetic q-state Potts model H = −Σ<sub>⟨ij⟩</sub> δ(s<sub>i</sub>, s<sub>j</sub>), s ∈ {0, …, q−1},
 * J = 1. On the square lattice T<sub>c</sub> = 1/ln(1+√q).
 *
 * @param lattice     the lattice
 * @param q           number of states, at least 2 (at most 127, the range of a byte)
 * @param temperature T &gt; 0, finite
 */
public record PottsModel(Lattice lattice, int q, double temperature) implements Model {

    public PottsModel {
        Objects.requireNonNull(lattice, "lattice");
        if (q < 2 || q > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("Potts q must be between 2 and 127, got " + q);
        }
        Model.requireTemperature(temperature);
    }

    /** The exact critical temperature on the square lattice, 1/ln(1+√q). */
    public static double squareLatticeCriticalTemperature(int q) {
        return 1.0 / Math.log(1.0 + Math.sqrt(q));
    }

    @Override
    public int statesPerSite() {
        return q;
    }

    @Override
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.pottsStates(q);
    }

    @Override
    public String name() {
        return "potts" + lattice.dimension() + "d";
    }

    /** Number of forward bonds whose two ends agree. */
    public static long agreeingBonds(Lattice lattice, byte[] states) {
        int d = lattice.dimension();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        long n = 0;
        for (int s = 0; s < states.length; s++) {
            for (int axis = 0; axis < d; axis++) {
                if (states[s] == states[nb[s * z + 2 * axis]]) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public double energy(byte[] states) {
        return -(double) agreeingBonds(lattice, states);
    }

    @Override
    public void validate(byte[] states) {
        if (states.length != lattice.siteCount()) {
            throw new IllegalArgumentException("configuration has " + states.length + " sites, lattice has "
                    + lattice.siteCount());
        }
        for (byte s : states) {
            if (s < 0 || s >= q) {
                throw new IllegalArgumentException("Potts states must be in 0.." + (q - 1) + ", found " + s);
            }
        }
    }
}
