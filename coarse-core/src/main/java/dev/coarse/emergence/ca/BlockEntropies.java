package dev.coarse.emergence.ca;

import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.PluginEntropy;
import java.util.random.RandomGenerator;

/**
 * Coarse block entropies over time (issue 24): an elementary CA or Life is started from independent random cells,
 * and at every {@code every}-th step the histogram of its block patterns (all periodic positions) gives the plug-in
 * entropy per cell and a conditional entropy ({@link EntropyHistory}). A random start has ln 2 nats per cell at
 * density 1/2; rules that order (Life's ash, rule 184's jams, class-II rules) lower it, chaotic rules (30, 45) keep
 * it near ln 2.
 */
public final class BlockEntropies {

    /** Largest block: 2<sup>16</sup> patterns. */
    public static final int MAX_BLOCK_CELLS = 16;

    private static final EntropyEstimator PLUGIN = new PluginEntropy();

    private BlockEntropies() {
    }

    /**
     * Block entropies of {@code rule} on {@code length} periodic cells for {@code steps} steps, measured every
     * {@code every} steps with blocks of {@code blockSize} cells.
     */
    public static EntropyHistory elementary(ElementaryRule rule, int length, int steps, int every, int blockSize,
            double density, RandomGenerator random) {
        checkRun(steps, every);
        if (blockSize < 1 || blockSize > MAX_BLOCK_CELLS || blockSize > length) {
            throw new IllegalArgumentException("block size must be 1 … min(" + MAX_BLOCK_CELLS + ", L), got "
                    + blockSize);
        }
        ElementaryAutomaton automaton = ElementaryAutomaton.random(rule, length, density, random);
        int points = steps / every + 1;
        int[] times = new int[points];
        double[] rho = new double[points];
        double[] perCell = new double[points];
        double[] conditional = new double[points];
        int[] counts = new int[1 << blockSize];
        for (int k = 0; k < points; k++) {
            if (k > 0) {
                automaton.step(every);
            }
            byte[] cells = automaton.cells();
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < length; i++) {
                int pattern = 0;
                for (int j = 0; j < blockSize; j++) {
                    int index = i + j;
                    pattern = (pattern << 1) | cells[index >= length ? index - length : index];
                }
                counts[pattern]++;
            }
            times[k] = k * every;
            rho[k] = automaton.density();
            fill(counts, blockSize, k, perCell, conditional);
        }
        return new EntropyHistory(blockSize, times, rho, perCell, conditional);
    }

    /**
     * Block entropies of Life on a periodic {@code size × size} grid for {@code steps} generations, measured every
     * {@code every} generations with blocks of {@code blockSize × blockSize} cells.
     */
    public static EntropyHistory life(int size, int steps, int every, int blockSize, double density,
            RandomGenerator random) {
        checkRun(steps, every);
        if (blockSize < 1 || blockSize * blockSize > MAX_BLOCK_CELLS || blockSize > size) {
            throw new IllegalArgumentException("Life block side must be 1 … 4 and at most the grid size, got "
                    + blockSize);
        }
        LifeAutomaton life = LifeAutomaton.random(size, size, density, random);
        int points = steps / every + 1;
        int[] times = new int[points];
        double[] rho = new double[points];
        double[] perCell = new double[points];
        double[] conditional = new double[points];
        int blockCells = blockSize * blockSize;
        int[] counts = new int[1 << blockCells];
        for (int k = 0; k < points; k++) {
            if (k > 0) {
                life.step(every);
            }
            byte[] cells = life.cells();
            java.util.Arrays.fill(counts, 0);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int pattern = 0;
                    for (int dy = 0; dy < blockSize; dy++) {
                        int row = (y + dy) % size * size;
                        for (int dx = 0; dx < blockSize; dx++) {
                            pattern = (pattern << 1) | cells[row + (x + dx) % size];
                        }
                    }
                    counts[pattern]++;
                }
            }
            times[k] = k * every;
            rho[k] = life.density();
            fill(counts, blockCells, k, perCell, conditional);
        }
        return new EntropyHistory(blockSize, times, rho, perCell, conditional);
    }

    /** Entropy per cell and H(block) − H(block without its last cell) from the pattern counts. */
    private static void fill(int[] counts, int blockCells, int k, double[] perCell, double[] conditional) {
        double block = PLUGIN.entropy(counts, counts.length);
        int[] shorter = new int[counts.length >>> 1];
        for (int p = 0; p < counts.length; p++) {
            shorter[p >>> 1] += counts[p];
        }
        double rest = PLUGIN.entropy(shorter, shorter.length);
        perCell[k] = block / blockCells;
        conditional[k] = block - rest;
    }

    private static void checkRun(int steps, int every) {
        if (steps < 0 || every < 1) {
            throw new IllegalArgumentException("steps must be >= 0 and the measuring interval >= 1, got steps "
                    + steps + ", every " + every);
        }
    }
}
