package dev.coarse.mc;

import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One configuration under a per-configuration {@link Sampler}: a {@link ChainGroup} of one chain. It starts hot, from
 * a uniformly random configuration drawn from its own stream ({@link ChainRunner#randomConfiguration}; dimers from the
 * columnar covering), and sweeps with that stream. Its "magnetisation" is the model's order parameter: m for Ising,
 * the Potts order parameter, |Ψ| of the columnar order for dimers.
 */
final class SamplerChain implements ChainGroup {

    private final Sampler sampler;
    private RandomGenerator stream;
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
        int sites = model.lattice().siteCount();
        energyPerSite[0] = model.energy(state) / sites;
        if (model instanceof PottsModel potts) {
            magnetizationPerSite[0] = Observables.pottsOrderParameter(state, potts.q(), counts);
        } else if (model instanceof DimerModel) {
            // the order parameter of dimers: |Ψ| of the columnar order (DimerObservables), in [0, 1]
            magnetizationPerSite[0] = Math.sqrt(DimerObservables.columnarOrderSquared(model.lattice(), state));
        } else {
            magnetizationPerSite[0] = (double) IsingModel.magnetization(state) / sites;
        }
    }

    /** The generator's {@link ResumableStream#state()} words, then the configuration; empty for another generator. */
    @Override
    public Optional<byte[]> saveState() {
        if (!(stream instanceof ResumableStream resumable)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(ResumableStream.STATE_WORDS * Long.BYTES + state.length);
        for (long word : resumable.state()) {
            bytes.putLong(word);
        }
        bytes.put(state);
        return Optional.of(bytes.array());
    }

    @Override
    public void restoreState(byte[] saved) {
        if (!(stream instanceof ResumableStream)) {
            throw new UnsupportedOperationException("this chain's generator cannot be restored");
        }
        if (saved.length != ResumableStream.STATE_WORDS * Long.BYTES + state.length) {
            throw new IllegalArgumentException("a saved chain of " + (saved.length - ResumableStream.STATE_WORDS * Long.BYTES)
                    + " sites does not fit a lattice of " + state.length);
        }
        ByteBuffer bytes = ByteBuffer.wrap(saved);
        long[] words = new long[ResumableStream.STATE_WORDS];
        for (int k = 0; k < words.length; k++) {
            words[k] = bytes.getLong();
        }
        byte[] configuration = new byte[state.length];
        bytes.get(configuration);
        sampler.model().validate(configuration);
        stream = ResumableStream.fromState(words);
        System.arraycopy(configuration, 0, state, 0, state.length);
    }

    private static void checkChain(int chain) {
        if (chain != 0) {
            throw new IllegalArgumentException("a sampler chain holds chain 0 only, got " + chain);
        }
    }
}
