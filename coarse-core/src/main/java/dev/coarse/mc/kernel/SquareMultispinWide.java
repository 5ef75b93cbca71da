package dev.coarse.mc.kernel;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice multi-spin sweep on 512-bit vectors: eight sites of one colour (8 × 64 replicas) per
 * instruction, one xoshiro256** stream per lane, one exit test for all eight sites. Bit-identical to
 * {@link SquareMultispinScalar} on a {@link SquareMultispinLayout} of {@link SquareMultispinLayout#WIDE_LANES}
 * lanes, which documents the schedule; the same rules as {@link SquareMultispinVector}, which updates blocks of
 * four sites and so gives another (equally exact) chain.
 *
 * <p><b>Only on a JDK after 17 with AVX-512</b> ({@link #usable()}). On JDK 17 a copy of this kernel ran at 4.5
 * flips/ns at L = 128 (JDK 25: 19–20), and a form with the whole sweep in one method at 16 in a JVM that ran nothing
 * else but at 0.3–2.5 after the packed Metropolis kernel. There, and without AVX-512,
 * {@link SquareMultispinWideHalves} runs the same blocks as two 256-bit halves (11 flips/ns on JDK 17).
 *
 * <p><b>Written for C2's profiles.</b> The vector methods are called only in the forms that the vector classes
 * override ({@code lanewise(op, vector)}, {@code lanewise(op)}, {@code compare(op, vector)}), with constants and
 * table bits broadcast by {@code LongVector.broadcast(species, e)}, never in the convenience forms ({@code and},
 * {@code or}, {@code not}, {@code mul(long)}, {@code lanewise(op, long)}). Those are final methods of
 * {@code LongVector} that call the overriding method from inside the library, at call sites whose type profile
 * every vector kernel of the JVM shares; once kernels of both 256 and 512 bits have run, C2 merges the two vector
 * classes there and allocates the vectors ({@code -XX:+PrintIntrinsics} reports "unbox failed v2=Phi"). A half-row
 * is a method of its own, with the generator state loaded and stored there (the whole sweep in one method compiled
 * to code 100 times slower when on-stack replacement was off). BENCHMARKS.md (2026-11-24) has the measurements.
 *
 * <p><b>Copies, and why they stay.</b> The three words per exit test are written out and the adder repeats
 * {@link SquareMultispinVector}'s in the lanewise form this class needs (above): a helper or a word loop is not
 * inlined or not unboxed (the package comment), and a method shared with the 256-bit kernels would take the species
 * as a value and share their type profiles.
 *
 * <p>Loaded only when {@link SquareMultispinSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareMultispinWide {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_512;
    private static final int LANES = SquareMultispinLayout.WIDE_LANES;
    private static final long SELF_CHECK_SEED = 20261124L;
    private static final LongVector ZERO = LongVector.broadcast(SPECIES, 0L);
    private static final LongVector FIVE = LongVector.broadcast(SPECIES, 5L);
    private static final LongVector NINE = LongVector.broadcast(SPECIES, 9L);
    private static final LongVector SEVEN = LongVector.broadcast(SPECIES, 7L);
    private static final LongVector SEVENTEEN = LongVector.broadcast(SPECIES, 17L);
    private static final LongVector FORTY_FIVE = LongVector.broadcast(SPECIES, 45L);

    private SquareMultispinWide() {
    }

    /**
     * True on a JDK after 17 whose preferred long vector is 512 bits wide (AVX-512), when sweeps at L = 6 and 18
     * (padding lanes, a full and a partial block) agree bit for bit with the plain-Java twin.
     */
    static boolean usable() {
        return Runtime.version().feature() > 17
                && LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512
                && SPECIES.length() == LANES
                && SquareMultispinScalar.agreesOnWideBlocks(SquareMultispinWide::sweep, SELF_CHECK_SEED);
    }

    /** As {@link SquareMultispinScalar#sweep} on a layout of eight lanes. Modified: {@code packed}, {@code state}. */
    static void sweep(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits) {
        if (layout.lanes != LANES) {
            throw new IllegalArgumentException("the 512-bit kernel updates blocks of 8 sites, the layout has "
                    + layout.lanes);
        }
        for (int colour = 0; colour < 2; colour++) {
            for (int y = 0; y < layout.size; y++) {
                halfRow(layout, packed, state, bits, colour, y);
                layout.refreshGhosts(packed, colour, y);
            }
        }
    }

    /** Colour c's half-row y, eight sites per vector. Modified: {@code packed} (not its ghosts), {@code state}. */
    private static void halfRow(SquareMultispinLayout layout, long[] packed, long[] state, long[] bits, int colour,
            int y) {
        final long[] masks = layout.laneMasks();
        final int half = layout.half;
        final int row = layout.rowStart(colour, y);
        final int same = layout.rowStart(1 - colour, y);
        final int up = layout.neighbourRowStart(colour, y, -1);
        final int down = layout.neighbourRowStart(colour, y, 1);
        final int side = layout.side(colour, y);
        LongVector s0 = LongVector.fromArray(SPECIES, state, 0);
        LongVector s1 = LongVector.fromArray(SPECIES, state, LANES);
        LongVector s2 = LongVector.fromArray(SPECIES, state, 2 * LANES);
        LongVector s3 = LongVector.fromArray(SPECIES, state, 3 * LANES);
        for (int j = 0; j < half; j += LANES) {
            final LongVector valid = LongVector.fromArray(SPECIES, masks, layout.maskOffset(j));
            final LongVector s = LongVector.fromArray(SPECIES, packed, row + j);
            final LongVector d0 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, same + j));
            final LongVector d1 = s.lanewise(VectorOperators.XOR,
                    LongVector.fromArray(SPECIES, packed, same + j + side));
            final LongVector d2 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, up + j));
            final LongVector d3 = s.lanewise(VectorOperators.XOR, LongVector.fromArray(SPECIES, packed, down + j));
            final LongVector a0 = d0.lanewise(VectorOperators.XOR, d1);
            final LongVector a1 = d0.lanewise(VectorOperators.AND, d1);
            final LongVector c0 = d2.lanewise(VectorOperators.XOR, d3);
            final LongVector c1 = d2.lanewise(VectorOperators.AND, d3);
            // n = (d0 + d1) + (d2 + d3) in bits: bit0, bit1 and four (n = 4); see SquareMultispinScalar.classify
            final LongVector bit0 = a0.lanewise(VectorOperators.XOR, c0);
            final LongVector bit1 = a1.lanewise(VectorOperators.XOR, c1)
                    .lanewise(VectorOperators.XOR, a0.lanewise(VectorOperators.AND, c0));
            final LongVector four = a1.lanewise(VectorOperators.AND, c1);
            final LongVector three = bit1.lanewise(VectorOperators.AND, bit0);
            final LongVector accepted = three.lanewise(VectorOperators.OR, four);
            final LongVector eq0 = bit0.lanewise(VectorOperators.OR, bit1).lanewise(VectorOperators.OR, four)
                    .lanewise(VectorOperators.NOT);
            final LongVector eq2 = bit1.lanewise(VectorOperators.XOR, three).lanewise(VectorOperators.AND, valid);
            LongVector accept = accepted.lanewise(VectorOperators.AND, valid);
            LongVector undecided = bit0.lanewise(VectorOperators.OR, eq0)
                    .lanewise(VectorOperators.AND, accepted.lanewise(VectorOperators.NOT))
                    .lanewise(VectorOperators.AND, valid);
            LongVector lastWords = eq2;
            // three words per lane between two tests, written out as in SquareMultispinVector (a loop over them
            // makes C2 allocate the vectors); k + 5 < bits.length = 2 · TABLE_BITS, a multiple of 6
            for (int k = 0; k < bits.length; k += 2 * SquareMultispinLayout.WORDS_PER_TEST) {
                {
                    final LongVector r = s1.lanewise(VectorOperators.MUL, FIVE).lanewise(VectorOperators.ROL, SEVEN)
                            .lanewise(VectorOperators.MUL, NINE);
                    final LongVector t = s1.lanewise(VectorOperators.LSHL, SEVENTEEN);
                    s2 = s2.lanewise(VectorOperators.XOR, s0);
                    s3 = s3.lanewise(VectorOperators.XOR, s1);
                    s1 = s1.lanewise(VectorOperators.XOR, s2);
                    s0 = s0.lanewise(VectorOperators.XOR, s3);
                    s2 = s2.lanewise(VectorOperators.XOR, t);
                    s3 = s3.lanewise(VectorOperators.ROL, FORTY_FIVE);
                    final LongVector threshold = eq0
                            .lanewise(VectorOperators.AND, LongVector.broadcast(SPECIES, bits[k + 1]))
                            .lanewise(VectorOperators.XOR, LongVector.broadcast(SPECIES, bits[k]));
                    accept = accept.lanewise(VectorOperators.OR,
                            undecided.lanewise(VectorOperators.AND, threshold).lanewise(VectorOperators.AND, r));
                    undecided = undecided.lanewise(VectorOperators.AND, threshold.lanewise(VectorOperators.XOR, r));
                    lastWords = r;
                }
                {
                    final LongVector r = s1.lanewise(VectorOperators.MUL, FIVE).lanewise(VectorOperators.ROL, SEVEN)
                            .lanewise(VectorOperators.MUL, NINE);
                    final LongVector t = s1.lanewise(VectorOperators.LSHL, SEVENTEEN);
                    s2 = s2.lanewise(VectorOperators.XOR, s0);
                    s3 = s3.lanewise(VectorOperators.XOR, s1);
                    s1 = s1.lanewise(VectorOperators.XOR, s2);
                    s0 = s0.lanewise(VectorOperators.XOR, s3);
                    s2 = s2.lanewise(VectorOperators.XOR, t);
                    s3 = s3.lanewise(VectorOperators.ROL, FORTY_FIVE);
                    final LongVector threshold = eq0
                            .lanewise(VectorOperators.AND, LongVector.broadcast(SPECIES, bits[k + 3]))
                            .lanewise(VectorOperators.XOR, LongVector.broadcast(SPECIES, bits[k + 2]));
                    accept = accept.lanewise(VectorOperators.OR,
                            undecided.lanewise(VectorOperators.AND, threshold).lanewise(VectorOperators.AND, r));
                    undecided = undecided.lanewise(VectorOperators.AND, threshold.lanewise(VectorOperators.XOR, r));
                    lastWords = lastWords.lanewise(VectorOperators.OR, r);
                }
                {
                    final LongVector r = s1.lanewise(VectorOperators.MUL, FIVE).lanewise(VectorOperators.ROL, SEVEN)
                            .lanewise(VectorOperators.MUL, NINE);
                    final LongVector t = s1.lanewise(VectorOperators.LSHL, SEVENTEEN);
                    s2 = s2.lanewise(VectorOperators.XOR, s0);
                    s3 = s3.lanewise(VectorOperators.XOR, s1);
                    s1 = s1.lanewise(VectorOperators.XOR, s2);
                    s0 = s0.lanewise(VectorOperators.XOR, s3);
                    s2 = s2.lanewise(VectorOperators.XOR, t);
                    s3 = s3.lanewise(VectorOperators.ROL, FORTY_FIVE);
                    final LongVector threshold = eq0
                            .lanewise(VectorOperators.AND, LongVector.broadcast(SPECIES, bits[k + 5]))
                            .lanewise(VectorOperators.XOR, LongVector.broadcast(SPECIES, bits[k + 4]));
                    accept = accept.lanewise(VectorOperators.OR,
                            undecided.lanewise(VectorOperators.AND, threshold).lanewise(VectorOperators.AND, r));
                    undecided = undecided.lanewise(VectorOperators.AND, threshold.lanewise(VectorOperators.XOR, r));
                    lastWords = lastWords.lanewise(VectorOperators.OR, r);
                }
                if (undecided.compare(VectorOperators.EQ, ZERO).allTrue()) {
                    break;
                }
            }
            s.lanewise(VectorOperators.XOR, accept.lanewise(VectorOperators.OR,
                    eq2.lanewise(VectorOperators.AND, lastWords))).intoArray(packed, row + j);
        }
        s0.intoArray(state, 0);
        s1.intoArray(state, LANES);
        s2.intoArray(state, 2 * LANES);
        s3.intoArray(state, 3 * LANES);
    }
}
