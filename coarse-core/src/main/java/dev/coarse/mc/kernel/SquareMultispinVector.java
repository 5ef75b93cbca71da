package dev.coarse.mc.kernel;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice multi-spin sweep on 256-bit vectors (JDK 17's incubating Vector API): four sites of one
 * colour (4 × 64 replicas) per instruction, one xoshiro256** stream per vector lane. Bit-identical to
 * {@link SquareMultispinScalar}, which documents the schedule.
 *
 * <p>Written for C2 in JDK 17, whose vector box elimination fails on vectors carried across more than two
 * nested loops: the generator state is loaded from {@code state} at the start of each half-row and stored
 * back at its end, so the site loop and the word loop carry it in registers (carrying it across the row or
 * colour loops, or flattening sites and words into one loop, made C2 box the vectors: 4–5× slower; splitting
 * the word loop in two, e.g. a fixed prefix of words without the exit test, 2.5× slower: all measured). The
 * word loop indexes the threshold table by a counter bounded by its length, so C2 drops the range checks
 * (a counter bounded by the constant 64 kept two compare-and-branch pairs per word). xoshiro's ×5 and ×9
 * are multiplies or shifts and adds as {@link #MULTIPLY} says, its rotations as {@link #LANEWISE_ROTATE}
 * says. The uniform fractions' bits are the complements of the random words' bits (see {@link SquareMultispinScalar}),
 * which saves the two NOTs per word that JDK 17's C2 cannot fold into and-not instructions.
 *
 * <p><b>Copies, and why they stay.</b> The three words between two exit tests are written out, and the adder and
 * the word loop are written again in {@link SquareMultispinWideHalves} (twice), {@link SquareMultispinWide} and
 * {@link SquareSpatialVector}: no helper of ours is inlined into this method (C2 refuses even
 * {@code SquareMultispinLayout.rowStart} here, "NodeCountInliningCutoff" on JDK 17 and 25), so a helper taking or
 * returning vectors allocates them, and a loop over the words is the third loop level JDK 17 cannot unbox; the 512-bit
 * kernel needs another species, a compile-time constant. The package comment has the measurements.
 *
 * <p>Loaded only when {@link SquareMultispinSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareMultispinVector {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_256;
    private static final long SELF_CHECK_SEED = 20261123L;

    /**
     * Rotations as {@code lanewise(ROL, k)} on any JDK after 17, two shifts and an OR on JDK 17: JDK 25's C2
     * compiles the former to one rotate instruction where the hardware has one (AVX-512), while JDK 17's compiles
     * it no better than the shifts and, on AVX2, slower (only JDK 17 and 25 measured: BENCHMARKS.md). A
     * constant, so C2 keeps only one of the two forms; both compute the same rotation.
     */
    static final boolean LANEWISE_ROTATE = Runtime.version().feature() > 17;

    /**
     * xoshiro's ×5 and ×9 as one 64-bit vector multiply each ({@code vpmullq}) where the preferred long vector is
     * 512 bits wide (AVX-512), as a shift and an add elsewhere: AVX2 has no 64-bit multiply, and C2 would build one
     * from 32-bit multiplies. On AVX-512 (Zen 5, L = 128, T_c) the multiply saves two instructions per random word:
     * +2.4 % on JDK 17 (9.37–9.47 → 9.45–9.80 flips/ns in alternating runs), within the noise on JDK 25
     * (BENCHMARKS.md). A constant, so C2 keeps only one form; both compute the same products, hence the same
     * chain.
     */
    static final boolean MULTIPLY = LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

    /**
     * The exit test of the word loops (no undecided site left) as {@code eq(0).allTrue()} on any JDK after 17, as
     * {@code reduceLanes(OR) == 0} on JDK 17. On JDK 17 the mask form let C2 assume that {@code Long256Mask} was the
     * only VectorMask class; when another kernel loaded its own mask class later (the byte checkerboard kernel's
     * {@code Short256Mask}), that assumption failed and C2 recompiled the packed Metropolis kernel into code with
     * boxed vectors (43 KB allocated per sweep at L = 8, for good; LogCompilation: dependency_failed,
     * make_not_entrant; found by SamplersTest, 2026-11-24). The reduction needs no mask and runs as fast there
     * (alternating runs at L = 128: packed 8.65–8.72 against 8.60–8.76 flips/ns, multispin 9.76–9.79 against
     * 9.71–10.0). On JDK 25 the mask form is 5–7 % faster (packed 10.2–10.6 against 9.8–10.1, multispin 11.8–11.9
     * against 10.9–11.1). Both forms decide the same, so the chain is the same.
     */
    static final boolean MASK_EXIT_TEST = Runtime.version().feature() > 17;

    private SquareMultispinVector() {
    }

    /**
     * True when 256-bit long vectors are compiled to hardware instructions on this machine and two sweeps agree
     * bit for bit with the plain-Java twin: the incubating API changes between JDKs, so a JDK whose Vector API
     * behaves differently gets the twin instead of a crash or a wrong chain.
     */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.length() >= SquareMultispinLayout.NARROW_LANES
                && SPECIES.length() == SquareMultispinLayout.NARROW_LANES
                && SquareMultispinScalar.agrees(SquareMultispinVector::sweep, 6, SquareMultispinLayout.NARROW_LANES,
                        SELF_CHECK_SEED);
    }

    /** As {@link SquareMultispinScalar#sweep}. Modified: {@code packed}, {@code state}. */
    static void sweep(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits) {
        if (layout.lanes != SquareMultispinLayout.NARROW_LANES) {
            throw new IllegalArgumentException("the 256-bit kernel updates blocks of 4 sites, the layout has "
                    + layout.lanes);
        }
        final int lanes = SquareMultispinLayout.NARROW_LANES;
        final long[] masks = layout.laneMasks();
        final int size = layout.size;
        final int half = layout.half;
        for (int colour = 0; colour < 2; colour++) {
            for (int y = 0; y < size; y++) {
                final int row = layout.rowStart(colour, y);
                final int same = layout.rowStart(1 - colour, y);
                final int up = layout.neighbourRowStart(colour, y, -1);
                final int down = layout.neighbourRowStart(colour, y, 1);
                final int side = layout.side(colour, y);
                LongVector s0 = LongVector.fromArray(SPECIES, state, 0);
                LongVector s1 = LongVector.fromArray(SPECIES, state, lanes);
                LongVector s2 = LongVector.fromArray(SPECIES, state, 2 * lanes);
                LongVector s3 = LongVector.fromArray(SPECIES, state, 3 * lanes);
                for (int j = 0; j < half; j += lanes) {
                    final LongVector valid = LongVector.fromArray(SPECIES, masks, layout.maskOffset(j));
                    final LongVector s = LongVector.fromArray(SPECIES, packed, row + j);
                    final LongVector d0 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, same + j));
                    final LongVector d1 = s.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, same + j + side));
                    final LongVector d2 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, up + j));
                    final LongVector d3 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, down + j));
                    final LongVector a0 = d0.lanewise(VectorOperators.XOR, d1);
                    final LongVector a1 = d0.and(d1);
                    final LongVector c0 = d2.lanewise(VectorOperators.XOR, d3);
                    final LongVector c1 = d2.and(d3);
                    // n = (d0 + d1) + (d2 + d3) in bits: bit0, bit1 and four (n = 4); n = 2 flips where the OR of
                    // the last group's three words has a 1: A(0) = 7/8 (see SquareMultispinScalar)
                    final LongVector bit0 = a0.lanewise(VectorOperators.XOR, c0);
                    final LongVector bit1 = a1.lanewise(VectorOperators.XOR, c1)
                            .lanewise(VectorOperators.XOR, a0.and(c0));
                    final LongVector four = a1.and(c1);
                    final LongVector three = bit1.and(bit0);
                    final LongVector accepted = three.or(four);
                    final LongVector eq0 = bit0.or(bit1).or(four).not();
                    final LongVector eq2 = bit1.lanewise(VectorOperators.XOR, three).and(valid);
                    LongVector accept = accepted.and(valid);
                    LongVector undecided = bit0.or(eq0).and(accepted.not()).and(valid);
                    LongVector lastWords = eq2;
                    // three words per lane between two tests (SquareMultispinLayout.WORDS_PER_TEST), written out: a
                    // loop over them, or a helper returning vectors, makes C2 box the vectors (measured: 0.55
                    // flips/ns); k + 5 < bits.length = 2 · TABLE_BITS, a multiple of 6
                    for (int k = 0; k < bits.length; k += 2 * SquareMultispinLayout.WORDS_PER_TEST) {
                        {
                            final LongVector times5 = MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 1])
                                    .lanewise(VectorOperators.XOR, bits[k]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = r;
                        }
                        {
                            final LongVector times5 = MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 3])
                                    .lanewise(VectorOperators.XOR, bits[k + 2]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = lastWords.or(r);
                        }
                        {
                            final LongVector times5 = MULTIPLY ? s1.mul(5L)
                                    : s1.add(s1.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                                    : times5.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5.lanewise(VectorOperators.LSHR, 57));
                            final LongVector r = MULTIPLY ? rotated.mul(9L)
                                    : rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
                            final LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
                            s2 = s2.lanewise(VectorOperators.XOR, s0);
                            s3 = s3.lanewise(VectorOperators.XOR, s1);
                            s1 = s1.lanewise(VectorOperators.XOR, s2);
                            s0 = s0.lanewise(VectorOperators.XOR, s3);
                            s2 = s2.lanewise(VectorOperators.XOR, t);
                            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
                            final LongVector threshold = eq0.and(bits[k + 5])
                                    .lanewise(VectorOperators.XOR, bits[k + 4]);
                            accept = accept.or(undecided.and(threshold).and(r));
                            undecided = undecided.and(threshold.lanewise(VectorOperators.XOR, r));
                            lastWords = lastWords.or(r);
                        }
                        if (MASK_EXIT_TEST ? undecided.eq(0L).allTrue()
                                : undecided.reduceLanes(VectorOperators.OR) == 0L) {
                            break;
                        }
                    }
                    s.lanewise(VectorOperators.XOR, accept.or(eq2.and(lastWords))).intoArray(packed, row + j);
                }
                s0.intoArray(state, 0);
                s1.intoArray(state, lanes);
                s2.intoArray(state, 2 * lanes);
                s3.intoArray(state, 3 * lanes);
                layout.refreshGhosts(packed, colour, y);
            }
        }
    }
}
