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
     * One sweep in the order of {@link SquareCheckerboardSchedule}. Modified: {@code spins}, {@code state} (the
     * four xoshiro256** streams, advanced by two outputs per block), {@code rho} (scratch of
     * {@link SquareCheckerboardSchedule#LANES} ints).
     */
    static void sweep(SquareCheckerboardSchedule schedule, byte[] spins, long[] state, int[] rho) {
        final int streams = SquareCheckerboardSchedule.STREAMS;
        final int lanes = SquareCheckerboardSchedule.LANES;
        final int size = schedule.size;
        final int blocks = schedule.fullBlocks + 1;
        for (int colour = 0; colour < 2; colour++) {
            for (int rowParity = 0; rowParity < 2; rowParity++) {
                final int p = (colour + rowParity) & 1;
                for (int y = rowParity; y < size; y += 2) {
                    final int row = y * size;
                    final int up = schedule.upRow(y);
                    final int down = schedule.downRow(y);
                    int wrapRho = 0;
                    for (int j = 0; j < blocks; j++) {
                        // two outputs per stream: lane i takes 32-bit half i/2 (little-endian) of the first (even
                        // i) or the second (odd i) output vector
                        for (int step = 0; step < 2; step++) {
                            for (int g = 0; g < streams; g++) {
                                final long r = SquareCheckerboardSchedule.next(state, g);
                                rho[4 * g + step] = (int) r;
                                rho[4 * g + 2 + step] = (int) (r >>> 32);
                            }
                        }
                        final int first = schedule.blockSite[p * blocks + j];
                        final boolean tail = j == schedule.fullBlocks;
                        for (int i = tail ? schedule.maskedLanes : 0; i < lanes; i++) {
                            final int x = first + 2 * i;
                            schedule.update(spins, row + x, row + x - 1, row + x + 1, up + x, down + x, rho[i]);
                        }
                        if (tail) {
                            wrapRho = rho[0];
                        }
                    }
                    schedule.updateWrapSite(spins, y, p, wrapRho);
                }
            }
        }
    }
}
