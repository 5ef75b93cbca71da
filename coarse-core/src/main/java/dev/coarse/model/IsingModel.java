package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Objects;

/**
 * The ferromagnetic Ising model H = −Σ<sub>⟨ij⟩</sub> s<sub>i</sub>s<sub>j</sub> − h Σ<sub>i</sub> s<sub>i</sub>,
 * s = ±1, with coupling J = 1 so that K = 1/T, and the field h in units of J.
 *
 * @param lattice     the lattice (chain, square or cubic)
 * @param temperature T &gt; 0, finite
 * @param field       h, finite (0 by default)
 */
public record IsingModel(Lattice lattice, double temperature, double field) implements Model {

    public IsingModel {
        Objects.requireNonNull(lattice, "lattice");
        Model.requireTemperature(temperature);
        if (!Double.isFinite(field)) {
            throw new IllegalArgumentException("field h must be finite, got " + field);
        }
    }

    /** Zero field at temperature T. */
    public static IsingModel atTemperature(Lattice lattice, double temperature) {
        return new IsingModel(lattice, temperature, 0.0);
    }

    /** Zero field at coupling K = J/T &gt; 0. */
    public static IsingModel atCoupling(Lattice lattice, double couplingK) {
        if (!(couplingK > 0) || Double.isInfinite(couplingK)) {
            throw new IllegalArgumentException("coupling K must be finite and > 0, got " + couplingK);
        }
        return new IsingModel(lattice, 1.0 / couplingK, 0.0);
    }

    /** K = J/T. */
    public double couplingK() {
        return 1.0 / temperature;
    }

    @Override
    public int statesPerSite() {
        return 2;
    }

    @Override
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.isingSpins();
    }

    @Override
    public String name() {
        return "ising" + lattice.dimension() + "d";
    }

    /** Σ over the d·N forward bonds of s<sub>i</sub>s<sub>j</sub>. */
    public static long bondSum(Lattice lattice, byte[] spins) {
        int d = lattice.dimension();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        long sum = 0;
        for (int s = 0; s < spins.length; s++) {
            int si = spins[s];
            for (int axis = 0; axis < d; axis++) {
                sum += si * spins[nb[s * z + 2 * axis]];
            }
        }
        return sum;
    }

    /** Σ<sub>i</sub> s<sub>i</sub>. */
    public static long magnetization(byte[] spins) {
        long m = 0;
        for (byte s : spins) {
            m += s;
        }
        return m;
    }

    @Override
    public double energy(byte[] spins) {
        return -(double) bondSum(lattice, spins) - field * magnetization(spins);
    }

    @Override
    public void validate(byte[] spins) {
        if (spins.length != lattice.siteCount()) {
            throw new IllegalArgumentException("configuration has " + spins.length + " sites, lattice has "
                    + lattice.siteCount());
        }
        for (byte s : spins) {
            if (s != 1 && s != -1) {
                throw new IllegalArgumentException("Ising spins must be +1 or -1, found " + s);
            }
        }
    }
}
