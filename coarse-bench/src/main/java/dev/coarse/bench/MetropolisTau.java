package dev.coarse.bench;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Sampler;
import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.bench.IndependentSamples;
import dev.coarse.model.IsingModel;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * τ<sub>int</sub> of |m| of one chain of Coarse's scalar checkerboard Metropolis ({@code CheckerboardMetropolis})
 * on the L×L square lattice: a hot start, sweeps/10 sweeps discarded, then |m| after each of {@code sweeps}
 * sweeps ({@link IndependentSamples#tauAbsMagnetization(Sampler, byte[], RandomGenerator, int, int)}).
 *
 * <p>Usage: {@code MetropolisTau L T sweeps seed}. Prints {@code RESULT peer=coarse_metropolis_tau L=… T=…
 * sweeps=… seed=… tau=…}.
 */
public final class MetropolisTau {

    private MetropolisTau() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: MetropolisTau L T sweeps seed");
            System.exit(2);
        }
        int size;
        double temperature;
        int sweeps;
        long seed;
        try {
            size = Integer.parseInt(args[0]);
            temperature = Double.parseDouble(args[1]);
            sweeps = Integer.parseInt(args[2]);
            seed = Long.parseLong(args[3]);
        } catch (NumberFormatException e) {
            System.err.println("MetropolisTau: not a number: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (size < 2 || sweeps < 10 || !(temperature > 0) || Double.isInfinite(temperature)) {
            System.err.println("MetropolisTau: need L >= 2, sweeps >= 10 and a finite T > 0");
            System.exit(2);
        }
        IsingModel model = IsingModel.atTemperature(Lattice.square(size), temperature);
        Sampler sampler = SamplerKind.METROPOLIS.create(model);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        byte[] spins = ChainRunner.randomConfiguration(model, rng);
        double tau = IndependentSamples.tauAbsMagnetization(sampler, spins, rng, sweeps / 10, sweeps);
        System.out.println(String.format(Locale.ROOT,
                "RESULT peer=coarse_metropolis_tau L=%d T=%.6f sweeps=%d seed=%d tau=%.2f",
                size, temperature, sweeps, seed, tau));
    }
}
