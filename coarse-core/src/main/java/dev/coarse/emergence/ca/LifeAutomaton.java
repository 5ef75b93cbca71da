package dev.coarse.emergence.ca;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Conway's Game of Life (B3/S23) on a periodic {@code width × height} grid, each row packed 64 cells per
 * {@code long} (cell (x, y) in bit x mod 64 of word y·wordsPerRow + x / 64). {@link #step()} counts the eight
 * neighbours of 64 cells at once with bit-sliced full adders (a 3-bit count modulo 8, enough because 8 and 0
 * neighbours both mean death) and applies the rule as {@code s1 ∧ ¬s2 ∧ (s0 ∨ alive)}. Mutable: {@link #step()}
 * rewrites the state; nothing else does.
 */
public final class LifeAutomaton {

    private final int width;
    private final int height;
    private final int wordsPerRow;
    private final long lastMask;
    private long[] state;
    private long[] next;
    private long time;

    private LifeAutomaton(int width, int height, long[] packed) {
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("a Life grid needs at least 3×3 cells, got " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.wordsPerRow = PeriodicWords.words(width);
        this.lastMask = PeriodicWords.lastWordMask(width);
        this.state = packed;
        for (int y = 0; y < height; y++) {
            state[y * wordsPerRow + wordsPerRow - 1] &= lastMask;
        }
        this.next = new long[packed.length];
    }

    /** A grid of independent cells, each alive with probability {@code density}, drawn from {@code random}. */
    public static LifeAutomaton random(int width, int height, double density, RandomGenerator random) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("a Life grid needs at least 3×3 cells, got " + width + "×" + height);
        }
        int wordsPerRow = PeriodicWords.words(width);
        long[] packed = new long[wordsPerRow * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (random.nextDouble() < density) {
                    packed[y * wordsPerRow + (x >>> 6)] |= 1L << (x & 63);
                }
            }
        }
        return new LifeAutomaton(width, height, packed);
    }

    /** A grid with the given cells, {@code cells[y * width + x]} (non-zero = alive). */
    public static LifeAutomaton of(int width, int height, byte[] cells) {
        Objects.requireNonNull(cells, "cells");
        if (width < 3 || height < 3 || cells.length != width * height) {
            throw new IllegalArgumentException("need width, height ≥ 3 and width·height cells, got " + width + "×"
                    + height + " and " + cells.length + " cells");
        }
        int wordsPerRow = PeriodicWords.words(width);
        long[] packed = new long[wordsPerRow * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (cells[y * width + x] != 0) {
                    packed[y * wordsPerRow + (x >>> 6)] |= 1L << (x & 63);
                }
            }
        }
        return new LifeAutomaton(width, height, packed);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Steps taken since construction. */
    public long time() {
        return time;
    }

    /** Cell (x, y): 1 alive, 0 dead. */
    public int cell(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return (int) (state[y * wordsPerRow + (x >>> 6)] >>> (x & 63)) & 1;
    }

    /** A copy of the cells, {@code [y * width + x]}, one byte (0 or 1) each. */
    public byte[] cells() {
        byte[] cells = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                cells[y * width + x] = (byte) cell(x, y);
            }
        }
        return cells;
    }

    /** Fraction of cells alive. */
    public double density() {
        long alive = 0;
        for (long w : state) {
            alive += Long.bitCount(w);
        }
        return (double) alive / ((long) width * height);
    }

    /** Advances {@code steps} generations. */
    public void step(long steps) {
        for (long s = 0; s < steps; s++) {
            step();
        }
    }

    /** Advances one generation (B3/S23). */
    public void step() {
        long[] src = state;
        long[] dst = next;
        for (int y = 0; y < height; y++) {
            int up = (y == 0 ? height - 1 : y - 1) * wordsPerRow;
            int row = y * wordsPerRow;
            int down = (y == height - 1 ? 0 : y + 1) * wordsPerRow;
            for (int w = 0; w < wordsPerRow; w++) {
                long n1 = PeriodicWords.leftNeighbours(src, up, w, wordsPerRow, width);
                long n2 = src[up + w];
                long n3 = PeriodicWords.rightNeighbours(src, up, w, wordsPerRow, width);
                long n4 = PeriodicWords.leftNeighbours(src, row, w, wordsPerRow, width);
                long n5 = PeriodicWords.rightNeighbours(src, row, w, wordsPerRow, width);
                long n6 = PeriodicWords.leftNeighbours(src, down, w, wordsPerRow, width);
                long n7 = src[down + w];
                long n8 = PeriodicWords.rightNeighbours(src, down, w, wordsPerRow, width);
                // ones (weight 1) and carries (weight 2) of three full adders and a half adder
                long xa = n1 ^ n2;
                long sa = xa ^ n3;
                long ca = (n1 & n2) | (n3 & xa);
                long xb = n4 ^ n5;
                long sb = xb ^ n6;
                long cb = (n4 & n5) | (n6 & xb);
                long sc = n7 ^ n8;
                long cc = n7 & n8;
                long xd = sa ^ sb;
                long s0 = xd ^ sc;
                long cd = (sa & sb) | (sc & xd);
                // the four weight-2 bits ca, cb, cc, cd summed: bit s1 (weight 2) and s2 (weight 4), modulo 8
                long xe = ca ^ cb;
                long se = xe ^ cc;
                long ce = (ca & cb) | (cc & xe);
                long s1 = se ^ cd;
                long cf = se & cd;
                long s2 = ce ^ cf;
                dst[row + w] = s1 & ~s2 & (s0 | src[row + w]);
            }
            dst[row + wordsPerRow - 1] &= lastMask;
        }
        state = dst;
        next = src;
        time++;
    }
}
