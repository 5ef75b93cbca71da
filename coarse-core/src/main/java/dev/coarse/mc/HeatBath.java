package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import java.util.random.RandomGenerator;

/**
 * Heat-bath (Glauber / Gibbs) updates for the Ising model: each site in turn is set to +1 with probability
 * P(s<sub>i</sub> = +1) = 1/(1 + e<sup>−2β(n<sub>i</sub> + h)</sup>), n<sub>i</sub> the sum of its
 * neighbours, independently of its current value (SCIENCE.md §2). The probabilities are tabulated by
 * n<sub>i</sub>. Sites are visited in increasing order; each single-site update samples the exact
 * conditional distribution, so the sweep leaves the Boltzmann distribution invariant.
 */
public final class HeatBath extends NeighbourTableSampler {

    /** probabilityUp[n + z] = 1/(1 + exp(−2β(n + h))). */
    private final double[] probabilityUp;

    public HeatBath(IsingModel model) {
        super(model, SamplerKind.HEAT_BATH);
        int z = coordination;
        this.probabilityUp = new double[2 * z + 1];
        for (int n = -z; n <= z; n++) {
            probabilityUp[n + z] = 1.0 / (1.0 + StrictMath.exp(-2.0 * model.beta() * (n + model.field())));
        }
    }

    /** One sweep: every site resampled once, in site order. Modified: {@code spins}. */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        int z = coordination;
        int[] nb = neighbours;
        for (int site = 0; site < spins.length; site++) {
            int base = site * z;
            int n = 0;
            for (int k = 0; k < z; k++) {
                n += spins[nb[base + k]];
            }
            spins[site] = rng.nextDouble() < probabilityUp[n + z] ? (byte) 1 : (byte) -1;
        }
    }
}
