package dev.coarse.mc.kernel;

/**
 * The storage of the square-lattice multi-spin kernels ({@link SquareMultispinVector}, {@link SquareMultispinWide}
 * and their scalar twin {@link SquareMultispinScalar}): the two checkerboard colours stored apart, so that the
 * sites one half-sweep updates are consecutive in memory and a block of {@link #lanes} of them (4: one 256-bit
 * vector; 8: one 512-bit vector) is updated together.
 *
 * <p>Site (y, x) of an L×L torus (L even) has colour c = (x + y) mod 2 and half-row index j = ⌊x/2⌋, so
 * x = 2j + ((c + y) mod 2). Colour c, row y, index j ∈ [0, H), H = L/2, lives at
 * {@code c·L·stride + y·stride + 1 + j}. Each half-row has a ghost word on each side (index 0 copies j = H−1,
 * index H + 1 copies j = 0, refreshed by {@link #refreshGhosts} after the half-row changes) and is padded to
 * {@code stride = roundUp(H, lanes) + 2} words, so a block of {@link #lanes} consecutive j never leaves it.
 * Padding words are never read as spins: lanes beyond H are masked out of every decision.
 *
 * <p>Neighbours of colour c at (y, j): the other colour's (y, j) and (y, j + side), side = −1 when
 * (c + y) is even and +1 when odd, and the other colour's (y ± 1 mod L, j).
 */
final class SquareMultispinLayout {

    /** Sites updated together by {@link SquareMultispinVector}: one 256-bit vector of longs. */
    static final int NARROW_LANES = 4;
    /** Sites updated together by {@link SquareMultispinWide}: one 512-bit vector of longs. */
    static final int WIDE_LANES = 8;

    final int size;
    /** Sites per block, {@link #NARROW_LANES} or {@link #WIDE_LANES}; also the number of xoshiro256** streams. */
    final int lanes;
    final int half;
    final int stride;
    /** See {@link #laneMasks()}. */
    private final long[] masks;

    /** The layout of {@link SquareMultispinVector}: blocks of {@link #NARROW_LANES} sites. */
    SquareMultispinLayout(int size) {
        this(size, NARROW_LANES);
    }

    /** Blocks of {@code lanes} sites, {@link #NARROW_LANES} or {@link #WIDE_LANES}. */
    SquareMultispinLayout(int size, int lanes) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("the square multi-spin kernel needs an even L >= 2, got " + size);
        }
        if (lanes != NARROW_LANES && lanes != WIDE_LANES) {
            throw new IllegalArgumentException("blocks of " + NARROW_LANES + " or " + WIDE_LANES + " sites, got " + lanes);
        }
        this.size = size;
        this.lanes = lanes;
        this.half = size / 2;
        this.stride = (half + lanes - 1) / lanes * lanes + 2;
        this.masks = new long[2 * lanes];
        int lastStart = (half - 1) / lanes * lanes;
        for (int l = 0; l < lanes; l++) {
            masks[l] = -1L;
            masks[lanes + l] = lastStart + l < half ? -1L : 0L;
        }
    }

    /** Length of the packed array. */
    int length() {
        return 2 * size * stride;
    }

    /** Index of the first word (j = 0) of colour c's half-row y. */
    int rowStart(int colour, int y) {
        return colour * size * stride + y * stride + 1;
    }

    /** Start of the other colour's half-row y + dy (mod L): the vertical neighbours of colour c in row y. */
    int neighbourRowStart(int colour, int y, int dy) {
        return rowStart(1 - colour, Math.floorMod(y + dy, size));
    }

    /** The second horizontal neighbour of (c, y, j) is the other colour's j + side: −1 if c + y is even, else +1. */
    int side(int colour, int y) {
        return ((colour + y) & 1) == 0 ? -1 : 1;
    }

    /** Index in the packed array of lattice site y·L + x. */
    int packedIndex(int site) {
        int y = site / size;
        int x = site % size;
        return rowStart((x + y) & 1, y) + x / 2;
    }

    /** Copies the half-row's end words into its ghosts. Modified: {@code packed}. */
    void refreshGhosts(long[] packed, int colour, int y) {
        int first = rowStart(colour, y);
        packed[first - 1] = packed[first + half - 1];
        packed[first + half] = packed[first];
    }

    /** Scatters lattice-order words into the packed array (ghosts refreshed). Modified: {@code packed}. */
    void pack(long[] words, long[] packed) {
        for (int site = 0; site < words.length; site++) {
            packed[packedIndex(site)] = words[site];
        }
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < size; y++) {
                refreshGhosts(packed, c, y);
            }
        }
    }

    /** Gathers the packed array into lattice order. Modified: {@code words}. */
    void unpack(long[] packed, long[] words) {
        for (int site = 0; site < words.length; site++) {
            words[site] = packed[packedIndex(site)];
        }
    }

    /**
     * Lane masks: entries 0…lanes−1 are all ones (a full block), entries lanes…2·lanes−1 keep the lanes j &lt; H of
     * the last block of a half-row (all ones too when H is a multiple of lanes). Shared: read only.
     */
    long[] laneMasks() {
        return masks;
    }

    /** Offset into {@link #laneMasks()} for the block starting at j. */
    int maskOffset(int j) {
        return j + lanes > half ? lanes : 0;
    }

    /**
     * Random words each lane draws between two "all replicas decided?" tests of the square kernels. Testing
     * after every word costs a compare-and-branch per word; testing after every third word wastes about one
     * word per site but ran the vector kernel 15–20 % faster at T_c, L = 128 (and the C peer likewise), because
     * the test, not the word, is what C2 compiles poorly (BENCHMARKS.md, 2026-11-23 12:28 UTC).
     *
     * <p>Two things assume the value 3: {@link SquareMultispinVector} writes the three words of a group out
     * by hand, and the ΔE = 0 acceptance is 1 − 2<sup>−WORDS_PER_TEST</sup> = 7/8 (a ΔE = 0 replica flips
     * where the OR of the last group's words has a 1, {@link MultispinSweep#ZERO_COST_ACCEPTANCE}).
     * {@code SquareMultispinTransitionKernelTest} pins both.
     */
    static final int WORDS_PER_TEST = 3;

    /** Threshold bits per table: 64 bits of the fixed-point thresholds, then zeros up to a whole group. */
    static final int TABLE_BITS = (64 + WORDS_PER_TEST - 1) / WORDS_PER_TEST * WORDS_PER_TEST;

    /**
     * The threshold bits, interleaved: {@code bits[2k]} = all ones if bit k (from the top) of p₁ is set, else
     * 0; {@code bits[2k + 1]} the same for p₁ ⊕ p₂; k &lt; {@link #TABLE_BITS}, the bits past the 64th are 0
     * (the thresholds are 64-bit fixed-point numbers, so their further binary digits are 0). The bit for a
     * replica with n = 0 is bits[2k] ⊕ bits[2k + 1], for n = 1 bits[2k].
     *
     * <p>A replica still undecided after 64 words has u's first 64 bits equal to p's; with zero bits after
     * that it can only be rejected (u ≥ p), which is the exact outcome for a 64-bit p.
     */
    static long[] thresholdTables(long p1, long p2) {
        long[] bits = new long[2 * TABLE_BITS];
        for (int k = 0; k < 64; k++) {
            bits[2 * k] = (p1 << k) >> 63;
            bits[2 * k + 1] = ((p1 ^ p2) << k) >> 63;
        }
        return bits;
    }
}
