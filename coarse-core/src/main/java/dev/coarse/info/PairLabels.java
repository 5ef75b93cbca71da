package dev.coarse.info;

import java.util.Arrays;

/**
 * Dense labels 0, 1, 2, … for pairs of longs, in the order the pairs are first seen: an open-addressing hash table
 * without boxing. Joint symbols of any width are labelled by chaining, label(a, b, c) = label(label(a, b), c), so an
 * alphabet of 2<sup>128</sup> block patterns costs one table entry per pattern observed, not per pattern possible.
 * Only equality of labels matters to the entropy estimators, so first-seen order is as good as sorted order.
 */
final class PairLabels {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] first;
    private long[] second;
    private int[] label;
    private int size;

    PairLabels() {
        first = new long[64];
        second = new long[64];
        label = new int[64];
        Arrays.fill(first, EMPTY);
    }

    /** The number of distinct pairs seen, one more than the largest label. */
    int size() {
        return size;
    }

    /**
     * The label of (a, b), new if the pair was not seen before.
     *
     * @throws IllegalArgumentException if {@code a} is {@link Long#MIN_VALUE}, the table's empty marker
     */
    int of(long a, long b) {
        if (a == EMPTY) {
            throw new IllegalArgumentException("Long.MIN_VALUE cannot be labelled");
        }
        int mask = first.length - 1;
        int slot = (int) mix(a * 0x9E3779B97F4A7C15L + b) & mask;
        while (first[slot] != EMPTY) {
            if (first[slot] == a && second[slot] == b) {
                return label[slot];
            }
            slot = (slot + 1) & mask;
        }
        first[slot] = a;
        second[slot] = b;
        label[slot] = size;
        if (++size * 2 > first.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        long[] oldFirst = first;
        long[] oldSecond = second;
        int[] oldLabel = label;
        int capacity = oldFirst.length * 2;
        if (capacity <= 0) {
            throw new IllegalStateException("more than 2^29 distinct symbols");
        }
        first = new long[capacity];
        second = new long[capacity];
        label = new int[capacity];
        Arrays.fill(first, EMPTY);
        int mask = capacity - 1;
        for (int i = 0; i < oldFirst.length; i++) {
            if (oldFirst[i] != EMPTY) {
                int slot = (int) mix(oldFirst[i] * 0x9E3779B97F4A7C15L + oldSecond[i]) & mask;
                while (first[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                first[slot] = oldFirst[i];
                second[slot] = oldSecond[i];
                label[slot] = oldLabel[i];
            }
        }
    }

    /** SplitMix64's finaliser, so that nearby pairs spread over the table. */
    private static long mix(long x) {
        long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
