package dev.coarse.emergence.ca;

/**
 * An elementary (two-state, nearest-neighbour) cellular automaton in Wolfram's numbering: the new state of a cell
 * whose neighbourhood (left, centre, right) reads as the binary number {@code 4·left + 2·centre + right} is that bit
 * of {@code number}.
 *
 * @param number the Wolfram number, 0 … 255
 */
public record ElementaryRule(int number) {

    /** Number of elementary rules. */
    public static final int COUNT = 256;

    public ElementaryRule {
        if (number < 0 || number >= COUNT) {
            throw new IllegalArgumentException("an elementary rule number is 0 … 255, got " + number);
        }
    }

    /** The new state (0 or 1) of a cell with neighbourhood {@code left, centre, right} (each 0 or 1). */
    public int apply(int left, int centre, int right) {
        return (number >>> (4 * left + 2 * centre + right)) & 1;
    }

    /**
     * The coefficients of the rule's algebraic normal form: bit m says that the monomial of the variables in m
     * (4 = left, 2 = centre, 1 = right; 0 = the constant 1) appears in the XOR sum — the Möbius transform of the
     * truth table over GF(2). The word-parallel update evaluates this sum on 64 cells at a time.
     */
    public int algebraicNormalForm() {
        int anf = 0;
        for (int m = 0; m < 8; m++) {
            int coefficient = 0;
            for (int p = 0; p < 8; p++) {
                if ((p & ~m) == 0) {
                    coefficient ^= (number >>> p) & 1;
                }
            }
            anf |= coefficient << m;
        }
        return anf;
    }

    /** The rule with left and right exchanged (its mirror image), in Wolfram's numbering. */
    public ElementaryRule mirrored() {
        int n = 0;
        for (int p = 0; p < 8; p++) {
            int q = ((p & 1) << 2) | (p & 2) | (p >>> 2);
            n |= ((number >>> p) & 1) << q;
        }
        return new ElementaryRule(n);
    }

    /** The rule with 0 and 1 exchanged (its complement conjugate 1 − f(1 − x)), in Wolfram's numbering. */
    public ElementaryRule complemented() {
        int n = 0;
        for (int p = 0; p < 8; p++) {
            n |= (1 - ((number >>> (7 - p)) & 1)) << p;
        }
        return new ElementaryRule(n);
    }

    @Override
    public String toString() {
        return "rule " + number;
    }
}
