package dev.coarse.learn.corex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

    @Test
    void renamedGroupsAreTheSamePartition() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, 9})).isEqualTo(1.0);
    }

    @Test
    void matchesTheValueWorkedByHand() {
        // contingency [[2,1,0],[0,1,2]]: Σ C(n_ij,2) = 2, rows 6, columns 3, C(6,2) = 15:
        // expected 6·3/15 = 1.2, max 4.5, ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isCloseTo(0.8 / 3.3, within(1e-12));
    }

    @Test
    void splittingEveryGroupIsBelowOne() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 2, 3})).isLessThan(1.0);
    }
}
