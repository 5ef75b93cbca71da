package dev.coarse.mc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The vectorised square-lattice checkerboard sweep in plain Java: the exact twin of {@link SquareCheckerboardVector},
 * lane by lane, with the same sites, random numbers and decisions ({@link SquareCheckerboardSchedule}), so it
 * gives bit-identical configurations. It runs when the JVM was started without
 * {@code --add-modules jdk.incubator.vector} (or on hardware without 256-bit vectors, or with
 * {@code -Dcoarse.checkerboard.vector=false}), and it is the oracle the vector kernel is tested against.
 */
final class SquareCheckerboardScalar {

    /** The seed of the vector kernels' load-time self-check ({@link #agreesWith}). */
    private static final long SELF_CHECK_SEED = 20261123L;
    /** The ΔE = 0 acceptance of the self-check: the sampler's 7/8 (the check compares code, any valid value does). */
    private static final double SELF_CHECK_ZERO_COST_ACCEPTANCE = 0.875;

    /** A vector kernel's sweep: as {@link #sweep}, with a scratch of L/2 ints for the wrap sites' numbers. */
    interface KernelSweep {
        void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] wrapRho);
    }

    private SquareCheckerboardScalar() {
    }

    /**
     * Whether two sweeps of {@code kernel} at L = {@code size}, T<sub>c</sub>, from a fixed random start and
     * seed give the same spins and generator states as the twin, bit for bit: the vector kernels' load-time
     * self-check.
     */
    static boolean agreesWith(KernelSweep kernel, int size) {
        final SquareCheckerboardSchedule schedule = new SquareCheckerboardSchedule(size, 1 / 2.269185314213022,
                SELF_CHECK_ZERO_COST_ACCEPTANCE);
        final SplittableRandom rng = new SplittableRandom(SELF_CHECK_SEED);
        final byte[] twin = new byte[size * size];
        for (int i = 0; i < twin.length; i++) {
            twin[i] = (byte) (rng.nextBoolean() ? 1 : -1);
        }
        final byte[] spins = twin.clone();
        final long[] twinState = new long[4 * schedule.streams];
        schedule.seed(twinState, rng);
        final long[] state = twinState.clone();
        for (int t = 0; t < 2; t++) {
            sweep(schedule, twin, twinState, new int[schedule.lanes + size / 2]);
            kernel.sweep(schedule, spins, state, new int[size / 2]);
        }
        return Arrays.equals(spins, twin) && Arrays.equals(state, twinState);
    }

    /**
     * One sweep in the order of {@link SquareCheckerboardSchedule}. Modified: {@code spins}, {@code state} (the
     * schedule's xoshiro256** streams, advanced by two outputs per block), {@code rho} (scratch of at least
     * B + L/2 ints: one block's random integers, then the rows' wrap-site integers).
     */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] rho) {
        final int lanes = schedule.lanes;
        final int size = schedule.size;
        for (int colour = 0; colour < 2; colour++) {
            for (int rowParity = 0; rowParity < 2; rowParity++) {
                final int p = (colour + rowParity) & 1;
                // the run's full blocks row by row, then its tails row by row, then its wrap sites
                for (int y = rowParity; y < size; y += 2) {
                    for (int j = 0; j < schedule.fullBlocks; j++) {
                        block(schedule, spins, state, rho, y, p, j);
                    }
                }
                for (int y = rowParity; y < size; y += 2) {
                    block(schedule, spins, state, rho, y, p, schedule.fullBlocks);
                    rho[lanes + (y >> 1)] = rho[0];
                }
                for (int y = rowParity; y < size; y += 2) {
                    schedule.updateWrapSite(spins, y, p, rho[lanes + (y >> 1)]);
                }
            }
        }
    }

    /**
     * Block j of row y (parity p): draws its random integers into {@code rho[0…B)} and updates its lanes (a tail
     * only its last r). Modified: {@code spins}, {@code state}, {@code rho}.
     */
    private static void block(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] rho, int y,
            int p, int j) {
        // two outputs per stream: lane i takes 32-bit half i/2 (little-endian) of the first (even i) or the
        // second (odd i) output vector
        for (int step = 0; step < 2; step++) {
            for (int g = 0; g < schedule.streams; g++) {
                final long r = schedule.next(state, g);
                rho[4 * g + step] = (int) r;
                rho[4 * g + 2 + step] = (int) (r >>> 32);
            }
        }
        final int row = y * schedule.size;
        final int up = schedule.upRow(y);
        final int down = schedule.downRow(y);
        final int first = schedule.blockSite[p * (schedule.fullBlocks + 1) + j];
        for (int i = j == schedule.fullBlocks ? schedule.maskedLanes : 0; i < schedule.lanes; i++) {
            final int x = first + 2 * i;
            schedule.update(spins, row + x, row + x - 1, row + x + 1, up + x, down + x, rho[i]);
        }
    }
}
