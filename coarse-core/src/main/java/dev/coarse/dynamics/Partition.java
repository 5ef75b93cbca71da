package dev.coarse.dynamics;

import java.util.Arrays;
import java.util.HashMap;

/**
 * A partition of states 0 … n−1 into k blocks: {@code block[i]} is the block of state i, blocks are numbered
 * 0 … k−1 and none is empty. Immutable (the array is copied in and out).
 */
public final class Partition {

    private final int[] block;
    private final int blockCount;

    /** Validates: labels ≥ 0 and every label from 0 to the largest one used. */
    public Partition(int[] block) {
        if (block == null || block.length == 0) {
            throw new IllegalArgumentException("a partition needs at least one state");
        }
        this.block = block.clone();
        int max = -1;
        for (int i = 0; i < block.length; i++) {
            if (block[i] < 0) {
                throw new IllegalArgumentException("state " + i + " has negative block " + block[i]);
            }
            max = Math.max(max, block[i]);
        }
        boolean[] used = new boolean[max + 1];
        for (int b : block) {
            used[b] = true;
        }
        for (int b = 0; b <= max; b++) {
            if (!used[b]) {
                throw new IllegalArgumentException("block " + b + " is empty (blocks must be numbered 0 … k−1)");
            }
        }
        this.blockCount = max + 1;
    }

    /** The partition given by any labels: relabelled 0, 1, … in order of first appearance. */
    public static Partition ofLabels(int[] labels) {
        int[] relabel = new int[labels.length];
        int next = 0;
        HashMap<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            Integer id = ids.get(labels[i]);
            if (id == null) {
                id = next++;
                ids.put(labels[i], id);
            }
            relabel[i] = id;
        }
        return new Partition(relabel);
    }

    /** Every state its own block. */
    public static Partition singletons(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = i;
        }
        return new Partition(b);
    }

    public int size() {
        return block.length;
    }

    public int blockCount() {
        return blockCount;
    }

    public int blockOf(int state) {
        return block[state];
    }

    /** A copy of the block labels. */
    public int[] blocks() {
        return block.clone();
    }

    /** The same blocks numbered in order of first appearance: equal for two labellings of one partition. */
    public Partition canonical() {
        return ofLabels(block);
    }

    /** Whether the two group the states alike, whatever the block numbers. */
    public boolean sameBlocksAs(Partition other) {
        return Arrays.equals(canonical().block, other.canonical().block);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && Arrays.equals(block, p.block);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(block);
    }

    @Override
    public String toString() {
        return blockCount + " blocks " + Arrays.toString(block);
    }
}
