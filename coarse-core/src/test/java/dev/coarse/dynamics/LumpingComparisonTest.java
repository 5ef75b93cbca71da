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
}
