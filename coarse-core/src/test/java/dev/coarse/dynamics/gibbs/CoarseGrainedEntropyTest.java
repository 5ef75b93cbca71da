package dev.coarse.dynamics.gibbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoarseGrainedEntropyTest {

    private static final int POINTS = 1 << 20;
    private static final int CELLS = 128;

    /** Plug-in entropy of a uniform occupation of K cells by N points is low by about (K − 1)/(2N) (Miller 1955). */
    private static double expectedPlateau(EntropyCurve curve) {
        double cells = (double) curve.cellsPerSide() * curve.cellsPerSide();
        return curve.plateau() - (cells - 1) / (2.0 * curve.points());
    }

    @Test
    void catMapEntropyGrowsAtTheKolmogorovSinaiRateToLnOneOverDeltaSquared() {
        EntropyCurve curve = CoarseGrainedEntropy.evolve(TorusMap.CAT, CELLS, POINTS, 20, 1);
        double ks = Math.log((3 + Math.sqrt(5)) / 2);
        assertThat(curve.growthRate()).isCloseTo(ks, within(0.1 * ks));
        // the multinomial spread of the plug-in entropy at N = 2^20 is ~1e-3; 0.005 leaves room for the residual
        // non-uniformity of a finite number of steps
        assertThat(curve.finalLevel(5)).isCloseTo(expectedPlateau(curve), within(0.005));
        assertThat(curve.coarse()[0]).isEqualTo(0.0);
        for (double fine : curve.fine()) {
            assertThat(fine).isEqualTo(Math.log(POINTS)); // a bijection keeps every point distinct: Liouville
        }
    }

    @Test
    void bakerMapDoublesItsCellsEveryStep() {
        EntropyCurve curve = CoarseGrainedEntropy.evolve(TorusMap.BAKER, CELLS, 1 << 18, 18, 2);
        assertThat(curve.growthRate()).isCloseTo(Math.log(2), within(0.1 * Math.log(2)));
        assertThat(curve.finalLevel(3)).isCloseTo(expectedPlateau(curve), within(0.01));
    }

    @Test
    void rotationKeepsTheEntropyLow() {
        // a translated δ-square overlaps at most four cells, so S_δ ≤ ln 4 forever
        EntropyCurve curve = CoarseGrainedEntropy.evolve(TorusMap.ROTATION, CELLS, 1 << 16, 40, 3);
        for (double s : curve.coarse()) {
            assertThat(s).isLessThanOrEqualTo(Math.log(4) + 1e-12);
        }
        assertThat(curve.growthRate()).isNaN();
    }
}
