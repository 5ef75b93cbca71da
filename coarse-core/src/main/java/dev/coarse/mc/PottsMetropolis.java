package dev.coarse.mc;

import dev.coarse.model.PottsModel;
import java.util.random.RandomGenerator;

/**
 * Single-site Metropolis for the q-state Potts model: each site in turn proposes a uniformly random state
 * different from its own (a symmetric proposal), accepted with probability
 * min(1, e<sup>β(a<sub>new</sub> − a<sub>old</sub>)</sup>), where a is the number of neighbours agreeing
 * with the state (ΔE = a<sub>old</sub> − a<sub>new</sub> for H = −Σδ). The acceptance is tabulated by
 * a<sub>new</sub> − a<sub>old</sub> ∈ [−2d, 2d]. Sites are visited in increasing order.
 */
public final class PottsMetropolis extends NeighbourTableSampler {

    private final int q;
    /** acceptance[gain + z] = min(1, exp(β·gain)), gain = a_new − a_old. */
    private final double[] acceptance;

    public PottsMetropolis(PottsModel model) {
        super(model, SamplerKind.METROPOLIS);
        this.q = model.q();
        int z = coordination;
        this.acceptance = new double[2 * z + 1];
        for (int gain = -z; gain <= z; gain++) {
            acceptance[gain + z] = Math.min(1.0, StrictMath.exp(model.beta() * gain));
        }
    }

    /** One sweep: N proposals, one per site in site order. Modified: {@code states}. */
    @Override
    public void sweep(byte[] states, RandomGenerator rng) {
        int z = coordination;
        int[] nb = neighbours;
        for (int site = 0; site < states.length; site++) {
            int old = states[site];
            int proposed = old + 1 + rng.nextInt(q - 1);
            if (proposed >= q) {
                proposed -= q;
            }
            int gain = 0;
            int base = site * z;
            for (int k = 0; k < z; k++) {
                int s = states[nb[base + k]];
                if (s == proposed) {
                    gain++;
                } else if (s == old) {
                    gain--;
                }
            }
            double p = acceptance[gain + z];
            if (p >= 1.0 || rng.nextDouble() < p) {
                states[site] = (byte) proposed;
            }
        }
    }
}
