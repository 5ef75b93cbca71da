package dev.coarse.emergence.sandpile;

/**
 * Dhar's burning algorithm (Phys. Rev. Lett. 64, 1613, 1990): a stable configuration on a rows×cols grid with open
 * boundaries is recurrent iff fire started from the sink burns every site, where a site burns once its height is at
 * least its number of unburnt grid neighbours (equivalently: adding to each site as many grains as it has edges to the
 * sink makes every site topple exactly once). {@link #count} enumerates all 4<sup>N</sup> stable configurations, so
 * it is for small grids only; Dhar's theorem says the count is det Δ ({@link DharExact#determinant}).
 */
public final class RecurrentConfigurations {

    /** Largest grid {@link #count} accepts: 4¹⁴ ≈ 2.7·10⁸ configurations. */
    public static final int MAX_ENUMERATED_SITES = 14;

    private RecurrentConfigurations() {
    }

    /** Whether the stable configuration {@code heights} (row-major, each 0 … 3) is recurrent. */
    public static boolean isRecurrent(int rows, int cols, int[] heights) {
        if (heights.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " heights, got " + heights.length);
        }
        return burnsCompletely(rows, cols, heights, new boolean[heights.length]);
    }

    /** The number of recurrent configurations, by enumerating every stable one (rows·cols ≤ 14). */
    public static long count(int rows, int cols) {
        int n = rows * cols;
        if (rows < 1 || cols < 1 || n > MAX_ENUMERATED_SITES) {
            throw new IllegalArgumentException("enumeration needs 1 ≤ rows·cols ≤ " + MAX_ENUMERATED_SITES + ", got "
                    + rows + "×" + cols);
        }
        int[] h = new int[n];
        boolean[] burnt = new boolean[n];
        long total = 1L << (2 * n);
        long recurrent = 0;
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int i = 0; i < n; i++) {
                h[i] = (int) (c & 3);
                c >>>= 2;
            }
            if (burnsCompletely(rows, cols, h, burnt)) {
                recurrent++;
            }
        }
        return recurrent;
    }

    private static boolean burnsCompletely(int rows, int cols, int[] h, boolean[] burnt) {
        int n = rows * cols;
        java.util.Arrays.fill(burnt, false);
        int burntCount = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < n; i++) {
                if (burnt[i]) {
                    continue;
                }
                int x = i / cols;
                int y = i % cols;
                int unburnt = 0;
                if (x > 0 && !burnt[i - cols]) {
                    unburnt++;
                }
                if (x < rows - 1 && !burnt[i + cols]) {
                    unburnt++;
                }
                if (y > 0 && !burnt[i - 1]) {
                    unburnt++;
                }
                if (y < cols - 1 && !burnt[i + 1]) {
                    unburnt++;
                }
                if (h[i] >= unburnt) {
                    burnt[i] = true;
                    burntCount++;
                    progress = true;
                }
            }
        }
        return burntCount == n;
    }
}
