package dev.coarse.emergence.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LifeAutomatonTest {

    @Test
    void agreesWithThePerCellRuleOnGridsThatDoAndDoNotFillTheirLastWord() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] sizes = {{3, 3}, {5, 7}, {64, 8}, {65, 9}, {70, 12}, {128, 5}, {130, 6}};
        for (int[] size : sizes) {
            int width = size[0];
            int height = size[1];
            byte[] cells = new byte[width * height];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = (byte) (random.nextDouble() < 0.35 ? 1 : 0);
            }
            LifeAutomaton life = LifeAutomaton.of(width, height, cells);
            for (int t = 0; t < 20; t++) {
                cells = NaiveAutomata.lifeStep(width, height, cells);
                life.step();
                assertThat(life.cells()).as("%d×%d, generation %d", width, height, t + 1).containsExactly(cells);
            }
        }
    }

    @Test
    void aGliderCrossesTheSeamAndReturnsAfterFourTimesTheWidth() {
        int width = 70;
        int height = 70;
        byte[] cells = new byte[width * height];
        // the glider .#. / ..# / ### moves (+1, +1) every 4 generations
        int[][] glider = {{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}};
        for (int[] c : glider) {
            cells[(c[1] + 60) * width + c[0] + 60] = 1;
        }
        LifeAutomaton life = LifeAutomaton.of(width, height, cells);
        life.step(4L * width);
        assertThat(life.cells()).containsExactly(cells);
        assertThat(life.density()).isEqualTo(5.0 / (width * height));
    }
}
