package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import java.util.random.RandomGenerator;

/**
 * Single-spin-flip Metropolis for the Ising model in checkerboard order: all sites of colour 0 (even
 * coordinate sum), then all sites of colour 1, each visited once per sweep.
 *
 * <p>Flipping s<sub>i</sub> changes the energy by ΔE = 2 s<sub>i</sub>(n<sub>i</sub> + h), with
 * n<sub>i</sub> the sum of the 2d neighbouring spins; the flip is accepted with probability
 * min(1, e<sup>−βΔE</sup>) (but ½ for ΔE = 0, see {@link #ZERO_COST_ACCEPTANCE}), read from a table
 * indexed by (s<sub>i</sub>, n<sub>i</sub>) built once in the constructor (SCIENCE.md §2).
 *
 * <p>On an even lattice the two colours are independent, so the order within a colour does not matter (the
 * basis of vectorised and multi-spin kernels). On an odd L the "colours" are not independent (the wrap
 * joins two sites of the same colour), but the sweep is still a valid <em>sequential</em> Metropolis sweep:
 * every single-site update satisfies detailed balance with respect to the Boltzmann distribution, so any
 * fixed composition of them leaves it invariant, and the sweep is ergodic because every site is visited.
 * Only the parallel interpretation is lost, which this scalar kernel never uses.
 */
public final class CheckerboardMetropolis implements Sampler {

    /**
     * Acceptance of a flip with ΔE = 0. Plain Metropolis accepts it always; with a fixed visiting order that
     * makes some configurations cycle deterministically for ever (every flip forced: ΔE &lt; 0 always
     * accepted, ΔE = 0 too), so the chain is reducible and a hot start can land in such a cycle. The
     * SamplerContractTest χ² test on the 3×3 torus found this (at T = 1.5 the E = +6 states came out ~800×
     * and the E = −2 states 7× their Boltzmann weight); so does the chain ++−−++−− in 1D. Any a(ΔE) with
     * a(ΔE)/a(−ΔE) = e<sup>−βΔE</sup> satisfies detailed balance, and a(0) = ½ breaks the cycles (an
     * energy-conserving cycle needs forced ΔE = 0 flips).
     */
    static final double ZERO_COST_ACCEPTANCE = 0.5;

    private final IsingModel model;
    private final int[] neighbours;
    private final int coordination;
    /** Sites in update order: colour 0 first, then colour 1. */
    private final int[] order;
    /** acceptance[(s+1)/2 * (2z+1) + (n+z)] = min(1, exp(−2βs(n+h))). */
    private final double[] acceptance;

    public CheckerboardMetropolis(IsingModel model) {
        this.model = model;
        Lattice lattice = model.lattice();
        this.neighbours = lattice.neighbourTable();
        this.coordination = lattice.coordination();
        this.order = checkerboardOrder(lattice);
        int z = coordination;
        this.acceptance = new double[2 * (2 * z + 1)];
        double beta = model.beta();
        for (int spinIndex = 0; spinIndex < 2; spinIndex++) {
            int s = 2 * spinIndex - 1;
            for (int n = -z; n <= z; n++) {
                double deltaE = 2.0 * s * (n + model.field());
                acceptance[spinIndex * (2 * z + 1) + n + z] = deltaE == 0.0
                        ? ZERO_COST_ACCEPTANCE : Math.min(1.0, Math.exp(-beta * deltaE));
            }
        }
    }

    /** All sites, colour 0 (even coordinate sum) first, each colour in increasing site order; any L. */
    static int[] checkerboardOrder(Lattice lattice) {
        int n = lattice.siteCount();
        int[] order = new int[n];
        int k = 0;
        for (int colour = 0; colour < 2; colour++) {
            for (int s = 0; s < n; s++) {
                if (lattice.sublattice(s) == colour) {
                    order[k++] = s;
                }
            }
        }
        return order;
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public String name() {
        return "metropolis";
    }

    /** One sweep: N flip attempts in checkerboard order. Modified: {@code spins}. */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        int z = coordination;
        int[] nb = neighbours;
        double[] table = acceptance;
        for (int site : order) {
            int base = site * z;
            int n = 0;
            for (int k = 0; k < z; k++) {
                n += spins[nb[base + k]];
            }
            int s = spins[site];
            double p = table[((s + 1) >> 1) * (2 * z + 1) + n + z];
            if (p == 1.0 || rng.nextDouble() < p) {
                spins[site] = (byte) -s;
            }
        }
    }
}
