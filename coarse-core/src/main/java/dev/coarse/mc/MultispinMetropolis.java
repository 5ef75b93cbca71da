package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.kernel.FixedPoint;
import dev.coarse.mc.kernel.MultispinSweep;
import dev.coarse.model.IsingModel;
import java.util.ArrayList;
import java.util.List;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Multi-spin-coded checkerboard Metropolis for the zero-field Ising model on the chain, square and cubic
 * lattices: 64 independent replicas ("a group") stored one bit each in a {@code long} per site.
 *
 * <p><b>Storage.</b> Bit r of a site's word is 1 when replica r has s = +1 there (the same convention as
 * {@link dev.coarse.exact.ExactDistribution}'s codes). On the chain and the cubic lattice the words are in
 * {@link Lattice} order; on the square lattice the two checkerboard colours are stored apart, with a ghost
 * word at each end of every half-row ({@code mc.kernel.SquareMultispinLayout}), so that a block of sites of one colour
 * (eight, or four; see "Block width") is consecutive and one vector operation updates it. {@link #words()} always
 * returns lattice order. A 64-replica L = 1024 square lattice takes 8 MiB plus 32 KiB of ghosts.
 *
 * <p><b>Update.</b> One {@link #sweep()} updates all sites of checkerboard colour 0, then colour 1 (L must be
 * even). At site i with the z = 2d neighbour words w<sub>j</sub>, the disagreement words
 * D<sub>j</sub> = w<sub>i</sub> ⊕ w<sub>j</sub> are summed bit-sliced with half/full adders into the count
 * n ∈ [0, z] per replica. Flipping s<sub>i</sub> changes the energy by ΔE = 2 s<sub>i</sub>h<sub>i</sub>
 * = 2(z − 2n) (J = 1), so ΔE &lt; 0 ⇔ n &gt; d (always accepted), ΔE = 0 ⇔ n = d (accepted with A(0) =
 * 7/8 on the square and cubic lattices, ½ on the chain, see below), and for n &lt; d the Metropolis
 * probability is e<sup>−2K(z−2n)</sup> = x<sup>d−n</sup> with x = e<sup>−4K</sup>:
 * <ul>
 *   <li>d = 1 (ΔE ∈ {4, 0, −4}): n = 0 → x, n = 1 → ½;</li>
 *   <li>d = 2 (ΔE ∈ {8, 4, 0, −4, −8}): n = 0 → x², n = 1 → x (p₈ = p₄²), n = 2 → 7/8;</li>
 *   <li>d = 3 (ΔE ∈ {12, 8, 4, 0, …}): n = 0 → x³, n = 1 → x², n = 2 → x, n = 3 → 7/8.</li>
 * </ul>
 *
 * <p><b>ΔE = 0 is accepted with A(0) &lt; 1.</b> Checkerboard Metropolis that always accepts ΔE = 0 is reducible: some
 * configurations are mapped deterministically onto each other for ever, since every one of their sites has
 * ΔE ≤ 0 when it is updated. On the chain every domain wall then hops deterministically in each half-sweep,
 * walls on bonds of one parity move left and the others right, pairs are created and annihilated one of each,
 * so the number of right-movers minus left-movers is conserved (the χ² test against enumeration fails badly).
 * On the square lattice, stripes one row wide (every site has two disagreeing neighbours) turn into their
 * global flip and back, sweep after sweep, at any temperature (36 of the 2¹⁶ states of the 4×4 torus are
 * trapped so); on the cubic lattice likewise, e.g. the L = 4 configuration of
 * {@code MultispinMetropolisTest.cubicPeriodTwoConfigurationDoesNotCycleForEver}. Such a class is closed,
 * so a chain started in it (a hot start does so with probability ~2<sup>−N</sup>, {@link #setReplica} at
 * will) never samples the Boltzmann distribution. Accepting ΔE = 0 with any A(0) in (0, 1) keeps detailed
 * balance (A(ΔE)/A(−ΔE) = e<sup>−βΔE</sup>; A(0)/A(0) = 1) and breaks every such cycle, which needs forced
 * ΔE = 0 flips. The square and cubic kernels take A(0) = {@link #ZERO_COST_ACCEPTANCE} = 7/8 (in 2D it is
 * 1 − 2<sup>−3</sup> because a ΔE = 0 replica flips where the OR of the site's last three random words has
 * a 1, see {@code SquareMultispinScalar}; in 3D it is the threshold 7/8 of the bit-serial comparison): close
 * to the reducible always-accept rule, so decorrelation stays nearly as fast. τ<sub>int</sub> of |m| at
 * L = 64, T<sub>c</sub> was 196.6 sweeps with A(0) = 1, 503.7 with ½ and 259.1 with 7/8 (BENCHMARKS.md,
 * 2026-11-23). The chain kernel keeps ½ ({@link #CHAIN_ZERO_COST_ACCEPTANCE}); the scalar sampler's
 * {@link CheckerboardMetropolis#ZERO_COST_ACCEPTANCE} is 7/8 too.
 *
 * <p><b>Bernoulli masks.</b> Each undecided replica r compares a fresh uniform fraction
 * u<sub>r</sub> = 0.b<sub>1</sub>b<sub>2</sub>… (bit k of u<sub>r</sub> = bit r of the k-th random word)
 * with its own threshold p<sub>r</sub> ∈ {A(0), x, x², x³}, most significant bit first (on the square lattice
 * the ΔE = 0 replicas instead take the OR of the site's last three random words, see
 * {@code SquareMultispinScalar}):
 * at the first bit where they differ, u &lt; p iff p's bit is 1. The loop stops as soon as every replica is decided (about
 * log₂ 64 + 1.3 words on average for 64 undecided replicas) and after at most 64 words; undecided
 * replicas are then rejected (u ≥ p). Thresholds are 64-bit fixed-point fractions (from the double value:
 * relative precision 2<sup>−53</sup>, absolute 2<sup>−64</sup>), so P(flip) = floor(p·2<sup>64</sup>)/2<sup>64</sup>.
 * One fraction per replica serves all thresholds, so one pass decides every replica whatever its n; the
 * threshold bits are shifted out of local copies (no table). The loop is counted (at most 64 turns, with
 * an early exit) so that the JIT puts no safepoint poll in it.
 *
 * <p><b>Square lattice on vectors.</b> The square kernel processes a block of sites of one colour at a time
 * (below: four), each vector lane with its own xoshiro256** stream; the mask loop draws one word per lane per
 * turn, in groups of three turns, until after a group all 4 × 64 replicas are decided, so every lane consumes as
 * many words as the slowest of the four, rounded up to a multiple of three (the surplus is discarded: each replica's
 * decision still uses fresh words only, so the chain is exact; testing every third word instead of every
 * word is 15–20 % faster, see {@code SquareMultispinLayout.WORDS_PER_TEST}). It runs on JDK 17's
 * incubating Vector API when the JVM has {@code --add-modules jdk.incubator.vector} (the
 * {@code ./coarse} launcher, the Maven build and the benchmarks pass it) and otherwise on a plain-Java twin
 * that gives bit-identical results, about 6× slower; {@link #vectorized()} says which.
 *
 * <p><b>Block width.</b> The square kernel updates blocks of eight sites by default ({@link Width#WIDE}, sampler
 * {@code multispin}): eight streams and one exit test for all eight, so the surplus words are drawn for eight
 * sites at once. It runs as one 512-bit vector on a JDK after 17 with AVX-512 (about 1.7× the speed of four
 * sites there), as two 256-bit halves elsewhere (JDK 17, AVX2: about 1.1×; {@link #wideVectorBits()},
 * BENCHMARKS.md), or on the plain-Java twin without the module; all three give the same chain, so a seed means the
 * same run on every machine and JDK. Blocks of four sites ({@link Width#NARROW}, sampler {@code multispin-narrow})
 * are the other, equally exact chain of the same seed, the one {@code multispin} ran before 2026-11-24 (each site
 * draws from another stream, and the exit test waits for four sites, not eight); the width is part of what a seed
 * reproduces, and checkpoints record it.
 *
 * <p><b>Random numbers.</b> xoshiro256** (Blackman and Vigna 2018) runs in local variables inside the
 * sweep. Its state (in 2D one per site of a block: eight, or four for narrow blocks) is seeded with four outputs of a
 * stream split from an L64X128MixRandom
 * {@link SplittableGenerator} (the LXM family guarantees statistically independent split streams), so
 * groups built in the same order from the same root are reproducible whatever thread runs them. The
 * initial configuration is random (hot start) from the same generator.
 *
 * <p>An instance is one 64-replica Markov chain group and is not thread-safe; run several groups on
 * several threads with {@link #sweepAll} or {@link #run}.
 */
public final class MultispinMetropolis implements ChainGroup {

    /** Replicas per group: one per bit of a {@code long}. */
    public static final int REPLICAS = 64;

    /** The generator algorithm whose split streams seed the groups. */
    public static final String ROOT_GENERATOR = "L64X128MixRandom";

    private final IsingModel model;
    private final Lattice lattice;
    private final int siteCount;
    private final Width width;
    /** The spins and the sweep: colour-separated words on the square lattice, lattice order elsewhere. */
    private final MultispinSweep kernel;
    private long sweepCount;

    /**
     * The acceptance of ΔE = 0 flips on the square and cubic lattices: 1 − 2<sup>−3</sup> = 7/8, 3 being the random
     * words whose OR decides a ΔE = 0 replica in 2D (see the class comment). The cubic kernel uses the same value as
     * its threshold (exact in fixed point).
     */
    public static final double ZERO_COST_ACCEPTANCE = MultispinSweep.ZERO_COST_ACCEPTANCE;
    /** The acceptance of ΔE = 0 flips on the chain. */
    public static final double CHAIN_ZERO_COST_ACCEPTANCE = MultispinSweep.CHAIN_ZERO_COST_ACCEPTANCE;

    /**
     * The block of sites the square-lattice kernel updates together; the chain and cubic lattices have one kernel
     * and take only {@link #NARROW}.
     */
    public enum Width {
        /**
         * Four sites of one colour per block, four generator streams: one 256-bit vector. Sampler
         * {@code multispin-narrow} on the square lattice; the only width of the chain and cubic kernels.
         */
        NARROW(MultispinSweep.NARROW_SITES),
        /**
         * Eight sites per block, eight streams: one 512-bit vector on a JDK after 17 with AVX-512, else two
         * 256-bit halves or the plain-Java twin. Another chain than {@link #NARROW} for the same seed (see the
         * class comment). The square lattice's default.
         */
        WIDE(MultispinSweep.WIDE_SITES);

        private final int sites;

        Width(int sites) {
            this.sites = sites;
        }

        /** Sites per block (and generator streams per group). */
        public int sites() {
            return sites;
        }

        /** The width of sampler {@code multispin} on {@code lattice}: {@link #WIDE} if square, else {@link #NARROW}. */
        public static Width defaultFor(Lattice lattice) {
            return lattice.dimension() == 2 ? WIDE : NARROW;
        }
    }

    /**
     * A group of 64 replicas seeded from {@code seed} (the first split of an L64X128MixRandom root seeded
     * with it; equals {@code groups(model, 1, seed).get(0)}).
     */
    public MultispinMetropolis(IsingModel model, long seed) {
        this(model, rootGenerator(seed));
    }

    /**
     * A group of 64 replicas whose generator is seeded from {@code streams.split()}, of the lattice's default
     * width ({@link Width#defaultFor}).
     *
     * <p>Modified: {@code streams} is advanced by one split.
     *
     * @throws IllegalArgumentException if the field is not zero or L is odd
     */
    public MultispinMetropolis(IsingModel model, SplittableGenerator streams) {
        this(model, streams, Width.defaultFor(model.lattice()));
    }

    /**
     * A group of 64 replicas whose generator is seeded from {@code streams.split()}, the square kernel updating
     * blocks of {@code width}.
     *
     * <p>Modified: {@code streams} is advanced by one split.
     *
     * @throws IllegalArgumentException if the field is not zero, L is odd, or {@code width} is {@link Width#WIDE}
     *                                  on a lattice other than the square one
     */
    public MultispinMetropolis(IsingModel model, SplittableGenerator streams, Width width) {
        this(model, width, Objects.requireNonNull(streams, "streams").split());
    }

    /**
     * A group of 64 replicas whose generator states and hot start are drawn from {@code seeder} itself (the
     * constructors draw them from a split of their generator): the group {@link ChainRunner} builds from a run's g-th
     * stream. {@code groups(model, n, seed, width).get(g)} equals {@code seeded(model, s, width)} for s the g-th
     * split of {@link #rootGenerator rootGenerator(seed)}.
     *
     * <p>Modified: {@code seeder} is advanced.
     *
     * @throws IllegalArgumentException as the constructors
     */
    public static MultispinMetropolis seeded(IsingModel model, RandomGenerator seeder, Width width) {
        return new MultispinMetropolis(model, width, Objects.requireNonNull(seeder, "seeder"));
    }

    private MultispinMetropolis(IsingModel model, Width width, RandomGenerator seeder) {
        this.model = Objects.requireNonNull(model, "model");
        this.width = Objects.requireNonNull(width, "width");
        if (model.field() != 0.0) {
            throw new IllegalArgumentException("the multi-spin Metropolis kernel supports only zero field, got h = "
                    + model.field());
        }
        this.lattice = model.lattice();
        lattice.requireBipartite("the multi-spin checkerboard Metropolis kernel");
        if (width == Width.WIDE && lattice.dimension() != 2) {
            throw new IllegalArgumentException("wide blocks are for the square lattice only, got a "
                    + lattice.dimension() + "D lattice; use Width.NARROW (sampler multispin)");
        }
        this.siteCount = lattice.siteCount();
        this.kernel = MultispinSweep.create(lattice, width.sites(), model.couplingK(), seeder);
    }

    /** The L64X128MixRandom root that {@link #MultispinMetropolis(IsingModel, long)} and {@link #groups} split. */
    public static SplittableGenerator rootGenerator(long seed) {
        return RandomGeneratorFactory.<SplittableGenerator>of(ROOT_GENERATOR).create(seed);
    }

    /** {@code count} groups (64·count replicas) split in order from one root seeded with {@code seed}. */
    public static List<MultispinMetropolis> groups(IsingModel model, int count, long seed) {
        return groups(model, count, seed, Width.defaultFor(model.lattice()));
    }

    /** As {@link #groups(IsingModel, int, long)}, the square kernel updating blocks of {@code width}. */
    public static List<MultispinMetropolis> groups(IsingModel model, int count, long seed, Width width) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one replica group, got " + count);
        }
        SplittableGenerator root = rootGenerator(seed);
        List<MultispinMetropolis> groups = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            groups.add(new MultispinMetropolis(model, root, width));
        }
        return groups;
    }

    /** The square kernel's block ({@link Width#NARROW} on other lattices). */
    public Width width() {
        return width;
    }

    public IsingModel model() {
        return model;
    }

    /** Number of completed sweeps. */
    public long sweepCount() {
        return sweepCount;
    }

    /** Spin flips attempted per sweep, 64·N. */
    public long flipAttemptsPerSweep() {
        return (long) REPLICAS * siteCount;
    }

    /**
     * The spin words in lattice order, {@code words()[site]} bit r = 1 ⇔ replica r has s = +1. On the
     * square lattice a fresh copy (the kernel keeps its own layout); on the chain and cubic lattice the live
     * array: read only (use {@link #setReplica} to change spins).
     */
    public long[] words() {
        return kernel.latticeWords();
    }

    /** Bytes of spin storage (the packed words with their ghosts and padding in 2D). */
    public long spinStorageBytes() {
        return kernel.storageBytes();
    }

    /**
     * Whether the square-lattice sweeps run on 256-bit vectors: the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (as {@code ./coarse} and the build do), the hardware has
     * them, and the system property {@code coarse.multispin.vector} is not {@code false}. Either way the
     * results are bit-identical; only the speed differs.
     */
    public static boolean vectorized() {
        return MultispinSweep.narrowVectors();
    }

    /**
     * The vectors {@link Width#WIDE} square sweeps run on: 512 (one 512-bit vector per block: the module present,
     * {@code coarse.multispin.vector} and {@code coarse.multispin.vector512} not {@code false}, and a JDK after 17
     * whose preferred long vector is 512 bits wide, i.e. AVX-512), else 256 (two 256-bit halves, where
     * {@link #vectorized()} holds), else 0 (the plain-Java twin). All three give the same results.
     */
    public static int wideVectorBits() {
        return MultispinSweep.wideVectorBits();
    }

    /** Whether this group's sweeps run on vectors (always false on the chain and cubic lattices). */
    public boolean onVectors() {
        return kernel.onVectors();
    }

    /** One full checkerboard sweep of all 64 replicas. Modified: the spin words and the generator state. */
    public void sweep() {
        kernel.sweep();
        sweepCount++;
    }

    /** {@code count} sweeps. */
    public void sweep(int count) {
        for (int t = 0; t < count; t++) {
            sweep();
        }
    }

    /** {@value #REPLICAS}: the replicas are the group's chains. */
    @Override
    public int chains() {
        return REPLICAS;
    }

    /** {@code count} sweeps. */
    @Override
    public void sweeps(long count) {
        for (long t = 0; t < count; t++) {
            sweep();
        }
    }

    /**
     * The sweep count, the kernel's generator words and the spin words in lattice order, all as big-endian longs
     * (words counted before each array).
     */
    @Override
    public Optional<byte[]> saveState() {
        long[] generator = kernel.generatorState();
        long[] spins = kernel.latticeWords();
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * (3 + generator.length + spins.length));
        bytes.putLong(sweepCount).putLong(generator.length);
        for (long w : generator) {
            bytes.putLong(w);
        }
        bytes.putLong(spins.length);
        for (long w : spins) {
            bytes.putLong(w);
        }
        return Optional.of(bytes.array());
    }

    @Override
    public void restoreState(byte[] state) {
        ByteBuffer bytes = ByteBuffer.wrap(state);
        long[] generator = kernel.generatorState();
        if (state.length != Long.BYTES * (3 + generator.length + siteCount)) {
            throw new IllegalArgumentException("a saved multispin group of " + state.length + " bytes does not fit"
                    + " this one (" + generator.length + " generator words, " + siteCount + " sites)");
        }
        long count = bytes.getLong();
        if (count < 0 || bytes.getLong() != generator.length) {
            throw new IllegalArgumentException("not a saved multispin group of this kernel");
        }
        for (int k = 0; k < generator.length; k++) {
            generator[k] = bytes.getLong();
        }
        if (bytes.getLong() != siteCount) {
            throw new IllegalArgumentException("not a saved multispin group of " + siteCount + " sites");
        }
        long[] spins = new long[siteCount];
        for (int i = 0; i < siteCount; i++) {
            spins[i] = bytes.getLong();
        }
        kernel.setGeneratorState(generator);
        kernel.setLatticeWords(spins);
        sweepCount = count;
    }

    /** Replica {@code chain} as ±1 bytes: {@link #replica}. */
    @Override
    public byte[] configuration(int chain) {
        return replica(chain);
    }

    /** Energy and magnetisation per site of every replica. Modified: both arrays (length ≥ 64). */
    @Override
    public void measure(double[] energyPerSite, double[] magnetizationPerSite) {
        double[] e = new double[REPLICAS];
        long[] m = new long[REPLICAS];
        energies(e);
        magnetizations(m);
        for (int r = 0; r < REPLICAS; r++) {
            energyPerSite[r] = e[r] / siteCount;
            magnetizationPerSite[r] = (double) m[r] / siteCount;
        }
    }

    /** Replica r as a ±1 configuration (a fresh array, sites as in {@link Lattice}). */
    public byte[] replica(int r) {
        checkReplica(r);
        byte[] c = new byte[siteCount];
        copyReplica(r, c);
        return c;
    }

    /** Writes replica r into {@code out} (length N) as ±1. Modified: {@code out}. */
    public void copyReplica(int r, byte[] out) {
        checkReplica(r);
        if (out.length != siteCount) {
            throw new IllegalArgumentException("output has " + out.length + " sites, lattice has " + siteCount);
        }
        kernel.copyReplica(r, out);
    }

    /** Sets replica r to a ±1 configuration (e.g. a cold start). Modified: the spin words. */
    public void setReplica(int r, byte[] configuration) {
        checkReplica(r);
        model.validate(configuration);
        long[] w = kernel.latticeWords();
        long bit = 1L << r;
        for (int i = 0; i < siteCount; i++) {
            w[i] = configuration[i] > 0 ? w[i] | bit : w[i] & ~bit;
        }
        kernel.setLatticeWords(w);
    }

    /**
     * Total magnetisation M = Σ s of every replica, by a bit-sliced vertical counter of the words
     * (about two word operations per site for all 64 replicas). Modified: {@code out} (length ≥ 64).
     */
    public void magnetizations(long[] out) {
        long[] ones = verticalCount(kernel.latticeWords(), null);
        for (int r = 0; r < REPLICAS; r++) {
            out[r] = 2 * ones[r] - siteCount;
        }
    }

    /** Total energies H = −Σ s_i s_j of every replica. Modified: {@code out} (length ≥ 64). */
    public void energies(double[] out) {
        long[] disagreements = verticalCount(kernel.latticeWords(), lattice);
        long bonds = lattice.bondCount();
        for (int r = 0; r < REPLICAS; r++) {
            out[r] = -(double) (bonds - 2 * disagreements[r]);
        }
    }

    /** Energy per site of replica r. */
    public double energyPerSite(int r) {
        checkReplica(r);
        double[] e = new double[REPLICAS];
        energies(e);
        return e[r] / siteCount;
    }

    /** Magnetisation per site of replica r. */
    public double magnetizationPerSite(int r) {
        checkReplica(r);
        long[] m = new long[REPLICAS];
        magnetizations(m);
        return (double) m[r] / siteCount;
    }

    /**
     * Per-replica counts of set bits over the words (bonds == null) or over the forward-bond disagreement
     * words w_i ⊕ w_{i+e_a} (bonds = the lattice), with a ripple-carry counter of bit planes.
     */
    private static long[] verticalCount(long[] w, Lattice bonds) {
        long[] planes = new long[64];
        int used = 0;
        int d = bonds == null ? 1 : bonds.dimension();
        int z = bonds == null ? 0 : bonds.coordination();
        int[] nb = bonds == null ? null : bonds.neighbourTable();
        for (int i = 0; i < w.length; i++) {
            for (int a = 0; a < d; a++) {
                long carry = bonds == null ? w[i] : w[i] ^ w[nb[i * z + 2 * a]];
                for (int p = 0; carry != 0; p++) {
                    long next = planes[p] & carry;
                    planes[p] ^= carry;
                    carry = next;
                    used = Math.max(used, p + 1);
                }
            }
        }
        long[] counts = new long[REPLICAS];
        for (int p = 0; p < used; p++) {
            for (int r = 0; r < REPLICAS; r++) {
                counts[r] += ((planes[p] >>> r) & 1) << p;
            }
        }
        return counts;
    }

    private static void checkReplica(int r) {
        if (r < 0 || r >= REPLICAS) {
            throw new IllegalArgumentException("replica index must be in [0, 64), got " + r);
        }
    }

    // ---- random bits -------------------------------------------------------------------------------

    /**
     * A word whose 64 bits are independent Bernoulli(p) variables, p = threshold / 2<sup>64</sup>, by the
     * same bit-serial comparison the kernels inline: bit k of replica r's uniform fraction is bit r of the
     * k-th word drawn from {@code words}, compared most significant bit first with {@code threshold};
     * stops when all 64 comparisons are decided or after 64 words.
     *
     * <p>Modified: {@code words} is advanced.
     */
    public static long bernoulliMask(RandomGenerator words, long threshold) {
        long accept = 0;
        long undecided = -1L;
        long q = threshold;
        for (int k = 0; k < 64 && undecided != 0; k++) {
            long r = words.nextLong();
            long t = q >> 63;
            q <<= 1;
            accept |= undecided & t & ~r;
            undecided &= ~(t ^ r);
        }
        return accept;
    }

    /** {@link #bernoulliMask(RandomGenerator, long)} with the threshold of probability p. */
    public static long bernoulliMask(RandomGenerator words, double p) {
        return bernoulliMask(words, FixedPoint.fraction(p));
    }

    // ---- several groups, several threads -----------------------------------------------------------

    /**
     * Advances every group by {@code sweeps} sweeps, the groups spread over {@code threads} threads. Each
     * group owns its generator, so the result does not depend on {@code threads}.
     *
     * <p>Modified: every group.
     */
    public static void sweepAll(List<MultispinMetropolis> groups, int sweeps, int threads) {
        TaskPool.run("multispin", groups.size(), threads, g -> groups.get(g).sweep(sweeps));
    }

    /**
     * Runs 64·{@code groupCount} independent chains and returns their samples: the adapter behind
     * {@code --sampler multispin}. Each group is built by {@link #groups} (seeded from {@code seed}),
     * thermalised for {@code thermalizeSweeps} sweeps, then records {@code samplesPerReplica}
     * configurations, {@code thin} sweeps apart. The result is identical for any {@code threads}.
     *
     * @param progress called with the total number of configurations recorded so far (all replicas),
     *                 possibly from worker threads; may be null
     * @return {@code samples[replica][sample][site]}, ±1 spins; replica = 64·group + bit
     */
    public static byte[][][] run(IsingModel model, int groupCount, int thermalizeSweeps, int samplesPerReplica,
            int thin, long seed, int threads, LongConsumer progress) {
        if (thermalizeSweeps < 0 || samplesPerReplica < 0 || thin < 1) {
            throw new IllegalArgumentException("need thermalize >= 0, samples >= 0 and thin >= 1, got "
                    + thermalizeSweeps + ", " + samplesPerReplica + ", " + thin);
        }
        List<MultispinMetropolis> groups = groups(model, groupCount, seed);
        int n = model.lattice().siteCount();
        byte[][][] samples = new byte[groupCount * REPLICAS][samplesPerReplica][n];
        AtomicLong recorded = new AtomicLong();
        TaskPool.run("multispin", groupCount, threads, index -> {
            MultispinMetropolis g = groups.get(index);
            int first = index * REPLICAS;
            g.sweep(thermalizeSweeps);
            for (int t = 0; t < samplesPerReplica; t++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("replica group " + index + " cancelled");
                }
                g.sweep(thin);
                for (int r = 0; r < REPLICAS; r++) {
                    g.copyReplica(r, samples[first + r][t]);
                }
                long done = recorded.addAndGet(REPLICAS);
                if (progress != null) {
                    progress.accept(done);
                }
            }
        });
        return samples;
    }
}
