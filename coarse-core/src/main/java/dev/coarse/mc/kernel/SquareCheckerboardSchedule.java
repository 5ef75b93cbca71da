package dev.coarse.mc.kernel;

import java.util.random.RandomGenerator;

/**
 * The site and random-number schedule of the vectorised square-lattice checkerboard Metropolis sweep, shared by
 * {@link SquareCheckerboardVector} and its plain-Java twin {@link SquareCheckerboardScalar} (which must give
 * bit-identical configurations), and the single-site update both use at the row ends.
 *
 * <p><b>Sites.</b> Spins are the sampler's ±1 bytes in row-major order (x fastest) on an L×L torus, L even,
 * L ≥ {@value #MIN_SIZE}. Row y holds H = L/2 byte pairs ("units") m = 0…H−1, bytes 2m and 2m + 1. Colour c
 * (0 = even x + y) has its sites in row y at x = 2m + p, p = (c + y) mod 2. In one row the site whose
 * horizontal neighbour wraps around the row end (the <em>wrap site</em>: x = 0 when p = 0, x = L − 1 when
 * p = 1) is left out of the vectors, so the other H − 1 sites are units m ∈ [lo, lo + H − 1) with lo = 1 − p.
 * Blocks are B units wide: B = {@value #NARROW_LANES} for L &lt; {@value #WIDE_MIN_SIZE} and
 * B = {@value #WIDE_LANES} from L = {@value #WIDE_MIN_SIZE} on (a function of L alone, never of the hardware,
 * so a seed gives one chain on every machine: a 32-unit block is one 512-bit vector, or two 256-bit halves).
 * Write H − 1 = Bq + r (0 ≤ r &lt; B). The row takes q full blocks of B consecutive units, block k starting at
 * lo + Bk, and a <em>tail</em> block starting at lo + H − 1 − B that updates only its last r lanes (its first
 * B − r lanes belong to block q − 1; when r = 0 it updates none).
 *
 * <p><b>Order.</b> Colour 0, then colour 1; within a colour the even rows y = 0, 2, …, L − 2 (a <em>run</em>),
 * then the odd rows y = 1, 3, …, L − 1 (so no row is processed right after a row it reads). Within a run: the
 * full blocks of every row (row by row, each row's blocks q − 1, q − 2, …, 0: no block reads bytes the block
 * just before it wrote, since a block reads its sites' bytes and the byte left of them), then the tails of every
 * row (row by row), then the wrap sites (row by row). A tail overlaps its row's block q − 1, and right after
 * it would read bytes still in the store buffer (every L ≤ 128 has one full block per row). Sites of one colour do
 * not interact, so every order gives a valid sweep; this one spares the processor's store-to-load forwarding.
 * (Until 2026-11-23 each row took its blocks, its tail and its wrap site in turn.)
 *
 * <p><b>Random numbers.</b> S = B/4 xoshiro256** streams (Blackman and Vigna 2018): four for 16-unit blocks,
 * eight for 32-unit blocks; state word k of stream g in {@code state[Sk + g]}, seeded at the start of each
 * sweep by {@link #seed} with 4S {@code nextLong}s of the chain's generator. Each block draws two outputs from
 * every stream, R₁[g] then R₂[g]; write I₁[j] (j = 0…2S − 1) for the 32-bit halves of R₁ in little-endian order
 * (I₁[2g] = low half of R₁[g], I₁[2g + 1] = high half), I₂ likewise. Lane i of the block (unit start + i) gets
 * the 32-bit integer ρ = I₁[i/2] for even i and I₂[(i − 1)/2] for odd i, so lanes 4g…4g + 3 take stream g;
 * the wrap site gets I₁[0] of the row's tail (whose lane 0 is never updated). Masked lanes' numbers are
 * discarded.
 *
 * <p><b>Acceptance.</b> u = ρ ⊕ 2³¹, read as unsigned, is uniform on [0, 2³²). With d the number of the four
 * neighbours that disagree with the site, ΔE = 2s·n = 8 − 4d, and the Metropolis acceptance (SCIENCE.md §2,
 * with ΔE = 0 accepted with 7/8, as the sampler chooses ({@code CheckerboardMetropolis.ZERO_COST_ACCEPTANCE})) is a(d) = e<sup>−8β</sup>,
 * e<sup>−4β</sup>, 7/8, 1, 1 for d = 0…4. A flip is accepted iff u &lt; ⌈a(d)·2³²⌉, so P(accept) =
 * ⌈a·2³²⌉/2³², exact to 2⁻³² (and exact for 7/8). With θ<sub>k</sub> = ⌈a(k)·2³²⌉ − 1 (k = 0, 1, 2) that is
 * u ≤ θ<sub>min(d,3)</sub>, and because θ₀ ≤ θ₁ ≤ θ₂ it equals d ≥ ℓ(u) with the level
 * ℓ(u) = [u &gt; θ₀] + [u &gt; θ₁] + [u &gt; θ₂] (θ₂ = 7·2²⁹ − 1). The kernels compute the first two terms by a
 * trick that needs θ &lt; 2³¹ and the third by one that needs θ ≥ 2³¹ (see {@link #update}), so the
 * schedule needs e<sup>−4β</sup> ≤ ½, i.e. T ≤ 4/ln 2 ≈ 5.77 (which also gives the monotone order), and θ₀ ≥ 0
 * needs e<sup>−8β</sup> &gt; 0 in double precision; {@link #applies} checks both.
 */
final class SquareCheckerboardSchedule {

    /** Units per block below {@link #WIDE_MIN_SIZE}: 16 byte pairs, one 256-bit vector of shorts. */
    static final int NARROW_LANES = 16;

    /** Units per block from {@link #WIDE_MIN_SIZE} on: 32 byte pairs, one 512-bit vector of shorts. */
    static final int WIDE_LANES = 32;

    /** The smallest L with at least one full 16-unit block per row (H − 1 ≥ 16). */
    static final int MIN_SIZE = 2 * (NARROW_LANES + 1);

    /** The smallest L with at least one full 32-unit block per row (H − 1 ≥ 32): wide blocks from here on. */
    static final int WIDE_MIN_SIZE = 2 * (WIDE_LANES + 1);

    /** The most streams of any schedule (eight, for wide blocks): scratch sized for it fits every schedule. */
    static final int MAX_STREAMS = WIDE_LANES / 4;

    final int size;
    final int half;
    /** B: units per block, {@value #NARROW_LANES} or {@value #WIDE_LANES}. */
    final int lanes;
    /** S = B/4: xoshiro256** streams, each feeding four lanes of a block. */
    final int streams;
    /** q: the number of full blocks per row. */
    final int fullBlocks;
    /** B − r: the leading lanes of a row's tail (the last block of the row, j = q) that the full blocks update. */
    final int maskedLanes;
    /** θ₀ ⊕ 2³¹ and θ₁ ⊕ 2³¹ as signed ints: u &gt; θ ⇔ ρ &gt; θ ⊕ 2³¹ in signed comparison. */
    final int threshold0;
    final int threshold1;
    /** θ₂ ⊕ 2³¹ for a(2), the acceptance of ΔE = 0 (½ ≤ a(2) &lt; 1): non-negative. */
    final int threshold2;
    /**
     * The blocks of a row of parity p in processing order, j = 0…q: {@code blockSite[p(q + 1) + j]} is x of
     * the block's first site (2m + p for its first unit m). Read only.
     */
    final int[] blockSite;
    /**
     * The byte-flip masks of the vector kernels, B shorts each: entries 0…B − 1 hold 0xFE (a full block), entries
     * B…2B − 1 hold 0xFE where a tail lane is updated and 0 where it is masked. Read only.
     */
    final short[] flipMasks;

    /**
     * The schedule at L = {@code size} and β, flipping ΔE = 0 with {@code zeroCostAcceptance} (the kernels' level
     * trick needs it in [½, 1)).
     *
     * @throws IllegalArgumentException if the schedule does not {@link #applies apply} or the acceptance is outside
     *                                  [½, 1)
     */
    SquareCheckerboardSchedule(int size, double beta, double zeroCostAcceptance) {
        if (!applies(size, beta)) {
            throw new IllegalArgumentException("no vector checkerboard schedule for L = " + size + ", β = " + beta);
        }
        if (!(zeroCostAcceptance >= 0.5 && zeroCostAcceptance < 1)) {
            throw new IllegalArgumentException("the ΔE = 0 acceptance must be in [1/2, 1), got " + zeroCostAcceptance);
        }
        this.size = size;
        this.half = size / 2;
        this.lanes = size >= WIDE_MIN_SIZE ? WIDE_LANES : NARROW_LANES;
        this.streams = lanes / 4;
        this.fullBlocks = (half - 1) / lanes;
        this.maskedLanes = lanes - (half - 1) % lanes;
        this.threshold0 = signedThreshold(StrictMath.exp(-8.0 * beta));
        this.threshold1 = signedThreshold(StrictMath.exp(-4.0 * beta));
        this.threshold2 = signedThreshold(zeroCostAcceptance);
        int blocks = fullBlocks + 1;
        this.blockSite = new int[2 * blocks];
        for (int p = 0; p < 2; p++) {
            for (int j = 0; j < blocks; j++) {
                int start = j == fullBlocks ? 1 - p + half - 1 - lanes : 1 - p + lanes * (fullBlocks - 1 - j);
                blockSite[p * blocks + j] = 2 * start + p;
            }
        }
        this.flipMasks = new short[2 * lanes];
        for (int i = 0; i < lanes; i++) {
            flipMasks[i] = 0xFE;
            flipMasks[lanes + i] = (short) (i < maskedLanes ? 0 : 0xFE);
        }
    }

    /** Whether the schedule exists: even L ≥ {@value #MIN_SIZE}, e<sup>−8β</sup> &gt; 0 and e<sup>−4β</sup> ≤ ½. */
    static boolean applies(int size, double beta) {
        return size >= MIN_SIZE && size % 2 == 0 && StrictMath.exp(-8.0 * beta) > 0.0 && StrictMath.exp(-4.0 * beta) <= 0.5;
    }

    /** θ ⊕ 2³¹ for θ = ⌈a·2³²⌉ − 1, 0 &lt; a &lt; 1 (exact: a·2³² is a scaling by a power of two). */
    private static int signedThreshold(double a) {
        long theta = (long) Math.ceil(a * 0x1p32) - 1;
        return (int) theta ^ Integer.MIN_VALUE;
    }

    /** Start of the row above (y − 1 mod L). */
    int upRow(int y) {
        return (y == 0 ? size - 1 : y - 1) * size;
    }

    /** Start of the row below (y + 1 mod L). */
    int downRow(int y) {
        return (y == size - 1 ? 0 : y + 1) * size;
    }

    /**
     * Seeds the S streams with 4S outputs of {@code rng}, stream by stream (stream g's words k = 0…3 go to
     * {@code state[Sk + g]}; entries from 4S on are left alone); an all-zero stream (xoshiro's one forbidden
     * state) gets a fixed nonzero word. Modified: {@code state}; {@code rng} is advanced.
     */
    void seed(long[] state, RandomGenerator rng) {
        Xoshiro256.seed(state, streams, rng);
    }

    /** The next output of stream g; advances its state. Modified: {@code state}. */
    long next(long[] state, int g) {
        return Xoshiro256.next(state, streams, g);
    }

    /**
     * Updates the wrap site of row y (parity p) with the random integer ρ, as every site: flip iff
     * d ≥ ℓ(u). Modified: {@code spins}.
     */
    void updateWrapSite(byte[] spins, int y, int p, int rho) {
        int row = y * size;
        int x = p == 0 ? 0 : size - 1;
        int left = p == 0 ? row + size - 1 : row + size - 2;
        int right = p == 0 ? row + 1 : row;
        update(spins, row + x, left, right, upRow(y) + x, downRow(y) + x, rho);
    }

    /** The single-site update of the class comment at site i with the given neighbours. Modified: {@code spins}. */
    void update(byte[] spins, int i, int left, int right, int up, int down, int rho) {
        final int s = spins[i];
        // (s ^ n) & 2 is 2 where the ±1 bytes disagree: twice d
        final int twiceD = ((s ^ spins[left]) & 2) + ((s ^ spins[right]) & 2) + ((s ^ spins[up]) & 2)
                + ((s ^ spins[down]) & 2);
        // ℓ as in the vector kernel, branch-free, with ν = ~ρ (sign bit set ⇔ ρ ≥ 0) and θ' + 1 + ν = θ' − ρ:
        // for θ' < 0 (θ₀, θ₁), ρ > θ' ⇔ ((θ' + 1 + ν) | ν) has its sign bit set (θ' − ρ does not overflow when
        // ρ < 0); for θ' ≥ 0 (θ₂), ρ > θ' ⇔ ((θ' + 1 + ν) & ν) has it (θ' − ρ does not overflow when ρ ≥ 0)
        final int nu = ~rho;
        final int level = (((threshold0 + 1 + nu) | nu) >>> 31) + (((threshold1 + 1 + nu) | nu) >>> 31)
                + (((threshold2 + 1 + nu) & nu) >>> 31);
        // branch-free (the outcome is a coin): all ones iff d ≥ ℓ, and s ^ −2 = −s
        spins[i] = (byte) (s ^ (((2 * level - twiceD - 1) >> 31) & -2));
    }
}
