package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;

/**
 * A Hamiltonian on a lattice at a temperature: the Boltzmann weight of a configuration is
 * exp(−H/T), with J = 1 and k<sub>B</sub> = 1.
 *
 * <p>Configurations are {@code byte[]} in the layout {@link #degreesOfFreedom()} describes: N values ±1 for Ising
 * spins, N labels 0 … q−1 for Potts states, 2N bond occupations 0/1 (bond {@code site · 2 + axis}) for
 * close-packed dimers.
 */
public sealed interface Model permits IsingModel, PottsModel, DimerModel {

    Lattice lattice();

    /** Temperature T = 1/K, finite and positive. */
    double temperature();

    /** Inverse temperature β = 1/T. */
    default double beta() {
        return 1.0 / temperature();
    }

    /**
     * Number of states of one site: 2 for Ising, q for Potts, 4 for close-packed dimers (which neighbour the site
     * is paired with). For Ising and Potts this is also the number of values a configuration entry takes; in
     * general that is {@code degreesOfFreedom().states()}.
     */
    int statesPerSite();

    /**
     * What a configuration of this model holds (±1 spins for Ising, q-state labels for Potts, 0/1 bond occupations
     * for dimers).
     */
    DegreesOfFreedom degreesOfFreedom();

    /** Total energy H of a configuration (not per site); the configuration is not modified. */
    double energy(byte[] configuration);

    /** A short name for files and the CLI: "ising1d", "ising2d", "ising3d", "potts2d", "dimer2d", …. */
    String name();

    /** Checks that a configuration has the right length and only allowed values (for dimers: is a covering). */
    void validate(byte[] configuration);

    /** Helper for record constructors: a temperature must be finite and positive. */
    static void requireTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature T must be finite and > 0, got " + temperature);
        }
    }
}
