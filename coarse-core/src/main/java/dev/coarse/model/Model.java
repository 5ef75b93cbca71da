package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;

/**
 * A Hamiltonian on a lattice at a temperature: the Boltzmann weight of a configuration is
 * exp(−H/T), with J = 1 and k<sub>B</sub> = 1.
 *
 * <p>Configurations are {@code byte[]} of length N: Ising spins are ±1, Potts states are 0 … q−1.
 */
public sealed interface Model permits IsingModel, PottsModel {

    Lattice lattice();

    /** Temperature T = 1/K, finite and positive. */
    double temperature();

    /** Inverse temperature β = 1/T. */
    default double beta() {
        return 1.0 / temperature();
    }

    /** Number of states of one site (2 for Ising, q for Potts). */
    int statesPerSite();

    /** What a configuration of this model holds (±1 spins for Ising, q-state labels for Potts). */
    DegreesOfFreedom degreesOfFreedom();

    /** Total energy H of a configuration (not per site); the configuration is not modified. */
    double energy(byte[] configuration);

    /** A short name for files and the CLI: "ising1d", "ising2d", "ising3d", "potts2d", …. */
    String name();

    /** Checks that a configuration has the right length and only allowed site values. */
    void validate(byte[] configuration);

    /** Helper for record constructors: a temperature must be finite and positive. */
    static void requireTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature T must be finite and > 0, got " + temperature);
        }
    }
}
