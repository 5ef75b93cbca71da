package dev.coarse.emergence.ca;

import java.util.Objects;

/**
 * Coarse entropies of a cellular automaton measured along one run from a random start, in nats.
 *
 * @param blockSize b: blocks of b cells (elementary) or b×b cells (Life), slid over every position of the
 *     periodic lattice
 * @param times the steps at which the state was measured, ascending, starting at 0
 * @param density fraction of cells that are 1 (alive)
 * @param blockEntropyPerCell H(block) / cells per block, the plug-in entropy of the block patterns (biased low by
 *     about (K − 1)/(2·sites) nats for K patterns seen; Miller 1955)
 * @param conditionalEntropy H(last cell of a block | the block's other cells) = H(block) − H(block without its last
 *     cell): for elementary CA the usual block estimate h<sub>b</sub> of the entropy density; for Life the last cell
 *     in raster order
 */
public record EntropyHistory(int blockSize, int[] times, double[] density, double[] blockEntropyPerCell,
        double[] conditionalEntropy) {

    public EntropyHistory {
        Objects.requireNonNull(times, "times");
        int n = times.length;
        if (blockSize < 1 || density.length != n || blockEntropyPerCell.length != n || conditionalEntropy.length != n) {
            throw new IllegalArgumentException("block size >= 1 and one value per time in every series");
        }
        times = times.clone();
        density = density.clone();
        blockEntropyPerCell = blockEntropyPerCell.clone();
        conditionalEntropy = conditionalEntropy.clone();
    }

    @Override
    public int[] times() {
        return times.clone();
    }

    @Override
    public double[] density() {
        return density.clone();
    }

    @Override
    public double[] blockEntropyPerCell() {
        return blockEntropyPerCell.clone();
    }

    @Override
    public double[] conditionalEntropy() {
        return conditionalEntropy.clone();
    }
}
