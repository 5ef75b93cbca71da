package dev.coarse.dynamics;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;

/** Built-in chains with known answers: a metastable double well and exact Glauber dynamics of a small Ising model. */
public final class BuiltinChains {

    /** Largest lattice for {@link #glauber}: 2<sup>12</sup> states, a 128 MB dense matrix. */
    public static final int MAX_GLAUBER_SITES = 12;

    private BuiltinChains() {
    }

    /**
     * A random walk on the grid x<sub>i</sub> = −2 + 4i/(n − 1), i = 0 … n−1, in the double well
     * U(x) = (x² − 1)² (minima at ±1, barrier 1 at 0), at temperature T: propose i ± 1 with probability ½ each and
     * accept with the Metropolis probability min(1, e<sup>−ΔU/T</sup>); a proposal off the grid is rejected. It is
     * reversible with the Boltzmann law π<sub>i</sub> ∝ e<sup>−U(x<sub>i</sub>)/T</sup>, and for T ≪ 1 its
     * slowest relaxation (hopping over the barrier) is far slower than the rest: two metastable blocks.
     */
    public static MarkovChain doubleWell(int states, double temperature) {
        if (states < 3) {
            throw new IllegalArgumentException("the double well needs at least 3 grid points, got " + states);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        double[][] p = new double[states][states];
        for (int i = 0; i < states; i++) {
            double stay = 1;
            for (int j = i - 1; j <= i + 1; j += 2) {
                if (j < 0 || j >= states) {
                    continue;
                }
                double move = 0.5 * Math.min(1, Math.exp(-(wellPotential(j, states) - wellPotential(i, states))
                        / temperature));
                p[i][j] = move;
                stay -= move;
            }
            p[i][i] = stay;
        }
        return MarkovChain.ofTransitions(p);
    }

    /** U(x<sub>i</sub>) = (x<sub>i</sub>² − 1)² on the grid of {@link #doubleWell}. */
    public static double wellPotential(int i, int states) {
        double x = -2 + 4.0 * i / (states - 1);
        return (x * x - 1) * (x * x - 1);
    }

    /**
     * Exact Glauber (heat-bath) dynamics of the Ising model on a small lattice as a 2<sup>N</sup>-state chain: pick a
     * site uniformly, set its spin up with probability 1/(1 + e<sup>−2βh<sub>loc</sub></sup>), h<sub>loc</sub> the
     * sum of its neighbours plus the field. State s encodes the spins in its bits (bit i set ⇔ spin i = +1); the
     * stationary law is the Boltzmann law of {@code model}, and the chain is reversible.
     */
    public static MarkovChain glauber(IsingModel model) {
        Lattice lattice = model.lattice();
        int n = lattice.siteCount();
        if (n > MAX_GLAUBER_SITES) {
            throw new IllegalArgumentException("Glauber dynamics as an exact chain needs at most " + MAX_GLAUBER_SITES
                    + " sites (2^N states, dense), got " + n);
        }
        int states = 1 << n;
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        double beta = model.couplingK();
        double[][] p = new double[states][states];
        for (int s = 0; s < states; s++) {
            double stay = 0;
            for (int site = 0; site < n; site++) {
                double local = model.field();
                for (int k = 0; k < z; k++) {
                    local += spin(s, nb[site * z + k]);
                }
                double up = 1 / (1 + Math.exp(-2 * beta * local));
                double flip = (spin(s, site) > 0 ? 1 - up : up) / n;
                p[s][s ^ (1 << site)] += flip;
                stay += 1.0 / n - flip;
            }
            p[s][s] += stay;
        }
        return MarkovChain.ofTransitions(p);
    }

    /** Spin (±1) of {@code site} in state {@code s}. */
    public static int spin(int s, int site) {
        return ((s >>> site) & 1) == 1 ? 1 : -1;
    }

    /** The magnetisation partition of {@link #glauber}'s states: block b holds the states with b spins up. */
    public static Partition magnetisationBlocks(int sites) {
        int[] block = new int[1 << sites];
        for (int s = 0; s < block.length; s++) {
            block[s] = Integer.bitCount(s);
        }
        return new Partition(block);
    }
}
