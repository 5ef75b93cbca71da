package dev.coarse.mc;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.kernel.SquareCheckerboardSweep;
import dev.coarse.mc.kernel.SquareSpatialSweep;
import dev.coarse.model.IsingModel;
import java.util.random.RandomGenerator;

/**
 * Single-spin-flip Metropolis for the Ising model in checkerboard order: all sites of colour 0 (even
 * coordinate sum), then all sites of colour 1, each visited once per sweep.
 *
 * <p>Flipping s<sub>i</sub> changes the energy by ΔE = 2 s<sub>i</sub>(n<sub>i</sub> + h), with
 * n<sub>i</sub> the sum of the 2d neighbouring spins; the flip is accepted with probability
 * min(1, e<sup>−βΔE</sup>) (but 7/8 for ΔE = 0, see {@link #ZERO_COST_ACCEPTANCE}), read from a table
 * indexed by (s<sub>i</sub>, n<sub>i</sub>) built once in the constructor (SCIENCE.md §2).
 *
 * <p>On an even lattice the two colours are independent, so the order within a colour does not matter (the
 * basis of vectorised and multi-spin kernels). On an odd L the "colours" are not independent (the wrap
 * joins two sites of the same colour), but the sweep is still a valid <em>sequential</em> Metropolis sweep:
 * every single-site update satisfies detailed balance with respect to the Boltzmann distribution, so any
 * fixed composition of them leaves it invariant, and the sweep is ergodic because every site is visited.
 * Only the parallel interpretation is lost, which the generic loop never uses.
 *
 * <p><b>Square lattice, even L, zero field: the packed kernel.</b> The sweep runs on a packed copy of the
 * configuration, 64 sites of one colour per {@code long} ({@code SquareSpatialLayout}; spatial multi-spin coding),
 * four rows of one colour per 256-bit vector, neighbour disagreements counted by bit-sliced adders and each site's
 * flip decided by a bit-serial comparison of its own uniform fraction with e<sup>−4β</sup> or e<sup>−8β</sup> to
 * 64 bits ({@code SquareSpatialScalar} documents the update and the random numbers: four xoshiro256** streams
 * seeded from {@code rng} at every sweep). {@link #sweeps} packs and unpacks once per call, {@link #sweep} once
 * per sweep. At L = 128, T<sub>c</sub>, one core of a Zen 5 machine, calls of 16 sweeps run at 8.8 flips/ns on
 * JDK 17 and 10.5 on JDK 25; one sweep per call at 4.4 and 5.0, the conversion then costing as much as the sweep
 * (BENCHMARKS.md; on JDK 17 a configuration equal to the last output is not packed again). It uses JDK 17's incubating Vector API when the JVM has {@code --add-modules
 * jdk.incubator.vector} (the {@code ./coarse} launcher, the Maven build and the benchmarks pass it); without it,
 * or with {@code -Dcoarse.checkerboard.vector=false}, its plain-Java twin gives <b>bit-identical</b> results
 * ({@link #kernel()} says which). This kernel replaced the byte-per-site paths below on 2026-11-24, so a seed
 * gives another chain than before (the same Metropolis update, other random numbers).
 *
 * <p><b>The byte-per-site paths</b> ({@link #bytewise}, kept for comparison with byte-per-site peers): for even
 * L ≥ 34 and T ≤ 4/ln 2 ≈ 5.77 a vectorised schedule ({@code SquareCheckerboardSchedule}: blocks of 16 sites of
 * one colour below L = 66 and of 32 from there on, one xoshiro256** stream per four sites of a block, seeded from
 * {@code rng} at every sweep, 32-bit uniforms; 256-bit vectors, and on a JDK after 17 with AVX-512 one 512-bit
 * vector per 32-site block, {@link #vectorized512()}; 2.4–2.6 flips/ns on JDK 17, 4.4–4.7 on JDK 25 at L = 128),
 * with a bit-identical plain-Java twin; smaller even L and higher T a scalar xoshiro256** loop. Odd L, h ≠ 0 and
 * other lattices take the generic table-driven loop in both. See {@link #sweep}.
 */
public final class CheckerboardMetropolis extends NeighbourTableSampler {

    /**
     * Acceptance of a flip with ΔE = 0. Plain Metropolis accepts it always; with a fixed visiting order that
     * makes some configurations cycle deterministically for ever (every flip forced: ΔE &lt; 0 always
     * accepted, ΔE = 0 too), so the chain is reducible and a hot start can land in such a cycle. The
     * SamplerContractTest χ² test on the 3×3 torus found this (at T = 1.5 the E = +6 states came out ~800×
     * and the E = −2 states 7× their Boltzmann weight); so does the chain ++−−++−− in 1D. Any a(ΔE) with
     * a(ΔE)/a(−ΔE) = e<sup>−βΔE</sup> satisfies detailed balance, and any a(0) &lt; 1 breaks the cycles (an
     * energy-conserving cycle needs forced ΔE = 0 flips). a(0) = 7/8 rather than ½: ΔE = 0 flips move domain
     * walls, and at ½ the dynamics decorrelates 2.2× slower than at 7/8 (τ<sub>int</sub> of |m| at L = 64,
     * T<sub>c</sub>: 533–561 sweeps at ½, 213–273 at 7/8, 177–199 for a(0) = 1; BENCHMARKS.md). 7/8 is exact in
     * binary, so the vector schedule's 32-bit threshold for it is exact too.
     */
    public static final double ZERO_COST_ACCEPTANCE = 0.875;

    /** Sites in update order: colour 0 first, then colour 1. */
    private final int[] order;
    /** acceptance[(s+1)/2 * (2z+1) + (n+z)] = min(1, exp(−2βs(n+h))). */
    private final double[] acceptance;
    /** Linear size when the square-lattice fast path applies (2D, even L, h = 0), else 0. */
    private final int squareSize;
    /**
     * Square fast path: threshold[(s·n + 4)/2] = ⌈a·2⁵³⌉ for the acceptance a of ΔE = 2sn ∈ {−8, −4, 0, 4, 8}
     * (1, 1, 7/8, e<sup>−4β</sup>, e<sup>−8β</sup>).
     */
    private final long[] squareThresholds;
    /** The packed (spatially multi-spin-coded) kernel when it applies (see {@link #sweep}), else null. */
    private final SquareSpatialSweep packedKernel;
    /** The vectorised byte schedule when it applies (see {@link #sweep}), else null. */
    private final SquareCheckerboardSweep vectorSchedule;

    /**
     * The sampler for {@code model}: on a square lattice with even L and h = 0 the packed kernel (see
     * {@link #sweep}), elsewhere the table-driven loop.
     */
    public CheckerboardMetropolis(IsingModel model) {
        this(model, true);
    }

    /**
     * The same update with the sites kept one per byte: on a square lattice with even L and h = 0 the vectorised
     * byte schedule or the scalar square loop (see {@link #sweep}), which were the square-lattice paths until
     * 2026-11-24. For comparison (benchmarks against byte-per-site peers) and for their tests; the packed kernel
     * is faster at every L (BENCHMARKS.md).
     */
    public static CheckerboardMetropolis bytewise(IsingModel model) {
        return new CheckerboardMetropolis(model, false);
    }

    private CheckerboardMetropolis(IsingModel model, boolean packs) {
        super(model, SamplerKind.METROPOLIS);
        Lattice lattice = model.lattice();
        this.order = checkerboardOrder(lattice);
        int z = coordination;
        this.acceptance = new double[2 * (2 * z + 1)];
        double beta = model.beta();
        boolean square = lattice.dimension() == 2 && lattice.isBipartite() && model.field() == 0.0;
        this.packedKernel = square && packs ? new SquareSpatialSweep(lattice.linearSize(), beta) : null;
        this.squareSize = square && !packs ? lattice.linearSize() : 0;
        this.squareThresholds = new long[5];
        this.vectorSchedule = squareSize > 0 && SquareCheckerboardSweep.applies(squareSize, beta)
                ? new SquareCheckerboardSweep(squareSize, beta, ZERO_COST_ACCEPTANCE) : null;
        for (int k = 0; k < 5; k++) {
            double deltaE = 2.0 * (2 * k - 4);
            double a = deltaE == 0.0 ? ZERO_COST_ACCEPTANCE : Math.min(1.0, StrictMath.exp(-beta * deltaE));
            squareThresholds[k] = (long) Math.ceil(a * 0x1p53);
        }
        for (int spinIndex = 0; spinIndex < 2; spinIndex++) {
            int s = 2 * spinIndex - 1;
            for (int n = -z; n <= z; n++) {
                double deltaE = 2.0 * s * (n + model.field());
                acceptance[spinIndex * (2 * z + 1) + n + z] = deltaE == 0.0
                        ? ZERO_COST_ACCEPTANCE : Math.min(1.0, StrictMath.exp(-beta * deltaE));
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

    /**
     * One sweep: N flip attempts in checkerboard order. Modified: {@code spins}.
     *
     * <p>Three paths, each a deterministic function of the configuration and the stream (the sampler keeps
     * no random state between sweeps; its generator scratch is re-seeded from {@code rng} at every sweep):
     * <ul>
     *   <li><b>Packed kernel</b> (square lattice, h = 0, even L; not {@link #bytewise}): see the class comment
     *   and {@code SquareSpatialScalar}; each flip with d = 0 or 1 disagreeing neighbours is accepted with
     *   probability ⌊a·2⁶⁴⌋/2⁶⁴ (a = e<sup>−8β</sup>, e<sup>−4β</sup>), with d = 2 with 7/8, with d ≥ 3
     *   always.</li>
     *   <li><b>Vector schedule</b> ({@link #bytewise} only; square lattice, h = 0, even L ≥ 34, e<sup>−4β</sup> ≤ ½ i.e.
     *   T ≤ 4/ln 2): the same update, colour 0 then colour 1, with the order within a colour, the assignment
     *   of random numbers to sites and the acceptance rule of {@code SquareCheckerboardSchedule}: four
     *   xoshiro256** (Blackman and Vigna 2018) streams seeded with 16 {@code nextLong}s of {@code rng} (eight
     *   streams and 32 from L = 66 on; a seed gives another chain than before 2026-11-23, when the blocks and
     *   their order changed); each
     *   site gets a 32-bit uniform u and flips iff u &lt; ⌈a·2³²⌉ (P(accept) = ⌈a·2³²⌉/2³², exact to 2⁻³²).
     *   Runs on vectors or on the bit-identical plain-Java twin (see the class comment). This path replaced
     *   the scalar loop below at these sizes, so a seed now gives a different chain than before (equally
     *   valid: the same Metropolis update, other random numbers).</li>
     *   <li><b>Scalar square loop</b> ({@link #bytewise} only; square lattice, h = 0, even L otherwise): the same
     *   update in the same
     *   site order as the generic loop, neighbours by row offsets, random numbers from an in-register
     *   xoshiro256** seeded with four {@code nextLong}s of {@code rng} at the start of each sweep; one 53-bit
     *   uniform integer k per site, accepted iff k &lt; ⌈a·2⁵³⌉ (the same event as u &lt; a for u = k·2⁻⁵³;
     *   a = 1 gives 2⁵³, always true), and the flip written without a branch (the accept/reject outcome is a
     *   coin the branch predictor cannot learn).</li>
     *   <li><b>Generic loop</b> (odd L, h ≠ 0, other lattices): the neighbour table and
     *   {@code rng.nextDouble()} per attempted flip with a(ΔE) &lt; 1.</li>
     * </ul>
     */
    @Override
    public void sweep(byte[] spins, RandomGenerator rng) {
        if (packedKernel != null) {
            packedKernel.sweeps(spins, rng, 1);
            return;
        }
        if (vectorSchedule != null) {
            vectorSchedule.sweep(spins, rng);
            return;
        }
        if (squareSize > 0) {
            sweepSquare(spins, rng);
            return;
        }
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

    /**
     * {@code count} sweeps, bit-identical to {@code count} calls of {@link #sweep}; the packed kernel packs the
     * configuration once and unpacks it once for all of them instead of once per sweep. Modified: {@code spins}.
     */
    @Override
    public void sweeps(byte[] spins, RandomGenerator rng, long count) {
        if (packedKernel != null) {
            packedKernel.sweeps(spins, rng, count);
            return;
        }
        for (long t = 0; t < count; t++) {
            sweep(spins, rng);
        }
    }

    /**
     * Which kernel this sampler's sweeps run in this JVM: {@code "packed-256"} (the packed kernel on 256-bit
     * vectors), {@code "packed-twin"} (its plain-Java twin), {@code "bytes-512"}, {@code "bytes-256"},
     * {@code "bytes-twin"} (the byte schedule of {@link #bytewise}), {@code "square-loop"} (the scalar square
     * loop) or {@code "table"} (the generic loop).
     */
    public String kernel() {
        if (packedKernel != null) {
            return SquareSpatialSweep.vectorized() ? "packed-256" : "packed-twin";
        }
        if (vectorSchedule != null) {
            int bits = vectorSchedule.vectorBits();
            return bits == 0 ? "bytes-twin" : "bytes-" + bits;
        }
        return squareSize > 0 ? "square-loop" : "table";
    }

    /** Whether this sampler runs the packed kernel (square lattice, even L, h = 0, not {@link #bytewise}). */
    public boolean packs() {
        return packedKernel != null;
    }

    /**
     * Whether this sampler's sweeps follow the vectorised byte-per-site schedule ({@link #bytewise}, square
     * lattice, h = 0, even L ≥ 34, T ≤ 4/ln 2); they then run on vectors if {@link #vectorized()}, else on its
     * bit-identical twin.
     */
    public boolean usesVectorSchedule() {
        return vectorSchedule != null;
    }

    /**
     * Whether the byte-per-site square-lattice schedule ({@link #bytewise}) runs on vectors in this JVM (JDK 17's
     * incubating Vector API, module
     * {@code jdk.incubator.vector} present, 256-bit vectors in hardware, system property
     * {@code coarse.checkerboard.vector} not {@code false}); otherwise its plain-Java twin runs, with
     * bit-identical results.
     */
    public static boolean vectorized() {
        return SquareCheckerboardSweep.vectorized();
    }

    /**
     * The width in bits of the vectors this sampler's sweeps run on in this JVM: 256 for the packed kernel on
     * vectors; for {@link #bytewise}, 512 (32-site blocks, L ≥ 66, {@link #vectorized512()}) or 256 (16-site
     * blocks, or 32-site blocks as two halves); 0 for a plain-Java twin or a scalar loop.
     */
    public int vectorBits() {
        if (packedKernel != null) {
            return SquareSpatialSweep.vectorized() ? 256 : 0;
        }
        return vectorSchedule == null ? 0 : vectorSchedule.vectorBits();
    }

    /**
     * Whether the 32-unit blocks of L ≥ 66 run on 512-bit vectors in this JVM (AVX-512 hardware, and everything
     * {@link #vectorized()} needs); otherwise they run as two 256-bit halves, with bit-identical results.
     */
    public static boolean vectorized512() {
        return SquareCheckerboardSweep.vectorized512();
    }

    private void sweepSquare(byte[] spins, RandomGenerator rng) {
        final int size = squareSize;
        // threshold[(s·n + 4) / 2]: flip iff the 53-bit uniform integer k is below it (u < p ⇔ k < ⌈p·2⁵³⌉)
        final long[] threshold = squareThresholds;
        // xoshiro256** in locals, seeded from the chain's stream once per sweep; written out, not Xoshiro256.next on
        // an array as in ClusterGrowth: that ran this loop 5 % slower (L = 32, JDK 17, 2026-12-06)
        long s0 = rng.nextLong();
        long s1 = rng.nextLong();
        long s2 = rng.nextLong();
        long s3 = rng.nextLong() | 1L; // never the all-zero state
        for (int colour = 0; colour < 2; colour++) {
            for (int y = 0; y < size; y++) {
                final int row = y * size;
                final int up = (y == 0 ? size - 1 : y - 1) * size;
                final int down = (y == size - 1 ? 0 : y + 1) * size;
                for (int x = (colour + y) & 1; x < size; x += 2) {
                    final int i = row + x;
                    final int n = spins[x == 0 ? i + size - 1 : i - 1] + spins[x == size - 1 ? row : i + 1]
                            + spins[up + x] + spins[down + x];
                    final int s = spins[i];
                    final long r = Long.rotateLeft(s1 * 5, 7) * 9;
                    final long t = s1 << 17;
                    s2 ^= s0;
                    s3 ^= s1;
                    s1 ^= s2;
                    s0 ^= s3;
                    s2 ^= t;
                    s3 = Long.rotateLeft(s3, 45);
                    // all ones iff accepted; then s ^ -2 = −s for s = ±1 (branch-free: the flip is a coin)
                    final long accept = ((r >>> 11) - threshold[(s * n + 4) >> 1]) >> 63;
                    spins[i] = (byte) (s ^ ((int) accept & -2));
                }
            }
        }
    }
}
