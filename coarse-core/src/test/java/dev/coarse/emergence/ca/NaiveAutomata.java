package dev.coarse.emergence.ca;

/** Per-cell reference implementations, written from the definitions only, for checking the packed kernels. */
final class NaiveAutomata {

    private NaiveAutomata() {
    }

    /** One elementary step on a periodic row: cell i becomes bit (4·left + 2·centre + right) of the rule number. */
    static byte[] elementaryStep(int rule, byte[] cells) {
        int n = cells.length;
        byte[] next = new byte[n];
        for (int i = 0; i < n; i++) {
            int left = cells[(i - 1 + n) % n];
            int right = cells[(i + 1) % n];
            next[i] = (byte) ((rule >> (4 * left + 2 * cells[i] + right)) & 1);
        }
        return next;
    }

    /** One Life generation (birth on 3, survival on 2 or 3) on a periodic grid, cells[y * width + x]. */
    static byte[] lifeStep(int width, int height, byte[] cells) {
        byte[] next = new byte[cells.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int neighbours = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (dx != 0 || dy != 0) {
                            neighbours += cells[((y + dy + height) % height) * width + (x + dx + width) % width];
                        }
                    }
                }
                boolean alive = cells[y * width + x] != 0;
                next[y * width + x] = (byte) ((neighbours == 3 || (alive && neighbours == 2)) ? 1 : 0);
            }
        }
        return next;
    }
}
