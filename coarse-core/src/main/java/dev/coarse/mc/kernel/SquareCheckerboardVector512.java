package dev.coarse.mc.kernel;

import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The square-lattice checkerboard Metropolis sweep for 32-unit blocks (L ≥ 66) on 512-bit vectors: a block is one
 * vector of 32 shorts and its random numbers one step of eight xoshiro256** streams in one vector of longs, so
 * each instruction does twice the work of {@link SquareCheckerboardVector}'s two 256-bit halves. The same
 * computation lane for lane (its class comment explains it) and bit-identical to {@link SquareCheckerboardScalar};
 * used on a JDK after 17 where the hardware runs 512-bit vectors (AVX-512; {@link #usable()} says why not on
 * JDK 17), the 256-bit kernel elsewhere, and the schedule, hence the chain, is the same on both.
 *
 * <p><b>Copies, and why they stay.</b> {@code sweepRows} is {@code SquareCheckerboardVector.sweepRows} line for
 * line on the 512-bit species: the species is a compile-time constant of each method, and C2 inlines no shared
 * helper into either (the package comment).
 *
 * <p>Loaded only when {@link SquareCheckerboardSweep} finds the {@code jdk.incubator.vector} module.
 */
final class SquareCheckerboardVector512 {

    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_512;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_512;
    /** As {@link SquareCheckerboardVector#LANEWISE_ROTATE}. */
    private static final boolean LANEWISE_ROTATE = SquareCheckerboardVector.LANEWISE_ROTATE;

    private SquareCheckerboardVector512() {
    }

    /**
     * True on a JDK after 17 where 512-bit vectors are compiled to hardware instructions (the preferred species
     * holds 32 shorts), the byte order is little-endian, and two sweeps agree bit for bit with the plain-Java
     * twin. Not on JDK 17: its C2 loses track of which vector class a value has once another shape of the same
     * element type has run in the JVM (the 256-bit kernels, their self-checks included), so the library's
     * stores and shifts here are no longer compiled to instructions, and this kernel ran at 0.74–0.77 flips/ns
     * at L = 128 against 2.4–2.5 for the two 256-bit halves (3.4 with no 256-bit code run before it; measured
     * 2026-11-23, Zen 5). JDK 25 keeps the classes apart: 4.5 flips/ns with the 256-bit kernels run first.
     */
    static boolean usable() {
        return Runtime.version().feature() > 17
                && ShortVector.SPECIES_PREFERRED.length() >= SquareCheckerboardSchedule.WIDE_LANES
                && SHORTS.length() == SquareCheckerboardSchedule.WIDE_LANES
                && LONGS.length() == SquareCheckerboardSchedule.WIDE_LANES / 4
                && BYTES.length() == 2 * SquareCheckerboardSchedule.WIDE_LANES
                && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                && SquareCheckerboardScalar.agreesWith(SquareCheckerboardVector512::sweep,
                        SquareCheckerboardSchedule.WIDE_MIN_SIZE);
    }

    /**
     * As {@link SquareCheckerboardScalar#sweep} for a schedule of 32-unit blocks (L ≥ 66). Modified:
     * {@code spins}, {@code state}, {@code wrapRho} (scratch of L/2 ints).
     */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] wrapRho) {
        if (schedule.lanes != SquareCheckerboardSchedule.WIDE_LANES) {
            throw new IllegalArgumentException("the 512-bit kernel takes 32-unit blocks (L >= 66), not L = "
                    + schedule.size);
        }
        for (int colour = 0; colour < 2; colour++) {
            for (int rowParity = 0; rowParity < 2; rowParity++) {
                final int p = (colour + rowParity) & 1;
                // the rows' full blocks, then their tails (see SquareCheckerboardSchedule)
                sweepRows(schedule, spins, state, rowParity, p, wrapRho, 0, schedule.fullBlocks);
                sweepRows(schedule, spins, state, rowParity, p, wrapRho, schedule.fullBlocks, schedule.fullBlocks + 1);
                // then the wrap sites of these rows, out of the vector loop
                for (int y = rowParity; y < schedule.size; y += 2) {
                    schedule.updateWrapSite(spins, y, p, wrapRho[y >> 1]);
                }
            }
        }
    }

    /**
     * The 32-unit blocks of rows y = firstRow, firstRow + 2, … (all of parity p) in one flat loop, the row a
     * counter in it, as {@code SquareCheckerboardVector.sweepRows} does with 16-unit blocks: blocks
     * j ∈ [first, end) of each row (j = q the tail). Modified: {@code spins}, {@code state}, {@code wrapRho[y/2]}
     * (each row's wrap-site random integer, when the blocks include the tail).
     */
    private static void sweepRows(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int firstRow,
            int p, int[] wrapRho, int first, int end) {
        final int streams = SquareCheckerboardSchedule.WIDE_LANES / 4;
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

            // two xoshiro256** steps on the eight streams
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
                    .and(ShortVector.fromArray(SHORTS, flipMasks, j == tail ? SquareCheckerboardSchedule.WIDE_LANES : 0));
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

}
