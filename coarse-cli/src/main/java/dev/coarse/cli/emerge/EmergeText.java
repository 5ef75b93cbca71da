package dev.coarse.cli.emerge;

import dev.coarse.emergence.ca.EntropyHistory;
import java.io.PrintWriter;
import java.util.Locale;

/** The text forms the emerge commands share. */
final class EmergeText {

    /** Rows printed for a history; --json prints all. */
    private static final int ROWS = 12;

    private EmergeText() {
    }

    /** About a dozen rows of time, density, entropy per cell and conditional entropy, always the first and last. */
    static void printHistory(PrintWriter out, EntropyHistory history) {
        int[] times = history.times();
        double[] density = history.density();
        double[] perCell = history.blockEntropyPerCell();
        double[] conditional = history.conditionalEntropy();
        out.printf(Locale.ROOT, "%8s %10s %16s %16s%n", "t", "density", "H(block)/cell", "H(last|rest)");
        int stride = Math.max(1, (times.length + ROWS - 1) / ROWS);
        for (int k = 0; k < times.length; k++) {
            if (k % stride == 0 || k == times.length - 1) {
                out.printf(Locale.ROOT, "%8d %10.5f %16.6f %16.6f%n", times[k], density[k], perCell[k],
                        conditional[k]);
            }
        }
    }
}
