package dev.coarse.mc.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.random.RandomGenerator;

/**
 * The packed form of one L×L square-lattice Ising configuration for the spatially multi-spin-coded checkerboard
 * sweep ({@link SquareSpatialScalar}, {@link SquareSpatialVector}): 64 sites of one colour per {@code long}, so
 * one bitwise instruction updates 64 sites of one lattice (where {@link SquareMultispinLayout} puts one site of
 * 64 replicas in a word).
 *
 * <p><b>Sites.</b> The sampler's ±1 bytes, row-major (site y·L + x), L even. Colour c (0 = even x + y) has
 * h = L/2 sites in row y, at x = 2k + p with p = (c + y) mod 2, k = 0…h − 1: its <em>half-row</em>. Bit k
 * mod 64 of word k / 64 holds site k, 1 for spin −1; a half-row takes W = ⌈h/64⌉ words, the last one r = h −
 * 64(W − 1) bits, and its bits from r up are 0. A site's vertical neighbours are bit k of the other colour's
 * half-rows y ± 1 (the same p), its horizontal ones x ± 1: bits k − 1 and k of the other colour's half-row y
 * when p = 0 (a rotation of that half-row left by one bit, over h bits), bits k and k + 1 when p = 1 (right).
 *
 * <p><b>Words.</b> Words are stored column by column so that four consecutive rows of one word index are
 * contiguous (one 256-bit vector): word j of colour c, row y at {@code c·W·S + j·S + y + 1}, with S = R + 2,
 * R = L rounded up to a multiple of {@link #LANES}. Index 0 of a column is a ghost copy of row L − 1 and index
 * L + 1 of row 0, so the rows y ± 1 of every real row are plain loads; rows L … R − 1 are padding (row L shares
 * its index with that ghost), never changed (their lanes are masked) and never read by a real row.
 *
 * <p><b>Units.</b> A sweep updates colour 0, then colour 1; each colour in units of four rows y₀ … y₀ + 3 (y₀ a
 * multiple of 4) and one word index j, unit u = (y₀/4)·W + j in increasing order, lane l the row y₀ + l.
 */
final class SquareSpatialLayout {

    /** Rows per unit: one 256-bit vector of longs, one xoshiro256** stream per lane. */
    static final int LANES = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Eight ±1 bytes from two nibbles: entry e | o·16 has byte 2i from bit i of e, byte 2i + 1 from bit i of o. */
    private static final long[] SPREAD = spreadTable();

    final int size;
    /** W, words per half-row. */
    final int words;
    /** S, the length of one word column (rows, padding and two ghosts). */
    final int stride;
    /** Units per colour: ⌈L/4⌉·W. */
    final int units;

    /** Per unit: the index of its lane 0 within its colour's block of {@code words·stride} longs. */
    final int[] unitIndex;
    /** Per unit: the same for the words left and right of it (cyclically), where its horizontal neighbours' bits come from. */
    final int[] leftIndex;
    final int[] rightIndex;
    /** Per unit: the shift that brings the bit entering at bit 0 (left) or at the top (right) into place. */
    final int[] leftShift;
    final int[] rightShift;
    /** Per unit and lane: the bits of the word that are sites (0 for padding rows). */
    final long[] valid;

    SquareSpatialLayout(int size) {
        if (size < 2 || size % 2 != 0) {
            throw new IllegalArgumentException("the packed square kernel needs an even L >= 2, got " + size);
        }
        this.size = size;
        int half = size / 2;
        this.words = (half + 63) / 64;
        int rows = (size + LANES - 1) / LANES * LANES;
        this.stride = rows + 2;
        this.units = rows / LANES * words;
        int lastBits = half - 64 * (words - 1);
        long lastMask = lastBits == 64 ? -1L : (1L << lastBits) - 1;
        unitIndex = new int[units];
        leftIndex = new int[units];
        rightIndex = new int[units];
        leftShift = new int[units];
        rightShift = new int[units];
        valid = new long[units * LANES];
        for (int u = 0; u < units; u++) {
            int y0 = u / words * LANES;
            int j = u % words;
            unitIndex[u] = j * stride + y0 + 1;
            leftIndex[u] = Math.floorMod(j - 1, words) * stride + y0 + 1;
            rightIndex[u] = (j + 1) % words * stride + y0 + 1;
            // left: bit 0 of word j takes the top site of word j − 1 (bit 63, or bit r − 1 of the last word)
            leftShift[u] = j == 0 ? lastBits - 1 : 63;
            // right: the top site of word j takes bit 0 of word j + 1 (at bit 63, or at bit r − 1 in the last word)
            rightShift[u] = j == words - 1 ? lastBits - 1 : 63;
            for (int l = 0; l < LANES; l++) {
                valid[u * LANES + l] = y0 + l >= size ? 0 : j == words - 1 ? lastMask : -1L;
            }
        }
    }

    /** Length of the packed array: both colours. */
    int length() {
        return 2 * words * stride;
    }

    /** Start of colour c's block of words. */
    int colourStart(int colour) {
        return colour * words * stride;
    }

    /** Index of word 0 of row y of the colour whose sites in that row are at even x (colour y mod 2). */
    int evenRow(int y) {
        return colourStart(y & 1) + y + 1;
    }

    /** Index of word 0 of row y of the colour whose sites in that row are at odd x. */
    int oddRow(int y) {
        return colourStart(1 - (y & 1)) + y + 1;
    }

    /**
     * The horizontal-neighbour word of a site word s (the other colour's word o of the same row, its left and
     * right words ol, or): the rotation left by one bit if the row's sites have p = 0, else right. Used by the
     * twin; the vector kernel writes it out.
     */
    static long side(long o, long ol, long or, int leftShift, int rightShift, boolean evenParity, long valid) {
        return (evenParity ? o << 1 | ol >>> leftShift : o >>> 1 | or << rightShift) & valid;
    }

    /** Refreshes the two ghost rows of every word column of colour c. Modified: {@code packed}. */
    void refreshGhosts(long[] packed, int colour) {
        for (int j = 0; j < words; j++) {
            int column = colour * words * stride + j * stride;
            packed[column] = packed[column + size];
            packed[column + size + 1] = packed[column + 1];
        }
    }

    /**
     * Packs ±1 bytes into {@code packed} (rows, then ghosts; padding rows untouched). Thirty-two sites at a time, by
     * {@link #gather}; the sites after the last full 32 of a row one by one. Modified: {@code packed}.
     */
    void pack(byte[] spins, long[] packed) {
        final int n = size;
        final int chunks = n / 32;
        for (int y = 0; y < n; y++) {
            final int base = y * n;
            final int evenRow = evenRow(y);
            final int oddRow = oddRow(y);
            for (int j = 0; j < words; j++) {
                long evenWord = 0;
                long oddWord = 0;
                final int start = base + 128 * j;
                // chunk c fills 16 bits of word j: shifted in from the top, at most four chunks per word
                final int count = Math.min(4, chunks - 4 * j);
                for (int c = 0; c < count; c++) {
                    final int x = start + 32 * c;
                    final long v0 = (long) LONGS.get(spins, x);
                    final long v1 = (long) LONGS.get(spins, x + 8);
                    final long v2 = (long) LONGS.get(spins, x + 16);
                    final long v3 = (long) LONGS.get(spins, x + 24);
                    evenWord = evenWord >>> 16 | gather((v0 & EVEN_BYTES) >>> 1 | (v1 & EVEN_BYTES) << 3
                            | (v2 & EVEN_BYTES) << 7 | (v3 & EVEN_BYTES) << 11) << 48;
                    oddWord = oddWord >>> 16 | gather((v0 & ODD_BYTES) >>> 9 | (v1 & ODD_BYTES) >>> 5
                            | (v2 & ODD_BYTES) >>> 1 | (v3 & ODD_BYTES) << 3) << 48;
                }
                // fewer than four chunks (the row's last word): move the bits from the top down to bit 0
                if (count < 4) {
                    evenWord = count <= 0 ? 0 : evenWord >>> (64 - 16 * count);
                    oddWord = count <= 0 ? 0 : oddWord >>> (64 - 16 * count);
                }
                if (j == words - 1) {
                    for (int x = 32 * chunks; x < n; x++) {
                        final long bit = (long) (spins[base + x] >>> 1 & 1) << (x / 2);
                        if ((x & 1) == 0) {
                            evenWord |= bit;
                        } else {
                            oddWord |= bit;
                        }
                    }
                }
                packed[evenRow + j * stride] = evenWord;
                packed[oddRow + j * stride] = oddWord;
            }
        }
        refreshGhosts(packed, 0);
        refreshGhosts(packed, 1);
    }

    /** Bit 1 of bytes 0, 2, 4, 6 (1 for a −1 byte). */
    private static final long EVEN_BYTES = 0x0002000200020002L;
    /** Bit 1 of bytes 1, 3, 5, 7. */
    private static final long ODD_BYTES = 0x0200020002000200L;

    /**
     * The 16 bits at 16i + 4t (i, t = 0…3) as one 16-bit number, bit 4t + i from bit 16i + 4t: × M with M = 2⁴⁸ +
     * 2³³ + 2¹⁸ + 2³ (a term 2<sup>48 − 15j</sup> per i = j) moves each to bit 48 + 4t + i; a term with j &gt; i lands
     * on a distinct bit below 48 (so no carry reaches bit 48), one with j &lt; i at bit 64 or above.
     */
    private static long gather(long bits) {
        return bits * 0x0001000200040008L >>> 48;
    }

    /**
     * Writes the packed configuration back as ±1 bytes: eight sites at a time from a 256-entry table, the sites after
     * the last full eight of a row one by one. Modified: {@code spins}.
     */
    void unpack(long[] packed, byte[] spins) {
        final int n = size;
        final int chunks = n / 8;
        final int fullWords = n / 128;
        for (int y = 0; y < n; y++) {
            final int base = y * n;
            final int evenRow = evenRow(y);
            final int oddRow = oddRow(y);
            // full words of 16 chunks (a constant count, so C2 unrolls the loop: 30 % faster than a variable one)
            for (int j = 0; j < fullWords; j++) {
                spread(packed[evenRow + j * stride], packed[oddRow + j * stride], spins, base + 128 * j, 16);
            }
            if (fullWords < words) {
                final int j = words - 1;
                final long evenWord = packed[evenRow + j * stride];
                final long oddWord = packed[oddRow + j * stride];
                spread(evenWord, oddWord, spins, base + 128 * j, chunks - 16 * j);
                for (int x = 8 * chunks; x < n; x++) {
                    final long word = (x & 1) == 0 ? evenWord : oddWord;
                    spins[base + x] = (byte) (1 - 2 * (int) (word >>> (x / 2 - 64 * j) & 1));
                }
            }
        }
    }

    /** Eight sites per chunk from the low nibbles of the two words, {@code count} chunks from {@code start}. */
    private static void spread(long evenWord, long oddWord, byte[] spins, int start, int count) {
        final long[] spread = SPREAD;
        long e = evenWord;
        long o = oddWord;
        for (int c = 0; c < count; c++) {
            LONGS.set(spins, start + 8 * c, spread[(int) (e & 15 | (o & 15) << 4) & 255]);
            e >>>= 4;
            o >>>= 4;
        }
    }

    private static long[] spreadTable() {
        long[] table = new long[256];
        for (int index = 0; index < 256; index++) {
            long bytes = 0;
            for (int i = 0; i < 8; i++) {
                int bit = (i & 1) == 0 ? index >>> (i / 2) & 1 : index >>> (4 + i / 2) & 1;
                bytes |= (long) ((1 - 2 * bit) & 0xFF) << (8 * i);
            }
            table[index] = bytes;
        }
        return table;
    }

    /**
     * Seeds the {@link #LANES} xoshiro256** streams, state word k of stream l in {@code state[4k + l]}, with 16
     * {@code nextLong}s of the chain's generator (an all-zero stream, probability 2⁻²⁵⁶, gets a fixed odd word).
     * Modified: {@code state}; the generator is advanced.
     */
    static void seed(long[] state, RandomGenerator rng) {
        Xoshiro256.seed(state, LANES, rng);
    }
}
