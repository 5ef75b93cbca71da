package dev.coarse.emergence.ca;

/**
 * Neighbour words of a periodic row of {@code length} cells packed 64 per {@code long} (cell i in bit i mod 64 of
 * word i / 64, the bits of the last word above the row's end zero): word w of the row seen one cell to the left or
 * the right, wrapping around the ends. Shared by the elementary and the Life kernels; results may carry stray bits
 * above the row's end, which the kernels mask off.
 */
final class PeriodicWords {

    private PeriodicWords() {
    }

    /** Number of words holding {@code length} cells. */
    static int words(int length) {
        return (length + 63) >>> 6;
    }

    /** Mask of the valid bits of the last word. */
    static long lastWordMask(int length) {
        int tail = length & 63;
        return tail == 0 ? -1L : (1L << tail) - 1;
    }

    /** Word {@code w} of the row whose cell i holds cell i − 1 of the row at {@code offset} (the left neighbours). */
    static long leftNeighbours(long[] row, int offset, int w, int words, int length) {
        long carry = w == 0 ? (row[offset + ((length - 1) >>> 6)] >>> ((length - 1) & 63)) & 1L
                : row[offset + w - 1] >>> 63;
        return (row[offset + w] << 1) | carry;
    }

    /** Word {@code w} of the row whose cell i holds cell i + 1 of the row at {@code offset} (the right neighbours). */
    static long rightNeighbours(long[] row, int offset, int w, int words, int length) {
        long carry = w == words - 1 ? (row[offset] & 1L) << ((length - 1) & 63) : row[offset + w + 1] << 63;
        return (row[offset + w] >>> 1) | carry;
    }
}
