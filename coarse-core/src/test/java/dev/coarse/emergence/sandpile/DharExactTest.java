package dev.coarse.emergence.sandpile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import org.junit.jupiter.api.Test;

class DharExactTest {

    @Test
    void meanTopplingsOfTinyGridsByHand() {
        // 1×1: Δ = (4), one topple per grain on average = 1/4. 2×2: every row of Δ sums to 2, so Δ⁻¹·1 = 1/2.
        assertThat(DharExact.meanTopplingsPerGrain(1, 1)).isCloseTo(0.25, within(Tolerances.EXACT));
        assertThat(DharExact.meanTopplingsPerGrain(2, 2)).isCloseTo(0.5, within(Tolerances.EXACT));
        // 1×2: Δ = [[4,-1],[-1,4]], row sums 3.
        assertThat(DharExact.meanTopplingsPerGrain(1, 2)).isCloseTo(1.0 / 3, within(Tolerances.EXACT));
    }

    @Test
    void sparseSolveAgreesWithTheSineModeSum() {
        for (int[] g : new int[][] {{3, 4}, {8, 8}, {17, 5}, {64, 64}, {128, 128}}) {
            double solved = DharExact.meanTopplingsPerGrain(g[0], g[1]);
            double spectral = DharExact.meanTopplingsSpectral(g[0], g[1]);
            assertThat(solved).as("%d×%d", g[0], g[1]).isCloseTo(spectral, within(Tolerances.EXACT * spectral));
        }
    }

    @Test
    void recurrentCountIsTheDeterminantByBurning() {
        for (int[] g : new int[][] {{1, 1}, {1, 2}, {2, 2}, {1, 5}, {2, 3}, {3, 3}, {2, 5}, {3, 4}}) {
            long count = RecurrentConfigurations.count(g[0], g[1]);
            assertThat((double) count).as("%d×%d", g[0], g[1]).isEqualTo(Math.rint(DharExact.determinant(g[0], g[1])));
        }
    }

    @Test
    void determinantsAreSpanningTreeCounts() {
        // det Δ of the n×n wired grid = spanning trees of the (n+1)×(n+1) grid graph, OEIS A007341: 4, 192, 100352.
        assertThat(Math.rint(DharExact.determinant(1, 1))).isEqualTo(4);
        assertThat(Math.rint(DharExact.determinant(2, 2))).isEqualTo(192);
        assertThat(Math.rint(DharExact.determinant(3, 3))).isEqualTo(100352);
        assertThat(RecurrentConfigurations.count(3, 3)).isEqualTo(100352);
    }
}
