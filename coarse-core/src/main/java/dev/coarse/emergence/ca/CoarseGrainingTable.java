package dev.coarse.emergence.ca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Israeli–Goldenfeld table for supercells N = {@value #MIN_SUPERCELL} … {@link #maxSupercell()}: for each N and
 * each fine rule f, every (P, g) with P∘f<sup>N</sup> = g∘P ({@link SupercellSearch}), with summary counts and the
 * coarse-graining graph. N = 1 is left out: its only projections are the identity and the complement, which map f to
 * itself and to its complement conjugate. Immutable.
 */
public final class CoarseGrainingTable {

    /** Smallest supercell size in a table. */
    public static final int MIN_SUPERCELL = 2;

    private final int maxSupercell;
    /** pairs[N][f] = entries P << 8 | g by increasing P. */
    private final int[][][] pairs;

    CoarseGrainingTable(int maxSupercell, int[][][] pairs) {
        this.maxSupercell = maxSupercell;
        this.pairs = pairs;
    }

    public int maxSupercell() {
        return maxSupercell;
    }

    /** The coarse-grainings of fine rule {@code fineRule} at supercell size {@code supercell}, by increasing P. */
    public List<SupercellCoarsening> coarsenings(int supercell, int fineRule) {
        checkSupercell(supercell);
        new ElementaryRule(fineRule);
        List<SupercellCoarsening> list = new ArrayList<>();
        for (int e : pairs[supercell][fineRule]) {
            list.add(new SupercellCoarsening(fineRule, supercell, e >>> 8, e & 255));
        }
        return list;
    }

    /** Number of (P, g) pairs of {@code fineRule} at {@code supercell}. */
    public int pairCount(int supercell, int fineRule) {
        checkSupercell(supercell);
        return pairs[supercell][fineRule].length;
    }

    /** Projection of the {@code index}-th pair of {@code fineRule} at {@code supercell}. */
    public int projection(int supercell, int fineRule, int index) {
        return pairs[supercell][fineRule][index] >>> 8;
    }

    /** Coarse rule of the {@code index}-th pair of {@code fineRule} at {@code supercell}. */
    public int coarseRule(int supercell, int fineRule, int index) {
        return pairs[supercell][fineRule][index] & 255;
    }

    /** Summary counts at one supercell size. */
    public Counts counts(int supercell) {
        checkSupercell(supercell);
        long total = 0;
        long constantCoarse = 0;
        int rules = 0;
        int rulesToOther = 0;
        for (int f = 0; f < ElementaryRule.COUNT; f++) {
            int[] list = pairs[supercell][f];
            total += list.length;
            if (list.length > 0) {
                rules++;
            }
            boolean other = false;
            for (int e : list) {
                int g = e & 255;
                if (g == 0 || g == 255) {
                    constantCoarse++;
                }
                if (g != f) {
                    other = true;
                }
            }
            if (other) {
                rulesToOther++;
            }
        }
        return new Counts(supercell, total, constantCoarse, rules, rulesToOther, edges(supercell).size());
    }

    /**
     * Summary counts at one supercell size.
     *
     * @param supercell N
     * @param pairs all (f, P, g) found
     * @param pairsWithConstantCoarseRule those whose g is rule 0 or rule 255 (everything maps to one state)
     * @param coarseGrainableRules rules f with at least one (P, g)
     * @param rulesWithOtherCoarseRule rules f with a (P, g) where g ≠ f
     * @param edges distinct edges f → g with g ≠ f
     */
    public record Counts(int supercell, long pairs, long pairsWithConstantCoarseRule, int coarseGrainableRules,
            int rulesWithOtherCoarseRule, int edges) {
    }

    /** An edge of the coarse-graining graph: f → g at supercell sizes {@code supercells} (ascending), f ≠ g. */
    public record Edge(int fineRule, int coarseRule, List<Integer> supercells) {
        public Edge {
            supercells = List.copyOf(supercells);
        }
    }

    /** Distinct edges f → g (g ≠ f) at one supercell size, ordered by f then g. */
    public List<int[]> edges(int supercell) {
        checkSupercell(supercell);
        List<int[]> edges = new ArrayList<>();
        for (int f = 0; f < ElementaryRule.COUNT; f++) {
            boolean[] seen = new boolean[ElementaryRule.COUNT];
            for (int e : pairs[supercell][f]) {
                seen[e & 255] = true;
            }
            for (int g = 0; g < ElementaryRule.COUNT; g++) {
                if (seen[g] && g != f) {
                    edges.add(new int[] {f, g});
                }
            }
        }
        return edges;
    }

    /** The coarse-graining graph over all supercell sizes of the table: each edge f → g (g ≠ f) with its sizes. */
    public List<Edge> graph() {
        Map<Integer, List<Integer>> sizes = new TreeMap<>();
        for (int n = MIN_SUPERCELL; n <= maxSupercell; n++) {
            for (int[] e : edges(n)) {
                sizes.computeIfAbsent(e[0] * ElementaryRule.COUNT + e[1], k -> new ArrayList<>()).add(n);
            }
        }
        List<Edge> graph = new ArrayList<>(sizes.size());
        sizes.forEach((key, ns) -> graph.add(new Edge(key / ElementaryRule.COUNT, key % ElementaryRule.COUNT, ns)));
        return graph;
    }

    /** Whether (f, N, P, g) is in the table. */
    public boolean contains(int fineRule, int supercell, int projection, int coarseRule) {
        checkSupercell(supercell);
        int[] list = pairs[supercell][fineRule];
        int i = Arrays.binarySearch(list, (projection << 8) | coarseRule);
        return i >= 0;
    }

    private void checkSupercell(int supercell) {
        if (supercell < MIN_SUPERCELL || supercell > maxSupercell) {
            throw new IllegalArgumentException("supercell size must be " + MIN_SUPERCELL + " … " + maxSupercell
                    + ", got " + supercell);
        }
    }
}
