package dev.coarse.mc.kernel;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice multi-spin sweep on blocks of eight sites (the {@code multispin} sampler's {@code Width.WIDE}) as two
 * 256-bit halves: sites j…j+3 with streams 0–3, sites j+4…j+7 with streams 4–7, and one exit test for both, so it
 * is bit-identical to {@link SquareMultispinWide} and to the twin {@link SquareMultispinScalar} on a layout of
 * {@link SquareMultispinLayout#WIDE_LANES} lanes. It serves where the 512-bit kernel does not: JDK 17 (whose C2
 * compiles the 512-bit kernel badly, and worse once a 256-bit kernel has run) and machines without AVX-512. It uses
 * only 256-bit vectors, like every other long-vector kernel there, and is written as {@link SquareMultispinVector}
 * is (that class says what JDK 17's C2 needs), with every vector doubled.
 *
 * <p><b>Copies, and why they stay.</b> Each half is {@link SquareMultispinVector}'s block written out again, low
 * then high, word by word: the halves share one exit test, so they must be interleaved in one loop, and neither a
 * helper (not inlined) nor a loop over the halves (a third loop level) keeps the vectors unboxed (the package
 * comment).
 *
 * <p>Loaded only when {@link SquareMultispinSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareMultispinWideHalves {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_256;
    /** Lanes per half. */
    private static final int HALF = SquareMultispinLayout.NARROW_LANES;
    private static final int LANES = SquareMultispinLayout.WIDE_LANES;

    private SquareMultispinWideHalves() {
    }

    private static final long SELF_CHECK_SEED = 20261125L;

    /**
     * True when 256-bit long vectors are compiled to hardware instructions here (as for {@link SquareMultispinVector})
     * and sweeps at L = 6 and 18 (padding lanes in either half) agree bit for bit with the twin.
     */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.length() >= HALF
                && SPECIES.length() == HALF
                && SquareMultispinScalar.agreesOnWideBlocks(SquareMultispinWideHalves::sweep, SELF_CHECK_SEED);
    }

    /** As {@link SquareMultispinScalar#sweep} on a layout of eight lanes. Modified: {@code packed}, {@code state}. */
    static void sweep(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits) {
        if (layout.lanes != LANES) {
            throw new IllegalArgumentException("the two-halves kernel updates blocks of 8 sites, the layout has "
                    + layout.lanes);
        }
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
                // state[8k + lane]: the low half's word k at 8k, the high half's at 8k + 4
                LongVector s0Lo = LongVector.fromArray(SPECIES, state, 0);
                LongVector s0Hi = LongVector.fromArray(SPECIES, state, HALF);
                LongVector s1Lo = LongVector.fromArray(SPECIES, state, LANES);
                LongVector s1Hi = LongVector.fromArray(SPECIES, state, LANES + HALF);
                LongVector s2Lo = LongVector.fromArray(SPECIES, state, 2 * LANES);
                LongVector s2Hi = LongVector.fromArray(SPECIES, state, 2 * LANES + HALF);
                LongVector s3Lo = LongVector.fromArray(SPECIES, state, 3 * LANES);
                LongVector s3Hi = LongVector.fromArray(SPECIES, state, 3 * LANES + HALF);
                for (int j = 0; j < half; j += LANES) {
                    final int maskOffset = layout.maskOffset(j);
                    final LongVector validLo = LongVector.fromArray(SPECIES, masks, maskOffset + 0);
                    final LongVector sLo = LongVector.fromArray(SPECIES, packed, row + j + 0);
                    final LongVector d0Lo = sLo.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, same + j + 0));
                    final LongVector d1Lo = sLo.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, same + j + 0 + side));
                    final LongVector d2Lo = sLo.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, up + j + 0));
                    final LongVector d3Lo = sLo.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, down + j + 0));
                    final LongVector a0Lo = d0Lo.lanewise(VectorOperators.XOR, d1Lo);
                    final LongVector a1Lo = d0Lo.and(d1Lo);
                    final LongVector c0Lo = d2Lo.lanewise(VectorOperators.XOR, d3Lo);
                    final LongVector c1Lo = d2Lo.and(d3Lo);
                    final LongVector bit0Lo = a0Lo.lanewise(VectorOperators.XOR, c0Lo);
                    final LongVector bit1Lo = a1Lo.lanewise(VectorOperators.XOR, c1Lo)
                            .lanewise(VectorOperators.XOR, a0Lo.and(c0Lo));
                    final LongVector fourLo = a1Lo.and(c1Lo);
                    final LongVector threeLo = bit1Lo.and(bit0Lo);
                    final LongVector acceptedLo = threeLo.or(fourLo);
                    final LongVector eq0Lo = bit0Lo.or(bit1Lo).or(fourLo).not();
                    final LongVector eq2Lo = bit1Lo.lanewise(VectorOperators.XOR, threeLo).and(validLo);
                    LongVector acceptLo = acceptedLo.and(validLo);
                    LongVector undecidedLo = bit0Lo.or(eq0Lo).and(acceptedLo.not()).and(validLo);
                    LongVector lastWordsLo = eq2Lo;
                    final LongVector validHi = LongVector.fromArray(SPECIES, masks, maskOffset + HALF);
                    final LongVector sHi = LongVector.fromArray(SPECIES, packed, row + j + HALF);
                    final LongVector d0Hi = sHi.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, same + j + HALF));
                    final LongVector d1Hi = sHi.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, same + j + HALF + side));
                    final LongVector d2Hi = sHi.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, up + j + HALF));
                    final LongVector d3Hi = sHi.lanewise(VectorOperators.XOR,
                            LongVector.fromArray(SPECIES, packed, down + j + HALF));
                    final LongVector a0Hi = d0Hi.lanewise(VectorOperators.XOR, d1Hi);
                    final LongVector a1Hi = d0Hi.and(d1Hi);
                    final LongVector c0Hi = d2Hi.lanewise(VectorOperators.XOR, d3Hi);
                    final LongVector c1Hi = d2Hi.and(d3Hi);
                    final LongVector bit0Hi = a0Hi.lanewise(VectorOperators.XOR, c0Hi);
                    final LongVector bit1Hi = a1Hi.lanewise(VectorOperators.XOR, c1Hi)
                            .lanewise(VectorOperators.XOR, a0Hi.and(c0Hi));
                    final LongVector fourHi = a1Hi.and(c1Hi);
                    final LongVector threeHi = bit1Hi.and(bit0Hi);
                    final LongVector acceptedHi = threeHi.or(fourHi);
                    final LongVector eq0Hi = bit0Hi.or(bit1Hi).or(fourHi).not();
                    final LongVector eq2Hi = bit1Hi.lanewise(VectorOperators.XOR, threeHi).and(validHi);
                    LongVector acceptHi = acceptedHi.and(validHi);
                    LongVector undecidedHi = bit0Hi.or(eq0Hi).and(acceptedHi.not()).and(validHi);
                    LongVector lastWordsHi = eq2Hi;
                    // three words per lane between two tests, written out (see SquareMultispinVector);
                    // k + 5 < bits.length
                    for (int k = 0; k < bits.length; k += 2 * SquareMultispinLayout.WORDS_PER_TEST) {
                        {
                            final LongVector times5Lo = SquareMultispinVector.MULTIPLY ? s1Lo.mul(5L)
                                    : s1Lo.add(s1Lo.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedLo = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Lo.lanewise(VectorOperators.ROL, 7)
                                    : times5Lo.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Lo.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rLo = SquareMultispinVector.MULTIPLY ? rotatedLo.mul(9L)
                                    : rotatedLo.add(rotatedLo.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tLo = s1Lo.lanewise(VectorOperators.LSHL, 17);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, s0Lo);
                            s3Lo = s3Lo.lanewise(VectorOperators.XOR, s1Lo);
                            s1Lo = s1Lo.lanewise(VectorOperators.XOR, s2Lo);
                            s0Lo = s0Lo.lanewise(VectorOperators.XOR, s3Lo);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, tLo);
                            s3Lo = SquareMultispinVector.LANEWISE_ROTATE ? s3Lo.lanewise(VectorOperators.ROL, 45)
                                    : s3Lo.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Lo.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdLo = eq0Lo.and(bits[k + 1])
                                    .lanewise(VectorOperators.XOR, bits[k + 0]);
                            acceptLo = acceptLo.or(undecidedLo.and(thresholdLo).and(rLo));
                            undecidedLo = undecidedLo.and(thresholdLo.lanewise(VectorOperators.XOR, rLo));
                            lastWordsLo = rLo;
                        }
                        {
                            final LongVector times5Hi = SquareMultispinVector.MULTIPLY ? s1Hi.mul(5L)
                                    : s1Hi.add(s1Hi.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedHi = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Hi.lanewise(VectorOperators.ROL, 7)
                                    : times5Hi.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Hi.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rHi = SquareMultispinVector.MULTIPLY ? rotatedHi.mul(9L)
                                    : rotatedHi.add(rotatedHi.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tHi = s1Hi.lanewise(VectorOperators.LSHL, 17);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, s0Hi);
                            s3Hi = s3Hi.lanewise(VectorOperators.XOR, s1Hi);
                            s1Hi = s1Hi.lanewise(VectorOperators.XOR, s2Hi);
                            s0Hi = s0Hi.lanewise(VectorOperators.XOR, s3Hi);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, tHi);
                            s3Hi = SquareMultispinVector.LANEWISE_ROTATE ? s3Hi.lanewise(VectorOperators.ROL, 45)
                                    : s3Hi.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Hi.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdHi = eq0Hi.and(bits[k + 1])
                                    .lanewise(VectorOperators.XOR, bits[k + 0]);
                            acceptHi = acceptHi.or(undecidedHi.and(thresholdHi).and(rHi));
                            undecidedHi = undecidedHi.and(thresholdHi.lanewise(VectorOperators.XOR, rHi));
                            lastWordsHi = rHi;
                        }
                        {
                            final LongVector times5Lo = SquareMultispinVector.MULTIPLY ? s1Lo.mul(5L)
                                    : s1Lo.add(s1Lo.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedLo = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Lo.lanewise(VectorOperators.ROL, 7)
                                    : times5Lo.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Lo.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rLo = SquareMultispinVector.MULTIPLY ? rotatedLo.mul(9L)
                                    : rotatedLo.add(rotatedLo.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tLo = s1Lo.lanewise(VectorOperators.LSHL, 17);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, s0Lo);
                            s3Lo = s3Lo.lanewise(VectorOperators.XOR, s1Lo);
                            s1Lo = s1Lo.lanewise(VectorOperators.XOR, s2Lo);
                            s0Lo = s0Lo.lanewise(VectorOperators.XOR, s3Lo);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, tLo);
                            s3Lo = SquareMultispinVector.LANEWISE_ROTATE ? s3Lo.lanewise(VectorOperators.ROL, 45)
                                    : s3Lo.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Lo.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdLo = eq0Lo.and(bits[k + 3])
                                    .lanewise(VectorOperators.XOR, bits[k + 2]);
                            acceptLo = acceptLo.or(undecidedLo.and(thresholdLo).and(rLo));
                            undecidedLo = undecidedLo.and(thresholdLo.lanewise(VectorOperators.XOR, rLo));
                            lastWordsLo = lastWordsLo.or(rLo);
                        }
                        {
                            final LongVector times5Hi = SquareMultispinVector.MULTIPLY ? s1Hi.mul(5L)
                                    : s1Hi.add(s1Hi.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedHi = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Hi.lanewise(VectorOperators.ROL, 7)
                                    : times5Hi.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Hi.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rHi = SquareMultispinVector.MULTIPLY ? rotatedHi.mul(9L)
                                    : rotatedHi.add(rotatedHi.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tHi = s1Hi.lanewise(VectorOperators.LSHL, 17);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, s0Hi);
                            s3Hi = s3Hi.lanewise(VectorOperators.XOR, s1Hi);
                            s1Hi = s1Hi.lanewise(VectorOperators.XOR, s2Hi);
                            s0Hi = s0Hi.lanewise(VectorOperators.XOR, s3Hi);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, tHi);
                            s3Hi = SquareMultispinVector.LANEWISE_ROTATE ? s3Hi.lanewise(VectorOperators.ROL, 45)
                                    : s3Hi.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Hi.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdHi = eq0Hi.and(bits[k + 3])
                                    .lanewise(VectorOperators.XOR, bits[k + 2]);
                            acceptHi = acceptHi.or(undecidedHi.and(thresholdHi).and(rHi));
                            undecidedHi = undecidedHi.and(thresholdHi.lanewise(VectorOperators.XOR, rHi));
                            lastWordsHi = lastWordsHi.or(rHi);
                        }
                        {
                            final LongVector times5Lo = SquareMultispinVector.MULTIPLY ? s1Lo.mul(5L)
                                    : s1Lo.add(s1Lo.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedLo = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Lo.lanewise(VectorOperators.ROL, 7)
                                    : times5Lo.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Lo.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rLo = SquareMultispinVector.MULTIPLY ? rotatedLo.mul(9L)
                                    : rotatedLo.add(rotatedLo.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tLo = s1Lo.lanewise(VectorOperators.LSHL, 17);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, s0Lo);
                            s3Lo = s3Lo.lanewise(VectorOperators.XOR, s1Lo);
                            s1Lo = s1Lo.lanewise(VectorOperators.XOR, s2Lo);
                            s0Lo = s0Lo.lanewise(VectorOperators.XOR, s3Lo);
                            s2Lo = s2Lo.lanewise(VectorOperators.XOR, tLo);
                            s3Lo = SquareMultispinVector.LANEWISE_ROTATE ? s3Lo.lanewise(VectorOperators.ROL, 45)
                                    : s3Lo.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Lo.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdLo = eq0Lo.and(bits[k + 5])
                                    .lanewise(VectorOperators.XOR, bits[k + 4]);
                            acceptLo = acceptLo.or(undecidedLo.and(thresholdLo).and(rLo));
                            undecidedLo = undecidedLo.and(thresholdLo.lanewise(VectorOperators.XOR, rLo));
                            lastWordsLo = lastWordsLo.or(rLo);
                        }
                        {
                            final LongVector times5Hi = SquareMultispinVector.MULTIPLY ? s1Hi.mul(5L)
                                    : s1Hi.add(s1Hi.lanewise(VectorOperators.LSHL, 2));
                            final LongVector rotatedHi = SquareMultispinVector.LANEWISE_ROTATE
                                    ? times5Hi.lanewise(VectorOperators.ROL, 7)
                                    : times5Hi.lanewise(VectorOperators.LSHL, 7)
                                            .or(times5Hi.lanewise(VectorOperators.LSHR, 57));
                            final LongVector rHi = SquareMultispinVector.MULTIPLY ? rotatedHi.mul(9L)
                                    : rotatedHi.add(rotatedHi.lanewise(VectorOperators.LSHL, 3));
                            final LongVector tHi = s1Hi.lanewise(VectorOperators.LSHL, 17);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, s0Hi);
                            s3Hi = s3Hi.lanewise(VectorOperators.XOR, s1Hi);
                            s1Hi = s1Hi.lanewise(VectorOperators.XOR, s2Hi);
                            s0Hi = s0Hi.lanewise(VectorOperators.XOR, s3Hi);
                            s2Hi = s2Hi.lanewise(VectorOperators.XOR, tHi);
                            s3Hi = SquareMultispinVector.LANEWISE_ROTATE ? s3Hi.lanewise(VectorOperators.ROL, 45)
                                    : s3Hi.lanewise(VectorOperators.LSHL, 45)
                                            .or(s3Hi.lanewise(VectorOperators.LSHR, 19));
                            final LongVector thresholdHi = eq0Hi.and(bits[k + 5])
                                    .lanewise(VectorOperators.XOR, bits[k + 4]);
                            acceptHi = acceptHi.or(undecidedHi.and(thresholdHi).and(rHi));
                            undecidedHi = undecidedHi.and(thresholdHi.lanewise(VectorOperators.XOR, rHi));
                            lastWordsHi = lastWordsHi.or(rHi);
                        }
                        final LongVector undecided = undecidedLo.or(undecidedHi);
                        if (SquareMultispinVector.MASK_EXIT_TEST ? undecided.eq(0L).allTrue()
                                : undecided.reduceLanes(VectorOperators.OR) == 0L) {
                            break;
                        }
                    }
                    sLo.lanewise(VectorOperators.XOR, acceptLo.or(eq2Lo.and(lastWordsLo))).intoArray(packed, row + j);
                    sHi.lanewise(VectorOperators.XOR, acceptHi.or(eq2Hi.and(lastWordsHi)))
                            .intoArray(packed, row + j + HALF);
                }
                s0Lo.intoArray(state, 0);
                s0Hi.intoArray(state, HALF);
                s1Lo.intoArray(state, LANES);
                s1Hi.intoArray(state, LANES + HALF);
                s2Lo.intoArray(state, 2 * LANES);
                s2Hi.intoArray(state, 2 * LANES + HALF);
                s3Lo.intoArray(state, 3 * LANES);
                s3Hi.intoArray(state, 3 * LANES + HALF);
                layout.refreshGhosts(packed, colour, y);
            }
        }
    }
}
