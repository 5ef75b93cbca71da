package dev.coarse.mc.kernel;

import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice checkerboard Metropolis sweep on 256-bit vectors (JDK 17's incubating Vector API): 16 sites
 * of one colour per vector (a 16-unit block, or half of a 32-unit block from L = 66 on, which
 * {@link SquareCheckerboardVector512} does in one vector where it can), bit-identical to
 * {@link SquareCheckerboardScalar}; {@link SquareCheckerboardSchedule} documents the schedule.
 *
 * <p>A block loads 32 bytes starting at its first site (x₀ = 2m + p, odd for p = 1) as 16 little-endian shorts:
 * lane i holds site x₀ + 2i in its low byte and the right neighbour in its high byte; the shorts one byte to the
 * left hold the left neighbours in their low bytes, and the same offsets in the rows above and below the
 * vertical neighbours. XOR-ing each with the site gives, per neighbour, a low byte 0 (agree) or 0xFE = −2
 * (disagree) under a garbage high byte (the right neighbour is first shifted down by 8); so the low byte of the
 * sum of the four is −2d mod 256, and shifting the sum left by 8 drops the garbage and leaves −512d as a signed
 * short. The level ℓ = 1 − c comes from two signed 32-bit compares and the sign bit of each random integer
 * (eight per int vector, two int vectors per block), packed into the 16 short lanes as c. Then d ≥ ℓ ⇔
 * W = ((sum − 2c) &lt;&lt; 8) + 511 = 511 − 512(d + c) &lt; 0, and the sign of W, masked to 0xFE in the low
 * byte (and to the tail's updated lanes), flips the site by XOR; the 32 bytes are stored back (the high bytes
 * unchanged).
 *
 * <p>Written for C2 in JDK 17, which boxes vectors carried across nested loops: each run of rows of one parity is
 * one flat loop over its blocks (the row is a counter in it), the only loop that carries vectors, with the
 * generator state loaded from {@code state} before it and stored after it. xoshiro's ×5 and ×9 are
 * shifts and adds (AVX2 has no 64-bit multiply), its rotations as {@link #LANEWISE_ROTATE} says.
 *
 * <p><b>Copies, and why they stay.</b> The two xoshiro steps and the level ℓ are written out twice per block, and
 * {@code sweepRows} is written again for 32-unit blocks (two halves) and in {@link SquareCheckerboardVector512}
 * (512 bits): a helper returning vectors is not inlined here and ran at 0.34 flips/ns instead of 1.3, and a method
 * shared by the two vector shapes would take its species as a value, which no intrinsic accepts (the package
 * comment).
 *
 * <p>Loaded only when {@link SquareCheckerboardSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareCheckerboardVector {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_256;
    /** Lanes of one vector: a 16-unit block, or half a 32-unit block. */
    private static final int HALF = SquareCheckerboardSchedule.NARROW_LANES;

    /**
     * Rotations as {@code lanewise(ROL, k)} on any JDK after 17, two shifts and an OR on JDK 17: JDK 25's C2
     * compiles the former to one rotate instruction where the hardware has one (AVX-512), while JDK 17's compiles
     * it no better than the shifts and, on AVX2, slower (only JDK 17 and 25 measured: BENCHMARKS.md). A
     * constant, so C2 keeps only one of the two forms; both compute the same rotation.
     */
    static final boolean LANEWISE_ROTATE = Runtime.version().feature() > 17;

    private SquareCheckerboardVector() {
    }

    /**
     * True when 256-bit short and long vectors are compiled to hardware instructions on this machine, its byte
     * order is little-endian (the shorts of a block are read by reinterpreting bytes in native order), and two
     * sweeps of each block width agree bit for bit with the plain-Java twin: the incubating API changes between
     * JDKs (JDK 17's {@code ShortVector.fromByteArray}, used here until 2026-11-23, is gone from JDK 19 on), so a
     * JDK whose Vector API behaves differently gets the twin instead of a crash or a wrong chain.
     */
    static boolean usable() {
        return ShortVector.SPECIES_PREFERRED.length() >= HALF
                && SHORTS.length() == HALF
                && LONGS.length() == HALF / 4
                && BYTES.length() == 2 * HALF
                && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && SquareCheckerboardScalar.agreesWith(SquareCheckerboardVector::sweep, SquareCheckerboardSchedule.MIN_SIZE)
                && SquareCheckerboardScalar.agreesWith(SquareCheckerboardVector::sweep,
                        SquareCheckerboardSchedule.WIDE_MIN_SIZE);
    }

    /**
     * As {@link SquareCheckerboardScalar#sweep}. Modified: {@code spins}, {@code state}, {@code wrapRho}
     * (scratch of L/2 ints).
     */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] wrapRho) {
        final boolean wide = schedule.lanes == SquareCheckerboardSchedule.WIDE_LANES;
        final int tail = schedule.fullBlocks;
        for (int colour = 0; colour < 2; colour++) {
            for (int rowParity = 0; rowParity < 2; rowParity++) {
                final int p = (colour + rowParity) & 1;
                // the rows' full blocks, then their tails (see SquareCheckerboardSchedule)
                if (wide) {
                    sweepRowsWide(schedule, spins, state, rowParity, p, wrapRho, 0, tail);
                    sweepRowsWide(schedule, spins, state, rowParity, p, wrapRho, tail, tail + 1);
                } else {
                    sweepRows(schedule, spins, state, rowParity, p, wrapRho, 0, tail);
                    sweepRows(schedule, spins, state, rowParity, p, wrapRho, tail, tail + 1);
                }
                // then the wrap sites of these rows, out of the vector loop
                for (int y = rowParity; y < schedule.size; y += 2) {
                    schedule.updateWrapSite(spins, y, p, wrapRho[y >> 1]);
                }
            }
        }
    }

    /**
     * The blocks of rows y = firstRow, firstRow + 2, … (all of parity p) in one flat loop, the row a counter in
     * it, blocks j ∈ [first, end) of each row (j = q the tail). Modified: {@code spins}, {@code state},
     * {@code wrapRho[y/2]} (each row's wrap-site random integer, when the blocks include the tail).
     */
    private static void sweepRows(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int firstRow,
            int p, int[] wrapRho, int first, int end) {
        final int streams = HALF / 4;
        final int size = schedule.size;
        final int u0 = schedule.threshold0 + 1;
        final int u1 = schedule.threshold1 + 1;
        final int u2 = schedule.threshold2 + 1;
        final short[] flipMasks = schedule.flipMasks;
        final int[] blockSite = schedule.blockSite;
        final int blocks = schedule.fullBlocks + 1;
        final int tail = schedule.fullBlocks;
        final int base = p * blocks;
        final boolean withTail = end == blocks;
        final int total = size / 2 * (end - first);
        LongVector s0 = LongVector.fromArray(LONGS, state, 0);
        LongVector s1 = LongVector.fromArray(LONGS, state, streams);
        LongVector s2 = LongVector.fromArray(LONGS, state, 2 * streams);
        LongVector s3 = LongVector.fromArray(LONGS, state, 3 * streams);
        // the current row y (half = ⌊y/2⌋, row = its first byte), the rows above and below, its block j
        final int area = size * size;
        int j = first;
        int half = firstRow >> 1;
        int row = firstRow * size;
        int up = (row == 0 ? area : row) - size;
        int down = row + size == area ? 0 : row + size;
        for (int n = 0; n < total; n++) {
            // the shorts at the sites' bytes: low byte the site, high byte its right neighbour; at the bytes one
            // to the left: low byte the left neighbour
            final int o = blockSite[base + j];
            final ShortVector v = ByteVector.fromArray(BYTES, spins, row + o).reinterpretAsShorts();
            final ShortVector left = ByteVector.fromArray(BYTES, spins, row + o - 1).reinterpretAsShorts();
            final ShortVector above = ByteVector.fromArray(BYTES, spins, up + o).reinterpretAsShorts();
            final ShortVector below = ByteVector.fromArray(BYTES, spins, down + o).reinterpretAsShorts();
            final ShortVector sum = v.lanewise(VectorOperators.XOR, v.lanewise(VectorOperators.ASHR, 8))
                    .add(v.lanewise(VectorOperators.XOR, left))
                    .add(v.lanewise(VectorOperators.XOR, above))
                    .add(v.lanewise(VectorOperators.XOR, below));

            // two xoshiro256** steps on the four streams
            LongVector times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            LongVector rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r1 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
            times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r2 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));

            // ℓ per random integer without vector masks (JDK 17's C2 makes compare-to-vector costly), as in
            // SquareCheckerboardSchedule.update: with ν = ~ρ, ρ > θ' ⇔ the sign bit of ((θ' + 1 + ν) | ν) for
            // θ' < 0 (θ₀, θ₁) and of ((θ' + 1 + ν) & ν) for θ' ≥ 0 (θ₂)
            final IntVector n1 = r1.reinterpretAsInts().lanewise(VectorOperators.NOT);
            final IntVector n2 = r2.reinterpretAsInts().lanewise(VectorOperators.NOT);
            // written out twice: a static helper for ℓ, even this small, ran the sweep at 0.34 flips/ns instead of
            // ~1.3 (measured 13:51 UTC; C2 in JDK 17 boxed its vectors); likewise the two xoshiro steps above
            final IntVector l1 = n1.add(u0).or(n1).lanewise(VectorOperators.LSHR, 31)
                    .add(n1.add(u1).or(n1).lanewise(VectorOperators.LSHR, 31))
                    .add(n1.add(u2).and(n1).lanewise(VectorOperators.LSHR, 31));
            final IntVector l2 = n2.add(u0).or(n2).lanewise(VectorOperators.LSHR, 31)
                    .add(n2.add(u1).or(n2).lanewise(VectorOperators.LSHR, 31))
                    .add(n2.add(u2).and(n2).lanewise(VectorOperators.LSHR, 31));
            // lane 2j ← ℓ₁[j], lane 2j + 1 ← ℓ₂[j]
            final ShortVector level = l1.or(l2.lanewise(VectorOperators.LSHL, 16)).reinterpretAsShorts();
            // the low byte of sum is −2d mod 256; W = ((sum + 2ℓ) << 8) − 1 = −1 − 512(d − ℓ) < 0 ⇔ d ≥ ℓ
            final ShortVector w = sum.add(level).add(level).lanewise(VectorOperators.LSHL, 8).sub((short) 1);
            final ShortVector flip = w.lanewise(VectorOperators.ASHR, 15)
                    .and(ShortVector.fromArray(SHORTS, flipMasks, j == tail ? HALF : 0));
            v.lanewise(VectorOperators.XOR, flip).reinterpretAsBytes().intoArray(spins, row + o);
            j++;
            if (j == end) {
                if (withTail) {
                    // the row's wrap site takes I₁[0] of its tail (this block)
                    wrapRho[half] = (int) r1.lane(0);
                }
                // next row
                half++;
                j = first;
                row += 2 * size;
                up = row - size;
                down = row + size == area ? 0 : row + size;
            }
        }
        s0.intoArray(state, 0);
        s1.intoArray(state, streams);
        s2.intoArray(state, 2 * streams);
        s3.intoArray(state, 3 * streams);
    }

    /**
     * As {@link #sweepRows} for 32-unit blocks: each block as two 16-lane halves, the upper (units 16…31,
     * streams 4…7, state vectors q) before the lower (units 0…15, streams 0…3, state vectors s) so that no load
     * overlaps the store just before it; the same lanes, random numbers and decisions as one 512-bit vector.
     * Modified: {@code spins}, {@code state}, {@code wrapRho[y/2]}.
     */
    private static void sweepRowsWide(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int firstRow,
            int p, int[] wrapRho, int first, int end) {
        final int streams = 2 * (HALF / 4);
        final int quarter = HALF / 4;
        final int size = schedule.size;
        final int u0 = schedule.threshold0 + 1;
        final int u1 = schedule.threshold1 + 1;
        final int u2 = schedule.threshold2 + 1;
        final short[] flipMasks = schedule.flipMasks;
        final int[] blockSite = schedule.blockSite;
        final int blocks = schedule.fullBlocks + 1;
        final int tail = schedule.fullBlocks;
        final int base = p * blocks;
        final boolean withTail = end == blocks;
        final int total = size / 2 * (end - first);
        LongVector s0 = LongVector.fromArray(LONGS, state, 0);
        LongVector s1 = LongVector.fromArray(LONGS, state, streams);
        LongVector s2 = LongVector.fromArray(LONGS, state, 2 * streams);
        LongVector s3 = LongVector.fromArray(LONGS, state, 3 * streams);
        LongVector q0 = LongVector.fromArray(LONGS, state, quarter);
        LongVector q1 = LongVector.fromArray(LONGS, state, streams + quarter);
        LongVector q2 = LongVector.fromArray(LONGS, state, 2 * streams + quarter);
        LongVector q3 = LongVector.fromArray(LONGS, state, 3 * streams + quarter);
        // the current row y (half = ⌊y/2⌋, row = its first byte), the rows above and below, its block j
        final int area = size * size;
        int j = first;
        int half = firstRow >> 1;
        int row = firstRow * size;
        int up = (row == 0 ? area : row) - size;
        int down = row + size == area ? 0 : row + size;
        for (int n = 0; n < total; n++) {
            // the shorts at the sites' bytes: low byte the site, high byte its right neighbour; at the bytes one
            // to the left: low byte the left neighbour
            final int o = blockSite[base + j];
            final int ob = o + 2 * HALF;
            final int maskA = j == tail ? 2 * HALF : 0;
            final int maskB = maskA + HALF;
            final ShortVector vB = ByteVector.fromArray(BYTES, spins, row + ob).reinterpretAsShorts();
            final ShortVector leftB = ByteVector.fromArray(BYTES, spins, row + ob - 1).reinterpretAsShorts();
            final ShortVector aboveB = ByteVector.fromArray(BYTES, spins, up + ob).reinterpretAsShorts();
            final ShortVector belowB = ByteVector.fromArray(BYTES, spins, down + ob).reinterpretAsShorts();
            final ShortVector sumB = vB.lanewise(VectorOperators.XOR, vB.lanewise(VectorOperators.ASHR, 8))
                    .add(vB.lanewise(VectorOperators.XOR, leftB))
                    .add(vB.lanewise(VectorOperators.XOR, aboveB))
                    .add(vB.lanewise(VectorOperators.XOR, belowB));

            LongVector times5B = q1.add(q1.lanewise(VectorOperators.LSHL, 2));
            LongVector rotatedB = LANEWISE_ROTATE ? times5B.lanewise(VectorOperators.ROL, 7)
                    : times5B.lanewise(VectorOperators.LSHL, 7).or(times5B.lanewise(VectorOperators.LSHR, 57));
            final LongVector r1B = rotatedB.add(rotatedB.lanewise(VectorOperators.LSHL, 3));
            LongVector tB = q1.lanewise(VectorOperators.LSHL, 17);
            q2 = q2.lanewise(VectorOperators.XOR, q0);
            q3 = q3.lanewise(VectorOperators.XOR, q1);
            q1 = q1.lanewise(VectorOperators.XOR, q2);
            q0 = q0.lanewise(VectorOperators.XOR, q3);
            q2 = q2.lanewise(VectorOperators.XOR, tB);
            q3 = LANEWISE_ROTATE ? q3.lanewise(VectorOperators.ROL, 45)
                    : q3.lanewise(VectorOperators.LSHL, 45).or(q3.lanewise(VectorOperators.LSHR, 19));
            times5B = q1.add(q1.lanewise(VectorOperators.LSHL, 2));
            rotatedB = LANEWISE_ROTATE ? times5B.lanewise(VectorOperators.ROL, 7)
                    : times5B.lanewise(VectorOperators.LSHL, 7).or(times5B.lanewise(VectorOperators.LSHR, 57));
            final LongVector r2B = rotatedB.add(rotatedB.lanewise(VectorOperators.LSHL, 3));
            tB = q1.lanewise(VectorOperators.LSHL, 17);
            q2 = q2.lanewise(VectorOperators.XOR, q0);
            q3 = q3.lanewise(VectorOperators.XOR, q1);
            q1 = q1.lanewise(VectorOperators.XOR, q2);
            q0 = q0.lanewise(VectorOperators.XOR, q3);
            q2 = q2.lanewise(VectorOperators.XOR, tB);
            q3 = LANEWISE_ROTATE ? q3.lanewise(VectorOperators.ROL, 45)
                    : q3.lanewise(VectorOperators.LSHL, 45).or(q3.lanewise(VectorOperators.LSHR, 19));

            final IntVector n1B = r1B.reinterpretAsInts().lanewise(VectorOperators.NOT);
            final IntVector n2B = r2B.reinterpretAsInts().lanewise(VectorOperators.NOT);
            final IntVector l1B = n1B.add(u0).or(n1B).lanewise(VectorOperators.LSHR, 31)
                    .add(n1B.add(u1).or(n1B).lanewise(VectorOperators.LSHR, 31))
                    .add(n1B.add(u2).and(n1B).lanewise(VectorOperators.LSHR, 31));
            final IntVector l2B = n2B.add(u0).or(n2B).lanewise(VectorOperators.LSHR, 31)
                    .add(n2B.add(u1).or(n2B).lanewise(VectorOperators.LSHR, 31))
                    .add(n2B.add(u2).and(n2B).lanewise(VectorOperators.LSHR, 31));
            final ShortVector levelB = l1B.or(l2B.lanewise(VectorOperators.LSHL, 16)).reinterpretAsShorts();
            final ShortVector wB = sumB.add(levelB).add(levelB).lanewise(VectorOperators.LSHL, 8).sub((short) 1);
            final ShortVector flipB = wB.lanewise(VectorOperators.ASHR, 15)
                    .and(ShortVector.fromArray(SHORTS, flipMasks, maskB));
            vB.lanewise(VectorOperators.XOR, flipB).reinterpretAsBytes().intoArray(spins, row + ob);

            final ShortVector v = ByteVector.fromArray(BYTES, spins, row + o).reinterpretAsShorts();
            final ShortVector left = ByteVector.fromArray(BYTES, spins, row + o - 1).reinterpretAsShorts();
            final ShortVector above = ByteVector.fromArray(BYTES, spins, up + o).reinterpretAsShorts();
            final ShortVector below = ByteVector.fromArray(BYTES, spins, down + o).reinterpretAsShorts();
            final ShortVector sum = v.lanewise(VectorOperators.XOR, v.lanewise(VectorOperators.ASHR, 8))
                    .add(v.lanewise(VectorOperators.XOR, left))
                    .add(v.lanewise(VectorOperators.XOR, above))
                    .add(v.lanewise(VectorOperators.XOR, below));

            // two xoshiro256** steps on the four streams
            LongVector times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            LongVector rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r1 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
            times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            rotated = LANEWISE_ROTATE ? times5.lanewise(VectorOperators.ROL, 7)
                    : times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r2 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = LANEWISE_ROTATE ? s3.lanewise(VectorOperators.ROL, 45)
                    : s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));

            // ℓ per random integer without vector masks (JDK 17's C2 makes compare-to-vector costly), as in
            // SquareCheckerboardSchedule.update: with ν = ~ρ, ρ > θ' ⇔ the sign bit of ((θ' + 1 + ν) | ν) for
            // θ' < 0 (θ₀, θ₁) and of ((θ' + 1 + ν) & ν) for θ' ≥ 0 (θ₂)
            final IntVector n1 = r1.reinterpretAsInts().lanewise(VectorOperators.NOT);
            final IntVector n2 = r2.reinterpretAsInts().lanewise(VectorOperators.NOT);
            // written out twice: a static helper for ℓ, even this small, ran the sweep at 0.34 flips/ns instead of
            // ~1.3 (measured 13:51 UTC; C2 in JDK 17 boxed its vectors); likewise the two xoshiro steps above
            final IntVector l1 = n1.add(u0).or(n1).lanewise(VectorOperators.LSHR, 31)
                    .add(n1.add(u1).or(n1).lanewise(VectorOperators.LSHR, 31))
                    .add(n1.add(u2).and(n1).lanewise(VectorOperators.LSHR, 31));
            final IntVector l2 = n2.add(u0).or(n2).lanewise(VectorOperators.LSHR, 31)
                    .add(n2.add(u1).or(n2).lanewise(VectorOperators.LSHR, 31))
                    .add(n2.add(u2).and(n2).lanewise(VectorOperators.LSHR, 31));
            // lane 2j ← ℓ₁[j], lane 2j + 1 ← ℓ₂[j]
            final ShortVector level = l1.or(l2.lanewise(VectorOperators.LSHL, 16)).reinterpretAsShorts();
            // the low byte of sum is −2d mod 256; W = ((sum + 2ℓ) << 8) − 1 = −1 − 512(d − ℓ) < 0 ⇔ d ≥ ℓ
            final ShortVector w = sum.add(level).add(level).lanewise(VectorOperators.LSHL, 8).sub((short) 1);
            final ShortVector flip = w.lanewise(VectorOperators.ASHR, 15)
                    .and(ShortVector.fromArray(SHORTS, flipMasks, maskA));
            v.lanewise(VectorOperators.XOR, flip).reinterpretAsBytes().intoArray(spins, row + o);
            j++;
            if (j == end) {
                if (withTail) {
                    // the row's wrap site takes I₁[0] of its tail (this block)
                    wrapRho[half] = (int) r1.lane(0);
                }
                // next row
                half++;
                j = first;
                row += 2 * size;
                up = row - size;
                down = row + size == area ? 0 : row + size;
            }
        }
        s0.intoArray(state, 0);
        s1.intoArray(state, streams);
        s2.intoArray(state, 2 * streams);
        s3.intoArray(state, 3 * streams);
        q0.intoArray(state, quarter);
        q1.intoArray(state, streams + quarter);
        q2.intoArray(state, 2 * streams + quarter);
        q3.intoArray(state, 3 * streams + quarter);
    }
}
