package dev.coarse.mc;

import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice checkerboard Metropolis sweep on 256-bit vectors (JDK 17's incubating Vector API): 16 sites
 * of one colour per vector, bit-identical to {@link SquareCheckerboardScalar}; {@link SquareCheckerboardSchedule}
 * documents the schedule.
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
 * generator state loaded from {@code state} before it and stored after it. xoshiro's ×5 and ×9 and its
 * rotations are shifts and adds (AVX2 has neither 64-bit multiplies nor rotations).
 *
 * <p>Loaded only when {@link CheckerboardMetropolis} finds the {@code jdk.incubator.vector} module.
 */
final class SquareCheckerboardVector {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_256;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SquareCheckerboardVector() {
    }

    /** True when 256-bit short and long vectors are compiled to hardware instructions on this machine. */
    static boolean usable() {
        return ShortVector.SPECIES_PREFERRED.length() >= SquareCheckerboardSchedule.LANES
                && SHORTS.length() == SquareCheckerboardSchedule.LANES
                && LONGS.length() == SquareCheckerboardSchedule.STREAMS;
    }

    /** As {@link SquareCheckerboardScalar#sweep}. Modified: {@code spins}, {@code state}. */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state) {
        for (int colour = 0; colour < 2; colour++) {
            for (int rowParity = 0; rowParity < 2; rowParity++) {
                sweepRows(schedule, spins, state, rowParity, (colour + rowParity) & 1);
            }
        }
    }

    /**
     * Rows y = firstRow, firstRow + 2, … (all of parity p) in one flat loop over their blocks, with the row
     * bookkeeping and the wrap site's update after each row's last block. Modified: {@code spins},
     * {@code state}.
     */
    private static void sweepRows(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int firstRow,
            int p) {
        final int streams = SquareCheckerboardSchedule.STREAMS;
        final int size = schedule.size;
        final int t0 = schedule.threshold0;
        final int t1 = schedule.threshold1;
        final short[] flipMasks = schedule.flipMasks;
        final int[] blockSite = schedule.blockSite;
        final int blocks = schedule.fullBlocks + 1;
        final int tail = schedule.fullBlocks;
        final int base = p * blocks;
        final int total = size / 2 * blocks;
        LongVector s0 = LongVector.fromArray(LONGS, state, 0);
        LongVector s1 = LongVector.fromArray(LONGS, state, streams);
        LongVector s2 = LongVector.fromArray(LONGS, state, 2 * streams);
        LongVector s3 = LongVector.fromArray(LONGS, state, 3 * streams);
        // the current row y and its block j (in processing order)
        int y = firstRow;
        int j = 0;
        int row = y * size;
        int up = schedule.upRow(y);
        int down = schedule.downRow(y);
        for (int n = 0; n < total; n++) {
            // the shorts at the sites' bytes: low byte the site, high byte its right neighbour; at the bytes one
            // to the left: low byte the left neighbour
            final int o = blockSite[base + j];
            final ShortVector v = ShortVector.fromByteArray(SHORTS, spins, row + o, ORDER);
            final ShortVector sum = v.lanewise(VectorOperators.XOR, v.lanewise(VectorOperators.ASHR, 8))
                    .add(v.lanewise(VectorOperators.XOR, ShortVector.fromByteArray(SHORTS, spins, row + o - 1, ORDER)))
                    .add(v.lanewise(VectorOperators.XOR, ShortVector.fromByteArray(SHORTS, spins, up + o, ORDER)))
                    .add(v.lanewise(VectorOperators.XOR, ShortVector.fromByteArray(SHORTS, spins, down + o, ORDER)));

            // two xoshiro256** steps on the four streams
            LongVector times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            LongVector rotated = times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r1 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));
            times5 = s1.add(s1.lanewise(VectorOperators.LSHL, 2));
            rotated = times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            final LongVector r2 = rotated.add(rotated.lanewise(VectorOperators.LSHL, 3));
            t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = s3.lanewise(VectorOperators.LSHL, 45).or(s3.lanewise(VectorOperators.LSHR, 19));

            // 1 − ℓ per random integer: −[ρ > θ₀'] − [ρ > θ₁'] − [ρ < 0], as −1/0 masks
            final IntVector i1 = r1.reinterpretAsInts();
            final IntVector i2 = r2.reinterpretAsInts();
            final IntVector c1 = ((IntVector) i1.compare(VectorOperators.GT, t0).toVector())
                    .add((IntVector) i1.compare(VectorOperators.GT, t1).toVector())
                    .sub(i1.lanewise(VectorOperators.ASHR, 31));
            final IntVector c2 = ((IntVector) i2.compare(VectorOperators.GT, t0).toVector())
                    .add((IntVector) i2.compare(VectorOperators.GT, t1).toVector())
                    .sub(i2.lanewise(VectorOperators.ASHR, 31));
            // lane 2j ← c1[j], lane 2j + 1 ← c2[j]
            final ShortVector c = c1.and(0xFFFF).or(c2.lanewise(VectorOperators.LSHL, 16)).reinterpretAsShorts();
            // the low byte of sum is −2d mod 256; W = ((sum − 2c) << 8) + 511 = 511 − 512(d + c) < 0 ⇔ d ≥ 1 − c = ℓ
            final ShortVector w = sum.sub(c.lanewise(VectorOperators.LSHL, 1)).lanewise(VectorOperators.LSHL, 8)
                    .add((short) 511);
            final ShortVector flip = w.lanewise(VectorOperators.ASHR, 15)
                    .and(ShortVector.fromArray(SHORTS, flipMasks, j == tail ? SquareCheckerboardSchedule.LANES : 0));
            v.lanewise(VectorOperators.XOR, flip).intoByteArray(spins, row + o, ORDER);
            j++;
            if (j == blocks) {
                // the row is done but for its wrap site, which takes I₁[0] of the tail (this block); next row
                schedule.updateWrapSite(spins, y, p, (int) r1.lane(0));
                j = 0;
                y += 2;
                row = y * size;
                up = schedule.upRow(y);
                down = schedule.downRow(y);
            }
        }
        s0.intoArray(state, 0);
        s1.intoArray(state, streams);
        s2.intoArray(state, 2 * streams);
        s3.intoArray(state, 3 * streams);
    }
}
