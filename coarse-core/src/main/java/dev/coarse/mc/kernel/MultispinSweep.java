package dev.coarse.mc.kernel;

import dev.coarse.lattice.Lattice;
import java.util.random.RandomGenerator;

/**
 * The spins and the sweep of 64 zero-field Ising replicas stored one bit each in a {@code long} per site (bit r is 1
 * where replica r has s = +1): the kernel under {@code MultispinMetropolis}, which documents the update. On the
 * square lattice the two checkerboard colours are stored apart and swept in blocks of four or eight sites on
 * vectors ({@link SquareMultispinSweep}); on the chain and the cubic lattice the words are in lattice order and a
 * scalar loop sweeps them ({@link GenericMultispinSweep}).
 *
 * <p>A sweep is a deterministic function of the spins and the kernel's own xoshiro256** states, all seeded at
 * construction from one generator, so a group is reproducible whatever thread runs it. Not thread-safe.
 */
public abstract sealed class MultispinSweep permits SquareMultispinSweep, GenericMultispinSweep {

    /**
     * The acceptance of ΔE = 0 flips on the square and cubic lattices: 1 − 2<sup>−3</sup> = 7/8, where
     * 3 = {@link SquareMultispinLayout#WORDS_PER_TEST}, the random words whose OR decides a ΔE = 0 replica in 2D
     * (see {@link SquareMultispinScalar}). The cubic kernel uses the same value as its threshold (exact in fixed
     * point).
     */
    public static final double ZERO_COST_ACCEPTANCE = 1.0 - 1.0 / (1 << SquareMultispinLayout.WORDS_PER_TEST);
    /** The acceptance of ΔE = 0 flips on the chain. */
    public static final double CHAIN_ZERO_COST_ACCEPTANCE = 0.5;
    /** Sites per block of the narrow square kernel: one 256-bit vector of longs. */
    public static final int NARROW_SITES = SquareMultispinLayout.NARROW_LANES;
    /** Sites per block of the wide square kernel: one 512-bit vector of longs, or two 256-bit halves. */
    public static final int WIDE_SITES = SquareMultispinLayout.WIDE_LANES;

    final int siteCount;

    MultispinSweep(int siteCount) {
        this.siteCount = siteCount;
    }

    /**
     * The kernel of a bipartite chain, square or cubic {@code lattice} at coupling K, the square kernel updating
     * blocks of {@code blockSites} sites ({@link #NARROW_SITES} or {@link #WIDE_SITES}; the others take
     * {@link #NARROW_SITES} only). Seeding draws from {@code seeder}: on the square lattice four words per block
     * site for its xoshiro256** stream, then one word per site as the hot start; elsewhere four words for the one
     * stream, whose next N outputs are the hot start.
     *
     * <p>Modified: {@code seeder} is advanced.
     *
     * @throws IllegalArgumentException for another lattice, an odd L, or wide blocks off the square lattice
     */
    public static MultispinSweep create(Lattice lattice, int blockSites, double couplingK, RandomGenerator seeder) {
        lattice.requireBipartite("the multi-spin checkerboard Metropolis kernel");
        if (blockSites != NARROW_SITES && (blockSites != WIDE_SITES || lattice.dimension() != 2)) {
            throw new IllegalArgumentException("blocks of " + blockSites + " sites on a " + lattice.dimension()
                    + "D lattice: the square kernel takes " + NARROW_SITES + " or " + WIDE_SITES + ", the others "
                    + NARROW_SITES);
        }
        long[] thresholds = thresholds(StrictMath.exp(-4.0 * couplingK), lattice.dimension());
        return lattice.dimension() == 2
                ? new SquareMultispinSweep(lattice.linearSize(), blockSites, thresholds, seeder)
                : new GenericMultispinSweep(lattice, thresholds, seeder);
    }

    /** thresholds[m] = floor(x<sup>m</sup> · 2<sup>64</sup>) as an unsigned fraction, m = 1 … d; [0] unused. */
    private static long[] thresholds(double x, int dimension) {
        long[] thresholds = new long[4];
        for (int m = 1; m <= dimension; m++) {
            thresholds[m] = FixedPoint.fraction(StrictMath.pow(x, m));
        }
        return thresholds;
    }

    /** One checkerboard sweep of all 64 replicas: colour 0, then colour 1. Modified: the spins, the generator states. */
    public abstract void sweep();

    /**
     * The spin words in lattice order, {@code latticeWords()[site]} bit r = 1 ⇔ replica r has s = +1: on the square
     * lattice a fresh copy (the kernel keeps its own layout); on the chain and cubic lattice the live array, to be
     * changed only through {@link #setLatticeWords}.
     */
    public abstract long[] latticeWords();

    /** Sets every spin from lattice-order words (the live array of {@link #latticeWords} included). */
    public abstract void setLatticeWords(long[] words);

    /** Writes replica r into {@code out} (length N) as ±1 bytes in lattice order. Modified: {@code out}. */
    public abstract void copyReplica(int r, byte[] out);

    /**
     * A copy of every generator word the sweeps draw from (the xoshiro256** states): with {@link #latticeWords} the
     * kernel's whole state between sweeps.
     */
    public abstract long[] generatorState();

    /**
     * Replaces the generator words by {@code state}, as {@link #generatorState} returned them.
     *
     * @throws IllegalArgumentException if {@code state} has another length
     */
    public abstract void setGeneratorState(long[] state);

    /** Bytes of spin storage (the packed words with their ghosts and padding in 2D). */
    public abstract long storageBytes();

    /** Whether this kernel's sweeps run on vectors (never on the chain and cubic lattices). */
    public abstract boolean onVectors();

    /**
     * Whether the narrow square blocks run on 256-bit vectors: the module {@code jdk.incubator.vector} is present, the
     * hardware has the vectors, the property {@code coarse.multispin.vector} is not {@code false} and the kernel agrees
     * with its twin. Either way the results are bit-identical.
     */
    public static boolean narrowVectors() {
        return SquareMultispinSweep.VectorSupport.ENABLED;
    }

    /**
     * The vectors the wide square blocks run on: 512 (the module present, {@code coarse.multispin.vector} and
     * {@code coarse.multispin.vector512} not {@code false}, a JDK after 17 whose preferred long vector is 512 bits,
     * i.e. AVX-512), else 256 (two halves, where {@link #narrowVectors()} holds), else 0 (the plain-Java twin).
     */
    public static int wideVectorBits() {
        return SquareMultispinSweep.WideSupport.BITS;
    }
}
