package dev.coarse.mc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The square-lattice multi-spin sweep in plain Java: the exact twin of {@link SquareMultispinVector} (blocks of
 * four sites) and of {@link SquareMultispinWide} (blocks of eight), lane by lane, drawing the same random words in
 * the same order, so it gives bit-identical configurations. It runs when the JVM was started without
 * {@code --add-modules jdk.incubator.vector} (or on hardware or a JDK without the vectors the layout's block
 * needs), and it is the oracle the vector kernels are tested against.
 *
 * <p>Per block of {@link SquareMultispinLayout#lanes} sites: each lane l draws its words from its own
 * xoshiro256** stream (state {@code state[lanes·k + l]}, k = 0…3), one word per lane per turn, in groups of
 * {@link SquareMultispinLayout#WORDS_PER_TEST} turns, until after a group every lane's 64 replicas are
 * decided (at least one group, at most {@link SquareMultispinLayout#TABLE_BITS} turns; the generator state
 * is kept per half-row in the vector kernel, which changes nothing here since each lane's stream is
 * consumed in the same order). Bit k of a replica's uniform fraction u is the <em>complement</em> of its
 * bit in the k-th word (equally uniform, and it spares the vector kernel two NOTs per word): with threshold
 * bit t, the replica stays undecided where u's bit = t, i.e. where word ⊕ t = 1, is decided elsewhere, and
 * is accepted (u &lt; p) where t = 1 and u's bit = 0, i.e. where word ∧ t = 1.
 *
 * <p>Replicas with ΔE = 0 (n = 2 disagreeing neighbours) flip with
 * A(0) = 1 − 2<sup>−{@link SquareMultispinLayout#WORDS_PER_TEST}</sup> = 7/8
 * ({@link MultispinSweep#ZERO_COST_ACCEPTANCE}): where bit r of the OR of the last group's three words
 * (all drawn for this site by this lane; the loop draws whole groups) is 1. No other decision reads those
 * bits (such a replica is never undecided, so its bit position is unused in every word), and when the loop
 * stops depends only on the undecided replicas' bits, so the three bits are independent fair coins and the
 * flip is independent of everything else, with probability 1 − 2<sup>−3</sup>. This costs a few operations
 * per site and no word.
 */
final class SquareMultispinScalar {

    private SquareMultispinScalar() {
    }

    /** A square multi-spin sweep with this class's signature: one of the vector kernels it is the twin of. */
    interface Kernel {
        void sweep(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits);
    }

    /**
     * The self-check of a kernel of eight-site blocks: {@link #agrees} at L = 6 and 18 (padding lanes, a full and a
     * partial block, in either half of a block).
     */
    static boolean agreesOnWideBlocks(Kernel kernel, long seed) {
        return agrees(kernel, 6, SquareMultispinLayout.WIDE_LANES, seed)
                && agrees(kernel, 18, SquareMultispinLayout.WIDE_LANES, seed + 1);
    }

    /**
     * The vector kernels' self-check: two sweeps of {@code kernel} and of this twin at T<sub>c</sub> on an L × L
     * layout of {@code lanes} lanes, from a random start and generator state drawn from {@code seed}; true when spins
     * and generator states agree bit for bit. The incubating Vector API changes between JDKs, so a JDK whose API
     * behaves differently gets the twin instead of a wrong chain.
     */
    static boolean agrees(Kernel kernel, int size, int lanes, long seed) {
        final SquareMultispinLayout layout = new SquareMultispinLayout(size, lanes);
        final SplittableRandom rng = new SplittableRandom(seed);
        final long[] start = new long[size * size];
        for (int i = 0; i < start.length; i++) {
            start[i] = rng.nextLong();
        }
        final long[] twin = new long[layout.length()];
        layout.pack(start, twin);
        final long[] packed = twin.clone();
        final long[] twinState = new long[4 * lanes];
        for (int i = 0; i < twinState.length; i++) {
            twinState[i] = rng.nextLong();
        }
        final long[] state = twinState.clone();
        final double x = StrictMath.exp(-4 / 2.269185314213022);
        final long[] bits = SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x),
                FixedPoint.fraction(x * x));
        for (int t = 0; t < 2; t++) {
            sweep(layout, twin, twinState, bits);
            kernel.sweep(layout, packed, state, bits);
        }
        return Arrays.equals(packed, twin) && Arrays.equals(state, twinState);
    }

    /**
     * One sweep: colour 0, then colour 1, rows in order. Modified: {@code packed}, {@code state}.
     *
     * @param bits {@link SquareMultispinLayout#thresholdTables} of x and x²
     */
    static void sweep(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits) {
        final int lanes = layout.lanes;
        final long[] masks = layout.laneMasks();
        final long[] accept = new long[lanes];
        final long[] undecided = new long[lanes];
        final long[] eq0 = new long[lanes];
        final long[] eq2 = new long[lanes];
        final long[] lastWords = new long[lanes];
        final int size = layout.size;
        final int half = layout.half;
        for (int colour = 0; colour < 2; colour++) {
            for (int y = 0; y < size; y++) {
                final int row = layout.rowStart(colour, y);
                final int same = layout.rowStart(1 - colour, y);
                final int up = layout.neighbourRowStart(colour, y, -1);
                final int down = layout.neighbourRowStart(colour, y, 1);
                final int side = layout.side(colour, y);
                for (int j = 0; j < half; j += lanes) {
                    final int maskOffset = layout.maskOffset(j);
                    for (int l = 0; l < lanes; l++) {
                        final int i = j + l;
                        classify(packed[row + i], packed[same + i], packed[same + i + side], packed[up + i],
                                packed[down + i], masks[maskOffset + l], l, eq0, eq2, accept, undecided);
                    }
                    decide(state, bits, eq0, accept, undecided, lastWords);
                    for (int l = 0; l < lanes; l++) {
                        packed[row + j + l] ^= accept[l] | (eq2[l] & lastWords[l]);
                    }
                }
                layout.refreshGhosts(packed, colour, y);
            }
        }
    }

    /**
     * Lane l's word s of 64 sites against its four neighbour words: per site the number n of disagreeing
     * neighbours in bits (bit-sliced adders), then eq0 (n = 0), eq2 (n = 2: flips with 7/8), accept (n ≥ 3: flips)
     * and undecided (n = 0 or 1: the bit-serial comparison decides), all within {@code valid}. Shared by both
     * scalar twins ({@link SquareSpatialScalar}). Modified: element l of the four arrays.
     */
    static void classify(long s, long n0, long n1, long n2, long n3, long valid, int l, long[] eq0, long[] eq2,
            long[] accept, long[] undecided) {
        final long d0 = s ^ n0;
        final long d1 = s ^ n1;
        final long d2 = s ^ n2;
        final long d3 = s ^ n3;
        final long a0 = d0 ^ d1;
        final long a1 = d0 & d1;
        final long c0 = d2 ^ d3;
        final long c1 = d2 & d3;
        // n = (d0 + d1) + (d2 + d3) in bits: bit0, bit1 and four (n = 4)
        final long bit0 = a0 ^ c0;
        final long bit1 = a1 ^ c1 ^ (a0 & c0);
        final long four = a1 & c1;
        final long three = bit1 & bit0;
        final long accepted = three | four;
        eq0[l] = ~(bit0 | bit1 | four);
        eq2[l] = (bit1 ^ three) & valid;
        accept[l] = accepted & valid;
        undecided[l] = (bit0 | eq0[l]) & ~accepted & valid;
    }

    /**
     * The bit-serial comparisons of one block's lanes ({@code accept.length} of them): words drawn lane by lane
     * from each lane's stream, {@link SquareMultispinLayout#WORDS_PER_TEST} per group, until after a group no lane
     * has an undecided site; {@code lastWords} ends as the OR of the last group's words (the n = 2 coin). Shared by
     * both scalar twins. Modified: {@code state}, {@code accept}, {@code undecided}, {@code lastWords}.
     */
    static void decide(long[] state, long[] bits, long[] eq0, long[] accept, long[] undecided, long[] lastWords) {
        final int lanes = accept.length;
        final int perTest = SquareMultispinLayout.WORDS_PER_TEST;
        for (int group = 0; group < SquareMultispinLayout.TABLE_BITS; group += perTest) {
            long any = 0;
            for (int k = group; k < group + perTest; k++) {
                any = 0;
                for (int l = 0; l < lanes; l++) {
                    final long r = Xoshiro256.next(state, lanes, l);
                    final long threshold = (eq0[l] & bits[2 * k + 1]) ^ bits[2 * k];
                    accept[l] |= undecided[l] & threshold & r;
                    undecided[l] &= threshold ^ r;
                    // the OR of this group's words: A(0) = 1 − 2^−WORDS_PER_TEST
                    lastWords[l] = k == group ? r : lastWords[l] | r;
                    any |= undecided[l];
                }
            }
            if (any == 0) {
                break;
            }
        }
    }
}
