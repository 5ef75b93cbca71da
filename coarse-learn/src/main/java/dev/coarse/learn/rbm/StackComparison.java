package dev.coarse.learn.rbm;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.MajorityRule;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The Mehta–Schwab comparison made concrete: second-moment correlation length ξ (SCIENCE.md §2,
 * {@link Observables}) of (a) the Ising data, (b) its iterated 2×2 majority-rule block spins (the Kadanoff
 * coarse-graining with the same 4:1 reduction per level as 1600-400-100-25), and (c) the stack's
 * reconstructions through its first k layers ({@link RbmStack#reconstruct}: data propagated up to layer k by
 * sampling and back down to the 40×40 visible layer). Block spins live on an (L/2ⁿ)×(L/2ⁿ) torus, so their ξ
 * is in coarse lattice units; reconstructions live on the original lattice.
 *
 * <p>Errors: jackknife as in {@link Observables#derived}, with the data's chain structure (reconstruction and
 * block spin m descend from configuration m, so they inherit its autocorrelations). The top layer's hidden
 * units have no geometry, so ξ cannot be measured on them directly; the reconstruction is the stand-in.
 */
public final class StackComparison {

    /** Stream algorithm for tie-breaking and reconstruction sampling. */
    private static final String GENERATOR = "L64X128MixRandom";
    /** Smallest block-spin L measured (ξ on a 2×2 torus is not meaningful). */
    public static final int MIN_BLOCK_LATTICE = 4;

    /**
     * One row of the comparison.
     *
     * @param name              "data", "majority-b2", "majority-b4", …, "rbm-depth1", "rbm-depth2", …
     * @param linearSize        L of the configurations measured
     * @param scale             lattice spacing in units of the original one (2ⁿ for block spins, 1 otherwise)
     * @param correlationLength ξ in the row's own lattice units
     * @param absMagnetization  ⟨|m|⟩ (mean over configurations, no error bar)
     */
    public record Row(String name, int linearSize, int scale, Estimate correlationLength, double absMagnetization) {
        /** ξ/L, the scale-free ratio that a fixed point of the RG leaves unchanged. */
        public double xiOverL() {
            return correlationLength.mean() / linearSize;
        }
    }

    private StackComparison() {
    }

    /**
     * The rows: data; majority rule b = 2 iterated min(layers, levels down to L ≥ {@value #MIN_BLOCK_LATTICE}) times; reconstructions at
     * depth 1 … layers. {@code data} are ±1 Ising spins on {@code lattice} (2D), chain-major with
     * {@code chains} chains of equal length. Not modified: {@code data}, {@code stack}.
     */
    public static List<Row> compare(byte[][] data, Lattice lattice, int chains, RbmStack stack, long seed) {
        SplittableGenerator root = RandomGeneratorFactory.<SplittableGenerator>of(GENERATOR).create(seed);
        List<Row> rows = new ArrayList<>();
        rows.add(row("data", data, lattice, 1, chains));
        MajorityRule majority = new MajorityRule(2);
        int levels = 0;
        while (levels < Math.min(stack.layers().size(), Coarsener.maxLevels(lattice, majority))
                && lattice.linearSize() >> (levels + 1) >= MIN_BLOCK_LATTICE) {
            levels++;
        }
        List<byte[][]> blocks = Coarsener.iterate(data, lattice, majority, levels, root.nextLong());
        List<Lattice> lattices = Coarsener.lattices(lattice, majority, levels);
        for (int n = 1; n <= levels; n++) {
            rows.add(row("majority-b" + (1 << n), blocks.get(n), lattices.get(n), 1 << n, chains));
        }
        UnitType type = stack.layers().get(0).unitType();
        for (int depth = 1; depth <= stack.layers().size(); depth++) {
            byte[][] recon = stack.reconstruct(toUnits(data, type), depth, root.split());
            rows.add(row("rbm-depth" + depth, toSpins(recon, type), lattice, 1, chains));
        }
        return rows;
    }

    /**
     * Second-moment ξ of ±1 configurations on a torus, chain-major in {@code chains} equal chains (one chain
     * if the count does not divide), with the jackknife of {@link Observables#derived}.
     */
    public static Estimate correlationLength(byte[][] spins, Lattice lattice, int chains) {
        int c = chains >= 1 && spins.length % chains == 0 ? chains : 1;
        int perChain = spins.length / c;
        RunSpec spec = new RunSpec(IsingModel.atTemperature(lattice, 1.0), SamplerKind.METROPOLIS, perChain, 0, 1, c, 0, 1);
        // Energy and magnetisation series are not used by fourierModes; only their shape (chains) matters.
        ChainResult result = new ChainResult(spec, spins, new double[c][perChain], new double[c][perChain], 0);
        double sine = 2 * Math.sin(Math.PI / lattice.linearSize());
        return Observables.derived(Observables.fourierModes(result), v -> Math.sqrt(v[0] / v[1] - 1) / sine);
    }

    private static Row row(String name, byte[][] spins, Lattice lattice, int scale, int chains) {
        double absM = 0;
        for (byte[] s : spins) {
            absM += Math.abs((double) IsingModel.magnetization(s)) / s.length;
        }
        return new Row(name, lattice.linearSize(), scale, correlationLength(spins, lattice, chains),
                absM / spins.length);
    }

    /** ±1 spins as stored units of {@code type} (bits: up → 1, down → 0). */
    static byte[][] toUnits(byte[][] spins, UnitType type) {
        return type == UnitType.SPIN ? spins : recode(spins, (byte) 0);
    }

    private static byte[][] toSpins(byte[][] units, UnitType type) {
        return type == UnitType.SPIN ? units : recode(units, (byte) -1);
    }

    /** Bytes &gt; 0 → 1, others → {@code down}; fresh arrays. */
    private static byte[][] recode(byte[][] in, byte down) {
        byte[][] out = new byte[in.length][];
        for (int m = 0; m < in.length; m++) {
            out[m] = new byte[in[m].length];
            for (int i = 0; i < out[m].length; i++) {
                out[m][i] = in[m][i] > 0 ? 1 : down;
            }
        }
        return out;
    }
}
