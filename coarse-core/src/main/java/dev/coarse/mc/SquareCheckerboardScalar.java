package dev.coarse.mc;

/**
 * The vectorised square-lattice checkerboard sweep in plain Java: the exact twin of {@link SquareCheckerboardVector},
 * lane by lane, with the same sites, random numbers and decisions ({@link SquareCheckerboardSchedule}), so it
 * gives bit-identical configurations. It runs when the JVM was started without
 * {@code --add-modules jdk.incubator.vector} (or on hardware without 256-bit vectors, or with
 * {@code -Dcoarse.checkerboard.vector=false}), and it is the oracle the vector kernel is tested against.
 */
final class SquareCheckerboardScalar {

    private SquareCheckerboardScalar() {
    }

    /**
     * One sweep: colour 0, then colour 1, rows in order, blocks in order, then the row's wrap site.
     * Modified: {@code spins}, {@code state} (the four xoshiro256** streams, advanced by two outputs per block),
     * {@code rho} (scratch of {@link SquareCheckerboardSchedule#LANES} ints).
     */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] rho) {
        final int streams = SquareCheckerboardSchedule.STREAMS;
        final int lanes = SquareCheckerboardSchedule.LANES;
        final int size = schedule.size;
        for (int colour = 0; colour < 2; colour++) {
            for (int y = 0; y < size; y++) {
                final int p = (colour + y) & 1;
                final int row = y * size;
                final int up = schedule.upRow(y);
                final int down = schedule.downRow(y);
                for (int k = 0; k <= schedule.fullBlocks; k++) {
                    // two outputs per stream: lane i takes 32-bit half i/2 (little-endian) of the first (even i)
                    // or the second (odd i) output vector
                    for (int step = 0; step < 2; step++) {
                        for (int g = 0; g < streams; g++) {
                            final long r = SquareCheckerboardSchedule.next(state, g);
                            rho[4 * g + step] = (int) r;
                            rho[4 * g + 2 + step] = (int) (r >>> 32);
                        }
                    }
                    final int start = schedule.blockStart(p, k);
                    final int first = k < schedule.fullBlocks ? 0 : schedule.maskedLanes;
                    for (int i = first; i < lanes; i++) {
                        final int x = 2 * (start + i) + p;
                        schedule.update(spins, row + x, row + x - 1, row + x + 1, up + x, down + x, rho[i]);
                    }
                }
                // rho[0] is still I₁[0] of the row's last block
                schedule.updateWrapSite(spins, y, p, rho[0]);
            }
        }
    }
}
