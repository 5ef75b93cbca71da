package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.Tolerances;
import org.junit.jupiter.api.Test;

class LumpingComparisonTest {

    @Test
    void minimumLossNeverLosesMoreThanTheSpectralPartitionAndBothFindTheWells() {
        int n = 40;
        MarkovChain chain = BuiltinChains.doubleWell(n, 0.15);
        double[] pi = ChainAnalysis.stationary(chain);
        LumpingComparison table = LumpingComparison.of(chain, pi, 4);
        assertThat(table.rows()).hasSize(4);
        for (LumpingComparison.Row row : table.rows()) {
            assertThat(row.minimumLoss().partition().blockCount()).isEqualTo(row.blocks());
            if (row.spectral() != null) {
                assertThat(row.minimumLoss().informationLoss())
                        .isLessThanOrEqualTo(row.spectral().informationLoss() + Tolerances.EXACT);
            }
        }
        LumpingComparison.Row one = table.rows().get(0);
        assertThat(one.minimumLoss().informationLoss()).isZero();
        assertThat(Double.isNaN(one.timescaleSeparation())).isTrue();
        LumpingComparison.Row two = table.rows().get(1);
        int[] wells = new int[n];
        for (int i = n / 2; i < n; i++) {
            wells[i] = 1;
        }
        assertThat(two.spectral().partition().sameBlocksAs(new Partition(wells))).isTrue();
        assertThat(two.timescaleSeparation()).isGreaterThan(10);
        // The lumped chain of the two wells relaxes slowly: a small spectral gap.
        assertThat(two.spectral().spectralGap()).isLessThan(0.01);
    }

    @Test
    void elbowIsTheKAfterWhichExtraBlocksBuyLittle() {
        // losses drop steeply to k = 3, then barely: the elbow is 3
        assertThat(LumpingComparison.elbow(new double[] {1.0, 0.5, 0.1, 0.08, 0.06, 0.05})).isEqualTo(3);
        assertThat(LumpingComparison.elbow(new double[] {0.2, 0.2, 0.2})).isEqualTo(1);
        // a straight line has no point below its chord
        assertThat(LumpingComparison.elbow(new double[] {3, 2, 1, 0})).isEqualTo(1);
    }

    @Test
    void risingLossCurveElbowIsTheLastKBeforeTheLossTakesOff() {
        assertThat(LumpingComparison.elbow(new double[] {0, 1e-20, 1e-15, 2e-3, 2.1e-3})).isEqualTo(3);
        // the double well's minimum loss is ~0 up to some k, then jumps: the elbow is the last k at ~0
        MarkovChain chain = BuiltinChains.doubleWell(40, 0.15);
        LumpingComparison table = LumpingComparison.of(chain, ChainAnalysis.stationary(chain), 6);
        double max = table.rows().stream().mapToDouble(r -> r.minimumLoss().informationLoss()).max().orElseThrow();
        int lastNearZero = table.rows().stream().filter(r -> r.minimumLoss().informationLoss() < 1e-6 * max)
                .mapToInt(LumpingComparison.Row::blocks).max().orElseThrow();
        assertThat(table.elbow()).isEqualTo(lastNearZero);
    }

    @Test
    void theTableDoesNotDependOnTheThreads() {
        MarkovChain chain = GreedyLumpingTest.chain(60, 3, 0.2, 21, new int[60]);
        double[] pi = ChainAnalysis.stationary(chain);
        LumpingComparison one = LumpingComparison.of(chain, pi, 5, 1);
        LumpingComparison three = LumpingComparison.of(chain, pi, 5, 3);
        assertThat(three).isEqualTo(one);
        assertThat(LumpingComparison.of(chain, pi, 5)).isEqualTo(one);
    }

    @Test
    void inverseIterationGivesTheFullDecompositionsSlowRealEigenvectors() {
        // a metastable chain (well separated slow real modes) and a random one (a disc of complex eigenvalues)
        for (MarkovChain chain : new MarkovChain[] {GreedyLumpingTest.chain(120, 4, 0.2, 22, new int[120]),
                GreedyLumpingTest.chain(120, 4, -1, 23, new int[120])}) {
            double[] pi = ChainAnalysis.stationary(chain);
            java.util.List<double[]> full = LumpingSearch.slowRealModes(chain, pi);
            java.util.List<double[]> inverse = LumpingSearch.slowRealVectors(chain, ChainAnalysis.eigenvalues(chain), 3);
            assertThat(inverse).hasSize(3);
            for (int t = 0; t < 3; t++) {
                double[] u = full.get(t);
                double[] v = inverse.get(t);
                double uv = 0;
                double uu = 0;
                double vv = 0;
                for (int i = 0; i < u.length; i++) {
                    uv += u[i] * v[i];
                    uu += u[i] * u[i];
                    vv += v[i] * v[i];
                }
                // the same line: |cos| = 1 to rounding
                assertThat(Math.abs(uv) / Math.sqrt(uu * vv)).as("mode %d of %s", t, chain)
                        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }
}
