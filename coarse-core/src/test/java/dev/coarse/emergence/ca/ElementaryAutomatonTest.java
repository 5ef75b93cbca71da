package dev.coarse.emergence.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElementaryAutomatonTest {

    @Test
    void everyRuleAgreesWithThePerCellDefinitionOnRowsThatDoAndDoNotFillTheirLastWord() {
        SplittableRandom random = new SplittableRandom(24);
        for (int length : new int[] {3, 5, 63, 64, 65, 127, 128, 129, 200}) {
            for (int rule = 0; rule < 256; rule++) {
                byte[] cells = new byte[length];
                for (int i = 0; i < length; i++) {
                    cells[i] = (byte) random.nextInt(2);
                }
                ElementaryAutomaton automaton = ElementaryAutomaton.of(new ElementaryRule(rule), cells);
                for (int t = 0; t < 6; t++) {
                    cells = NaiveAutomata.elementaryStep(rule, cells);
                    automaton.step();
                    assertThat(automaton.cells()).as("rule %d, L = %d, step %d", rule, length, t + 1)
                            .containsExactly(cells);
                }
            }
        }
    }

    @Test
    void rule90FromOneCellDrawsPascalsTriangleModuloTwo() {
        int length = 129;
        byte[] cells = new byte[length];
        cells[64] = 1;
        ElementaryAutomaton automaton = ElementaryAutomaton.of(new ElementaryRule(90), cells);
        for (int t = 1; t <= 32; t++) {
            automaton.step();
            for (int k = 0; k <= t; k++) {
                // cell 64 − t + 2k holds C(t, k) mod 2 (Lucas: k's bits a subset of t's); cells between are 0
                int expected = (k & ~t) == 0 ? 1 : 0;
                assertThat(automaton.cell(64 - t + 2 * k)).as("t = %d, k = %d", t, k).isEqualTo(expected);
            }
        }
    }

    @Test
    void sameSeedSameRowAndDensityHalfOnAverage() {
        ElementaryAutomaton a = ElementaryAutomaton.random(new ElementaryRule(30), 100_000, 0.5,
                new SplittableRandom(5));
        ElementaryAutomaton b = ElementaryAutomaton.random(new ElementaryRule(30), 100_000, 0.5,
                new SplittableRandom(5));
        assertThat(a.packed()).containsExactly(b.packed());
        // binomial: sd = 0.5 / sqrt(1e5) = 0.00158; 4 sd fails falsely with probability 6e-5
        assertThat(a.density()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(4 * 0.00158));
        ElementaryAutomaton c = ElementaryAutomaton.random(new ElementaryRule(30), 100_000, 0.2,
                new SplittableRandom(5));
        // sd = sqrt(0.2·0.8 / 1e5) = 0.00126
        assertThat(c.density()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(4 * 0.00126));
    }

    @Test
    void rulesAreValidatedAndTheirSymmetriesAreInvolutions() {
        assertThatThrownBy(() -> new ElementaryRule(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ElementaryRule(-1)).isInstanceOf(IllegalArgumentException.class);
        // Wolfram's equivalence classes: 110 ~ 124 (mirror), 137 (complement), 193 (both)
        assertThat(new ElementaryRule(110).mirrored().number()).isEqualTo(124);
        assertThat(new ElementaryRule(110).complemented().number()).isEqualTo(137);
        assertThat(new ElementaryRule(110).mirrored().complemented().number()).isEqualTo(193);
        for (int r = 0; r < 256; r++) {
            ElementaryRule rule = new ElementaryRule(r);
            assertThat(rule.mirrored().mirrored()).isEqualTo(rule);
            assertThat(rule.complemented().complemented()).isEqualTo(rule);
        }
        // rule 150 = l ⊕ c ⊕ r: its normal form is the three linear monomials (bits 1, 2, 4)
        assertThat(new ElementaryRule(150).algebraicNormalForm()).isEqualTo(0b0001_0110);
    }
}
