package dev.coarse.emergence.ca;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An elementary cellular automaton on a periodic row of {@code length} cells, 64 cells per {@code long} (cell i in
 * bit i mod 64 of word i / 64). {@link #step()} updates all cells at once, a word at a time: the left and right
 * neighbours of 64 cells are two shifted words, and the rule is evaluated on them as its algebraic normal form
 * (an XOR of at most eight AND-monomials with constant all-ones/all-zeros masks), so every rule costs the same
 * ~20 word operations per 64 cells. Mutable: {@link #step()} rewrites the state; nothing else does.
 */
public final class ElementaryAutomaton {

    private final ElementaryRule rule;
    private final int length;
    private final int words;
    private final long lastMask;
    private final long[] anfMasks = new long[8];
    private long[] state;
    private long[] next;
    private long time;

    private ElementaryAutomaton(ElementaryRule rule, int length, long[] packed) {
        this.rule = Objects.requireNonNull(rule, "rule");
        if (length < 3) {
            throw new IllegalArgumentException("an elementary automaton needs at least 3 cells, got " + length);
        }
        this.length = length;
        this.words = PeriodicWords.words(length);
        this.lastMask = PeriodicWords.lastWordMask(length);
        this.state = packed;
        this.state[words - 1] &= lastMask;
        this.next = new long[words];
        int anf = rule.algebraicNormalForm();
        for (int m = 0; m < 8; m++) {
            anfMasks[m] = ((anf >>> m) & 1) == 0 ? 0L : -1L;
        }
    }

    /** A row of independent cells, each 1 with probability {@code density}, drawn from {@code random}. */
    public static ElementaryAutomaton random(ElementaryRule rule, int length, double density, RandomGenerator random) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in [0, 1], got " + density);
        }
        if (length < 3) {
            throw new IllegalArgumentException("an elementary automaton needs at least 3 cells, got " + length);
        }
        long[] packed = new long[PeriodicWords.words(length)];
        if (density == 0.5) {
            for (int w = 0; w < packed.length; w++) {
                packed[w] = random.nextLong();
            }
        } else {
            for (int i = 0; i < length; i++) {
                if (random.nextDouble() < density) {
                    packed[i >>> 6] |= 1L << (i & 63);
                }
            }
        }
        return new ElementaryAutomaton(rule, length, packed);
    }

    /** A row with the given cells (0 or 1 each; anything non-zero counts as 1). */
    public static ElementaryAutomaton of(ElementaryRule rule, byte[] cells) {
        long[] packed = new long[PeriodicWords.words(Math.max(cells.length, 1))];
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != 0) {
                packed[i >>> 6] |= 1L << (i & 63);
            }
        }
        return new ElementaryAutomaton(rule, cells.length, packed);
    }

    public ElementaryRule rule() {
        return rule;
    }

    public int length() {
        return length;
    }

    /** Steps taken since construction. */
    public long time() {
        return time;
    }

    /** Cell {@code i} (0 or 1). */
    public int cell(int i) {
        Objects.checkIndex(i, length);
        return (int) (state[i >>> 6] >>> (i & 63)) & 1;
    }

    /** A copy of the cells, one byte (0 or 1) each. */
    public byte[] cells() {
        byte[] cells = new byte[length];
        for (int i = 0; i < length; i++) {
            cells[i] = (byte) ((state[i >>> 6] >>> (i & 63)) & 1);
        }
        return cells;
    }

    /** A copy of the packed state (cell i in bit i mod 64 of word i / 64). */
    public long[] packed() {
        return state.clone();
    }

    /** Fraction of cells that are 1. */
    public double density() {
        long ones = 0;
        for (long w : state) {
            ones += Long.bitCount(w);
        }
        return (double) ones / length;
    }

    /**
     * The space-time diagram: the rows at the current time and after each of the next {@code steps} steps
     * ({@code steps + 1} rows of {@link #length()} cells), advancing the automaton by {@code steps}.
     */
    public byte[][] spaceTime(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        byte[][] rows = new byte[steps + 1][];
        rows[0] = cells();
        for (int t = 1; t <= steps; t++) {
            step();
            rows[t] = cells();
        }
        return rows;
    }

    /** Advances {@code steps} steps. */
    public void step(long steps) {
        for (long s = 0; s < steps; s++) {
            step();
        }
    }

    /** Advances one step: every cell becomes the rule of its (left, centre, right) neighbourhood. */
    public void step() {
        long[] src = state;
        long[] dst = next;
        long a0 = anfMasks[0];
        long a1 = anfMasks[1];
        long a2 = anfMasks[2];
        long a3 = anfMasks[3];
        long a4 = anfMasks[4];
        long a5 = anfMasks[5];
        long a6 = anfMasks[6];
        long a7 = anfMasks[7];
        int last = words - 1;
        dst[0] = evaluate(PeriodicWords.leftNeighbours(src, 0, 0, words, length), src[0],
                PeriodicWords.rightNeighbours(src, 0, 0, words, length), a0, a1, a2, a3, a4, a5, a6, a7);
        long previous = src[0];
        long centre = last > 0 ? src[1] : 0;
        for (int w = 1; w < last; w++) {
            long following = src[w + 1];
            long left = (centre << 1) | (previous >>> 63);
            long right = (centre >>> 1) | (following << 63);
            dst[w] = evaluate(left, centre, right, a0, a1, a2, a3, a4, a5, a6, a7);
            previous = centre;
            centre = following;
        }
        if (last > 0) {
            dst[last] = evaluate(PeriodicWords.leftNeighbours(src, 0, last, words, length), src[last],
                    PeriodicWords.rightNeighbours(src, 0, last, words, length), a0, a1, a2, a3, a4, a5, a6, a7);
        }
        dst[last] &= lastMask;
        state = dst;
        next = src;
        time++;
    }

    /** The rule as an XOR of monomials, each enabled by an all-ones mask (algebraic normal form). */
    private static long evaluate(long l, long c, long r, long a0, long a1, long a2, long a3, long a4, long a5,
            long a6, long a7) {
        long lc = l & c;
        return a0 ^ (a1 & r) ^ (a2 & c) ^ (a3 & c & r) ^ (a4 & l) ^ (a5 & l & r) ^ (a6 & lc) ^ (a7 & lc & r);
    }
}
