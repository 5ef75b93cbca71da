package dev.coarse.mc;

import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.random.RandomGenerator;

/**
 * One configuration under a per-configuration {@link Sampler}: a {@link ChainGroup} of one chain. It starts hot, from
 * a uniformly random configuration drawn from its own stream, and sweeps with that stream.
 */
final class SamplerChain implements ChainGroup {

    private final Sampler sampler;
    private final RandomGenerator stream;
    private final byte[] state;
    /** Scratch of the Potts order parameter: one count per state. */
    private final int[] counts;

    /** Modified: {@code stream} is advanced by the hot start and kept. */
    SamplerChain(Sampler sampler, RandomGenerator stream) {
        Model model = sampler.model();
        this.sampler = sampler;
        this.stream = stream;
        this.state = ChainRunner.randomConfiguration(model, stream);
        this.counts = new int[model.statesPerSite()];
    }

    @Override
    public int chains() {
        return 1;
    }

    @Override
    public void sweeps(long count) {
        sampler.sweeps(state, stream, count);
    }

    @Override
    public byte[] configuration(int chain) {
        checkChain(chain);
        return state.clone();
    }

    @Override
    public void measure(double[] energyPerSite, double[] magnetizationPerSite) {
        Model model = sampler.model();
        energyPerSite[0] = model.energy(state) / state.length;
        magnetizationPerSite[0] = model instanceof PottsModel potts
                ? Observables.pottsOrderParameter(state, potts.q(), counts)
                : (double) IsingModel.magnetization(state) / state.length;
    }

    private static void checkChain(int chain) {
        if (chain != 0) {
            throw new IllegalArgumentException("a sampler chain holds chain 0 only, got " + chain);
        }
    }
}
