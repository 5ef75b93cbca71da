package dev.coarse.emergence.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SupercellSearchTest {

    private static CoarseGrainingTable table;

    @BeforeAll
    static void searchUpToThreeCells() {
        table = SupercellSearch.table(3, 2);
    }

    @Test
    void findsThePapersExamples() {
        // Rule 105 = 1 ⊕ l ⊕ c ⊕ r; two steps give x_{i−2} ⊕ x_i ⊕ x_{i+2} (the constants cancel), so the parity
        // of a pair (P = XOR: P(01) = P(10) = 1, the integer 0b0110 = 6) follows rule 150, as does its complement
        // (9, because rule 150 is its own complement conjugate). Israeli & Goldenfeld (2004), Fig. 1.
        assertThat(table.contains(105, 2, 6, 150)).isTrue();
        assertThat(table.contains(105, 2, 9, 150)).isTrue();
        // Rule 146 → rule 128 with N = 3 and P(111) = 1, all other supercells 0: the integer 1 << 7 = 128
        // (Israeli & Goldenfeld 2004, Fig. 2).
        assertThat(table.contains(146, 3, 128, 128)).isTrue();
    }

    @Test
    void agreesWithABruteForceSearchBySimulationForEveryRuleAtTwoAndThreeCells() {
        for (int n = 2; n <= 3; n++) {
            for (int f = 0; f < 256; f++) {
                List<Integer> expected = bruteForce(f, n, false);
                List<Integer> found = new ArrayList<>();
                for (SupercellCoarsening c : table.coarsenings(n, f)) {
                    found.add(c.projection() << 8 | c.coarseRule());
                }
                assertThat(found).as("rule %d, N = %d", f, n).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void atFourCellsAgreesWithBruteForceOnSampleRules() {
        for (int f : new int[] {105, 146, 184, 30, 204}) {
            List<Integer> found = new ArrayList<>();
            for (SupercellCoarsening c : SupercellSearch.coarsenings(new ElementaryRule(f), 4)) {
                found.add(c.projection() << 8 | c.coarseRule());
            }
            assertThat(found).as("rule %d, N = 4", f).containsExactlyElementsOf(bruteForce(f, 4, true));
        }
    }

    @Test
    void everyCoarseningHoldsOnPeriodicRows() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 2; n <= 3; n++) {
            for (int f = 0; f < 256; f++) {
                for (SupercellCoarsening c : table.coarsenings(n, f)) {
                    int supercells = 7;
                    byte[] fine = new byte[n * supercells];
                    for (int i = 0; i < fine.length; i++) {
                        fine[i] = (byte) random.nextInt(2);
                    }
                    byte[] coarse = project(c, fine);
                    ElementaryAutomaton automaton = ElementaryAutomaton.of(new ElementaryRule(f), fine);
                    automaton.step(n);
                    assertThat(project(c, automaton.cells())).as("%s", c)
                            .containsExactly(NaiveAutomata.elementaryStep(c.coarseRule(), coarse));
                }
            }
        }
    }

    @Test
    void theTableIsClosedUnderMirrorAndComplement() {
        for (int n = 2; n <= 3; n++) {
            int states = 1 << n;
            for (int f = 0; f < 256; f++) {
                for (SupercellCoarsening c : table.coarsenings(n, f)) {
                    int mirroredP = 0;
                    int complementedP = 0;
                    for (int s = 0; s < states; s++) {
                        mirroredP |= c.project(reverse(s, n)) << s;
                        complementedP |= c.project(states - 1 - s) << s;
                    }
                    ElementaryRule fine = new ElementaryRule(f);
                    ElementaryRule coarse = new ElementaryRule(c.coarseRule());
                    assertThat(table.contains(fine.mirrored().number(), n, mirroredP, coarse.mirrored().number()))
                            .as("mirror of %s", c).isTrue();
                    // P'(s) = P(¬s) carries f's conjugate to g itself; ¬P carries f to g's conjugate
                    assertThat(table.contains(fine.complemented().number(), n, complementedP, c.coarseRule()))
                            .as("complement of %s", c).isTrue();
                    assertThat(table.contains(f, n, (1 << states) - 1 - c.projection(),
                            coarse.complemented().number())).as("negated P of %s", c).isTrue();
                }
            }
        }
    }

    @Test
    void theGraphListsEachEdgeWithItsSupercellSizes() {
        List<CoarseGrainingTable.Edge> graph = table.graph();
        assertThat(graph).anySatisfy(e -> {
            assertThat(e.fineRule()).isEqualTo(105);
            assertThat(e.coarseRule()).isEqualTo(150);
            assertThat(e.supercells()).contains(2);
        });
        assertThat(graph).allSatisfy(e -> assertThat(e.fineRule()).isNotEqualTo(e.coarseRule()));
        CoarseGrainingTable.Counts counts = table.counts(2);
        long pairs = 0;
        for (int f = 0; f < 256; f++) {
            pairs += table.pairCount(2, f);
        }
        assertThat(counts.pairs()).isEqualTo(pairs);
        assertThat(counts.edges()).isEqualTo(table.edges(2).size());
    }

    private static int reverse(int s, int n) {
        int r = 0;
        for (int i = 0; i < n; i++) {
            r |= ((s >>> i) & 1) << (n - 1 - i);
        }
        return r;
    }

    /** P of each supercell, cells read most significant first. */
    private static byte[] project(SupercellCoarsening c, byte[] fine) {
        int n = c.supercell();
        byte[] coarse = new byte[fine.length / n];
        for (int j = 0; j < coarse.length; j++) {
            int state = 0;
            for (int i = 0; i < n; i++) {
                state = (state << 1) | fine[j * n + i];
            }
            coarse[j] = (byte) c.project(state);
        }
        return coarse;
    }

    /**
     * Every (P, g) by simulation: each of the 2^{3N} contexts is run N steps with the per-cell rule on an open
     * segment, then g is read off and checked on all contexts. {@code earlyExit} stops at the first contradiction.
     */
    private static List<Integer> bruteForce(int rule, int n, boolean earlyExit) {
        int contexts = 1 << (3 * n);
        int[] image = new int[contexts];
        for (int x = 0; x < contexts; x++) {
            byte[] cells = new byte[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                cells[i] = (byte) ((x >>> (3 * n - 1 - i)) & 1);
            }
            for (int t = 0; t < n; t++) {
                byte[] next = new byte[cells.length - 2];
                for (int i = 0; i < next.length; i++) {
                    next[i] = (byte) new ElementaryRule(rule).apply(cells[i], cells[i + 1], cells[i + 2]);
                }
                cells = next;
            }
            int y = 0;
            for (byte b : cells) {
                y = (y << 1) | b;
            }
            image[x] = y;
        }
        List<Integer> result = new ArrayList<>();
        int mask = (1 << n) - 1;
        for (int p = 1; p < (1 << (1 << n)) - 1; p++) {
            int[] g = new int[8];
            java.util.Arrays.fill(g, -1);
            boolean ok = true;
            for (int x = 0; x < contexts && (ok || !earlyExit); x++) {
                int key = ((p >>> (x >>> (2 * n))) & 1) << 2 | ((p >>> ((x >>> n) & mask)) & 1) << 1
                        | ((p >>> (x & mask)) & 1);
                int v = (p >>> image[x]) & 1;
                if (g[key] < 0) {
                    g[key] = v;
                } else if (g[key] != v) {
                    ok = false;
                }
            }
            if (ok) {
                int number = 0;
                for (int key = 0; key < 8; key++) {
                    number |= g[key] << key;
                }
                result.add(p << 8 | number);
            }
        }
        return result;
    }
}
