package dev.coarse.learn.rsmi;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.exact.CriticalPoint;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;

/** Sampled ensembles the RSMI tests train on (seeded, two chains, thinned). */
final class Samples {

    private Samples() {
    }

    /** 2D Ising at K<sub>c</sub> = ½ ln(1 + √2): n configurations by Wolff, every 2nd sweep. */
    static DiscreteConfigurations criticalIsing(int l, int n, long seed) {
        IsingModel model = IsingModel.atTemperature(Lattice.square(l),
                CriticalPoint.SQUARE_ISING.criticalTemperature());
        RunSpec run = new RunSpec(model, SamplerKind.WOLFF, n, 200, 2, 2, seed, 1);
        return new DiscreteConfigurations(DegreesOfFreedom.isingSpins(),
                ChainRunner.run(run, (done, total) -> { }).configurations());
    }

    /** Free close-packed dimers (v = 0) by the worm: n configurations, every 2nd sweep. */
    static DiscreteConfigurations freeDimers(int l, int n, long seed) {
        DimerModel model = DimerModel.free(Lattice.square(l));
        RunSpec run = new RunSpec(model, SamplerKind.WORM, n, 200, 2, 2, seed, 1);
        return new DiscreteConfigurations(DegreesOfFreedom.bondOccupations(),
                ChainRunner.run(run, (done, total) -> { }).configurations());
    }

    /**
     * Ising spins with a decoy beside every spin (two components per site: spin, decoy). Decoys are strongly
     * correlated inside each b×b block of the tiling — a block draws one ±1 coin and each of its decoys copies it
     * with probability {@code copy}, else is its negative — and independent of everything else, the environment
     * included.
     */
    static DiscreteConfigurations withDecoys(Lattice lattice, DiscreteConfigurations spins, int b, double copy,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        var blocks = lattice.blocks(b);
        byte[][] out = new byte[spins.size()][];
        for (int i = 0; i < out.length; i++) {
            byte[] s = spins.values()[i];
            byte[] v = new byte[2 * s.length];
            for (int site = 0; site < s.length; site++) {
                v[2 * site] = s[site];
            }
            for (int block = 0; block < blocks.blockCount(); block++) {
                byte coin = rng.nextBoolean() ? (byte) 1 : (byte) -1;
                for (int k = 0; k < blocks.sitesPerBlock(); k++) {
                    v[2 * blocks.site(block, k) + 1] = rng.nextDouble() < copy ? coin : (byte) -coin;
                }
            }
            out[i] = v;
        }
        return new DiscreteConfigurations(DegreesOfFreedom.isingSpins().withComponents(2), out);
    }
}
