package dev.coarse.mc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The spatially multi-spin-coded checkerboard sweep on 256-bit vectors (JDK 17's incubating Vector API): one
 * unit of {@link SquareSpatialLayout} (four rows × 64 sites of one colour) per vector, one xoshiro256** stream
 * per lane. Bit-identical to {@link SquareSpatialScalar}, which documents the update.
 *
 * <p>Written for C2 in JDK 17 as {@link SquareMultispinVector} is (that class says what was measured): the
 * generator state lives in registers across one colour's units and the word loop, and the three words between
 * two exit tests are written out (a loop over them, or a helper returning vectors, makes C2 box the vectors).
 * The parity lane masks are computed from the lane index at every colour: in the L = 128 sketch this kernel grew
 * from, loading them from a static final array ran at 6.2 flips/ns instead of 8.8 on JDK 17, and a fresh array
 * per colour allocated 96 bytes per sweep here (SamplersTest); the lane index costs neither (2026-11-24,
 * BENCHMARKS.md).
 *
 * <p><b>Copies, and why they stay.</b> The adder and the word loop repeat {@link SquareMultispinVector}'s (and the
 * three words within the loop): the two kernels differ only in where the neighbour words come from, and a shared
 * helper would be a call C2 does not inline here, allocating its vectors (the package comment).
 *
 * <p>Loaded only when {@link SquareSpatialSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareSpatialVector {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_256;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;

    /**
     * Whether {@link #pack} and {@link #unpack} (32 sites per vector, through mask bits) are the faster conversion:
     * on JDKs after 17, whose C2 compiles {@code VectorMask.toLong} and {@code fromLong} to a few instructions
     * (at L = 128 on Zen 5 with JDK 25: 0.2 µs each way against 2–3 µs for the scalar conversion). JDK 17's C2
     * does not (7 µs each way), so there the layout's scalar conversion runs. Both give the same words and bytes.
     */
    static final boolean MASK_CONVERSION = Runtime.version().feature() > 17;
    private static final long SELF_CHECK_SEED = 20261124L;

    private SquareSpatialVector() {
    }

    /**
     * True when 256-bit long vectors are compiled to hardware instructions on this machine and two sweeps agree
     * bit for bit with the plain-Java twin (the incubating API changes between JDKs: a JDK whose Vector API
     * behaves differently gets the twin instead of a wrong chain).
     */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.length() >= SquareSpatialLayout.LANES
                && SPECIES.length() == SquareSpatialLayout.LANES
                && agreesWithTwin(6) && agreesWithTwin(130);
    }

    /** Two sweeps at T_c from a fixed random start against the twin (L = 6: padding lanes; 130: two words, r = 1). */
    private static boolean agreesWithTwin(int size) {
        final SquareSpatialLayout layout = new SquareSpatialLayout(size);
        final SplittableRandom rng = new SplittableRandom(SELF_CHECK_SEED);
        final byte[] start = new byte[size * size];
        for (int i = 0; i < start.length; i++) {
            start[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
        final long[] twin = new long[layout.length()];
        layout.pack(start, twin);
        final long[] packed = twin.clone();
        final long[] twinState = new long[4 * SquareSpatialLayout.LANES];
        SquareSpatialLayout.seed(twinState, rng);
        final long[] state = twinState.clone();
        final double x = StrictMath.exp(-4 / 2.269185314213022);
        final long[] bits = SquareMultispinLayout.thresholdTables(FixedPoint.fraction(x),
                FixedPoint.fraction(x * x));
        for (int t = 0; t < 2; t++) {
            SquareSpatialScalar.sweep(layout, twin, twinState, bits);
            sweep(layout, packed, state, bits);
        }
        return Arrays.equals(packed, twin) && Arrays.equals(state, twinState);
    }

    /**
     * As {@link SquareSpatialLayout#pack}, for L a multiple of 32: the 32 bytes of sites x … x + 31 as 16 shorts,
     * short i holding sites x + 2i (low byte) and x + 2i + 1 (high byte); bit 7 of the low byte and the sign of
     * the short are the two sites' bits (1 for −1). Modified: {@code packed}.
     */
    static void pack(SquareSpatialLayout layout, byte[] spins, long[] packed) {
        final int n = layout.size;
        final int words = layout.words;
        final int stride = layout.stride;
        for (int y = 0; y < n; y++) {
            final int base = y * n;
            final int evenRow = layout.evenRow(y);
            final int oddRow = layout.oddRow(y);
            for (int j = 0; j < words; j++) {
                long evenWord = 0;
                long oddWord = 0;
                final int chunks = Math.min(4, (n - 128 * j) / 32);
                for (int c = 0; c < chunks; c++) {
                    final ShortVector v = ByteVector.fromArray(BYTES, spins, base + 128 * j + 32 * c)
                            .reinterpretAsShorts();
                    evenWord |= v.and((short) 0x80).compare(VectorOperators.NE, (short) 0).toLong() << (16 * c);
                    oddWord |= v.compare(VectorOperators.LT, (short) 0).toLong() << (16 * c);
                }
                packed[evenRow + j * stride] = evenWord;
                packed[oddRow + j * stride] = oddWord;
            }
        }
        layout.refreshGhosts(packed, 0);
        layout.refreshGhosts(packed, 1);
    }

    /** As {@link SquareSpatialLayout#unpack}, for L a multiple of 32 (see {@link #pack}). Modified: {@code spins}. */
    static void unpack(SquareSpatialLayout layout, long[] packed, byte[] spins) {
        final int n = layout.size;
        final int words = layout.words;
        final int stride = layout.stride;
        final ShortVector plus = ShortVector.broadcast(SHORTS, (short) 0x0101);
        for (int y = 0; y < n; y++) {
            final int base = y * n;
            final int evenRow = layout.evenRow(y);
            final int oddRow = layout.oddRow(y);
            for (int j = 0; j < words; j++) {
                final long evenWord = packed[evenRow + j * stride];
                final long oddWord = packed[oddRow + j * stride];
                final int chunks = Math.min(4, (n - 128 * j) / 32);
                for (int c = 0; c < chunks; c++) {
                    // 0x01 ^ 0xFE = 0xFF: the byte of a site whose bit is 1 becomes −1
                    plus.lanewise(VectorOperators.XOR, (short) 0x00FE, VectorMask.fromLong(SHORTS, evenWord >>> (16 * c)))
                            .lanewise(VectorOperators.XOR, (short) 0xFE00, VectorMask.fromLong(SHORTS, oddWord >>> (16 * c)))
                            .reinterpretAsBytes().intoArray(spins, base + 128 * j + 32 * c);
                }
            }
        }
    }

    /** As {@link SquareSpatialScalar#sweep}. Modified: {@code packed}, {@code state}. */
    static void sweep(SquareSpatialLayout layout, long[] packed, long[] state, long[] bits) {
        final int lanes = SquareSpatialLayout.LANES;
        final long[] valid = layout.valid;
        final int units = layout.units;
        final int[] unitIndex = layout.unitIndex;
        final int[] leftIndex = layout.leftIndex;
        final int[] rightIndex = layout.rightIndex;
        final int[] leftShift = layout.leftShift;
        final int[] rightShift = layout.rightShift;
        for (int colour = 0; colour < 2; colour++) {
            // lane l is row y0 + l, y0 a multiple of 4: sites at even x (rotate left) where colour + l is even,
            // ((colour + l) & 1) − 1 = all ones there
            final LongVector leftLanes = LongVector.zero(SPECIES).addIndex(1).add(colour).and(1L).sub(1L);
            final LongVector rightLanes = leftLanes.not();
            LongVector s0 = LongVector.fromArray(SPECIES, state, 0);
            LongVector s1 = LongVector.fromArray(SPECIES, state, lanes);
            LongVector s2 = LongVector.fromArray(SPECIES, state, 2 * lanes);
            LongVector s3 = LongVector.fromArray(SPECIES, state, 3 * lanes);
            final int mine = layout.colourStart(colour);
            final int theirs = layout.colourStart(1 - colour);
            for (int u = 0; u < units; u++) {
                final int row = mine + unitIndex[u];
                final int other = theirs + unitIndex[u];
                final LongVector mask = LongVector.fromArray(SPECIES, valid, u * lanes);
                final LongVector s = LongVector.fromArray(SPECIES, packed, row);
                final LongVector o = LongVector.fromArray(SPECIES, packed, other);
                final LongVector left = o.lanewise(VectorOperators.LSHL, 1).or(LongVector.fromArray(SPECIES, packed,
                        theirs + leftIndex[u]).lanewise(VectorOperators.LSHR, leftShift[u]));
                final LongVector right = o.lanewise(VectorOperators.LSHR, 1).or(LongVector.fromArray(SPECIES, packed,
                        theirs + rightIndex[u]).lanewise(VectorOperators.LSHL, rightShift[u]));
                final LongVector d0 = s.lanewise(VectorOperators.XOR, o);
                final LongVector d1 = s.lanewise(VectorOperators.XOR,
                        left.and(leftLanes).or(right.and(rightLanes)).and(mask));
                final LongVector d2 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, other - 1));
                final LongVector d3 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, other + 1));
                final LongVector a0 = d0.lanewise(VectorOperators.XOR, d1);
                final LongVector a1 = d0.and(d1);
                final LongVector c0 = d2.lanewise(VectorOperators.XOR, d3);
                final LongVector c1 = d2.and(d3);
                final LongVector bit0 = a0.lanewise(VectorOperators.XOR, c0);
                final LongVector bit1 = a1.lanewise(VectorOperators.XOR, c1).lanewise(VectorOperators.XOR, a0.and(c0));
                final LongVector four = a1.and(c1);
                final LongVector three = bit1.and(bit0);
                final LongVector accepted = three.or(four);
                final LongVector eq0 = bit0.or(bit1).or(four).not();
                final LongVector eq2 = bit1.lanewise(VectorOperators.XOR, three).and(mask);
                LongVector accept = accepted.and(mask);
                LongVector undecided = bit0.or(eq0).and(accepted.not()).and(mask);
                LongVector lastWords = eq2;
                // three words per lane between two tests, written out; k + 5 < bits.length = 2 · TABLE_BITS
                for (int k = 0; k < bits.length; k += 2 * SquareMultispinLayout.WORDS_PER_TEST) {
                        {
                            final LongVector times5 = SquareMultispinVector.MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = SquareMultispinVector.MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = SquareMultispinVector.LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 1]).lanewise(VectorOperators.XOR, bits[k]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = r;
                        }
                        {
                            final LongVector times5 = SquareMultispinVector.MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = SquareMultispinVector.MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = SquareMultispinVector.LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 3]).lanewise(VectorOperators.XOR, bits[k + 2]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = lastWords.or(r);
                        }
                        {
                            final LongVector times5 = SquareMultispinVector.MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = SquareMultispinVector.MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = SquareMultispinVector.LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 5]).lanewise(VectorOperators.XOR, bits[k + 4]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = lastWords.or(r);
                        }
                    if (SquareMultispinVector.MASK_EXIT_TEST ? undecided.eq(0L).allTrue()
                        : undecided.reduceLanes(VectorOperators.OR) == 0L) {
                        break;
                    }
                }
                s.lanewise(VectorOperators.XOR, accept.or(eq2.and(lastWords))).intoArray(packed, row);
            }
            s0.intoArray(state, 0);
            s1.intoArray(state, lanes);
            s2.intoArray(state, 2 * lanes);
            s3.intoArray(state, 3 * lanes);
            layout.refreshGhosts(packed, colour);
        }
    }
}
