package dev.coarse.emergence.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockEntropiesTest {

    private static final double LN2 = Math.log(2);

    @Test
    void aRandomStartHasLn2PerCellAndTheIdentityRuleKeepsIt() {
        // rule 204 copies every cell: the block statistics never change
        EntropyHistory h = BlockEntropies.elementary(new ElementaryRule(204), 1 << 16, 50, 10, 4, 0.5,
                new SplittableRandom(1));
        double[] perCell = h.blockEntropyPerCell();
        // 2^16 sites, 16 patterns: the plug-in entropy of a fair 4-bit block is biased low by about 15/(2·65536)
        // nats and fluctuates by O(1/65536); 1e-3 per cell is far outside both
        assertThat(perCell[0]).isCloseTo(LN2, within(1e-3));
        for (double v : perCell) {
            assertThat(v).isCloseTo(perCell[0], within(Tolerances.EXACT));
        }
        assertThat(h.times()).containsExactly(0, 10, 20, 30, 40, 50);
    }

    @Test
    void rule0WipesTheRowOutInOneStep() {
        EntropyHistory h = BlockEntropies.elementary(new ElementaryRule(0), 1000, 3, 1, 5, 0.5,
                new SplittableRandom(2));
        assertThat(h.density()[1]).isZero();
        assertThat(h.blockEntropyPerCell()[1]).isZero();
        assertThat(h.conditionalEntropy()[3]).isZero();
    }

    @Test
    void lifesBlockEntropyFallsFromARandomSoup() {
        EntropyHistory h = BlockEntropies.life(128, 300, 100, 3, 0.5, new SplittableRandom(3));
        double[] perCell = h.blockEntropyPerCell();
        assertThat(perCell[0]).isCloseTo(LN2, within(0.01));
        // a soup settles within a few hundred generations to ash of density ~3–5%: the entropy falls far below
        // ln 2 (0.14 nats per cell on a 256² grid after 1000 generations, docs/emergence.md); 0.35 is a loose bound
        assertThat(perCell[perCell.length - 1]).isLessThan(0.35);
        assertThat(h.density()[perCell.length - 1]).isLessThan(0.15);
    }

    @Test
    void chaoticRule30KeepsNearlyFullEntropy() {
        EntropyHistory h = BlockEntropies.elementary(new ElementaryRule(30), 1 << 14, 200, 100, 6, 0.5,
                new SplittableRandom(4));
        // rule 30's spatial entropy is ln 2 to the precision of such estimates (it is surjective, so the uniform
        // measure is invariant)
        for (double v : h.blockEntropyPerCell()) {
            assertThat(v).isCloseTo(LN2, within(0.01));
        }
    }
}
