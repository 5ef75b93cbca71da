package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DimerCoveringsTest {

    private static final double EXACT = 1e-12;

    @Test
    void findsEveryCoveringOfTheFourByFourTorusOnce() {
        Lattice lattice = Lattice.square(4);
        DimerCoverings all = DimerCoverings.of(lattice);
        // 272: OEIS A335586, Kasteleyn's Pfaffians and the row transfer matrix (DimerTorusCountTest)
        assertThat(all.count()).isEqualTo(272);
        DimerModel model = DimerModel.free(lattice);
        for (int i = 0; i < all.count(); i++) {
            model.validate(all.covering(i));
            assertThat(all.indexOf(all.covering(i).clone())).isEqualTo(i); // so all distinct
            assertThat(all.parallelPlaquettes(i)).isEqualTo(DimerModel.parallelPlaquettes(lattice, all.covering(i)));
        }
        assertThat(all.indexOf(new byte[32])).isEqualTo(-1);
        assertThat(all.indexOf(model.columnarCovering())).isNotNegative();
    }

    @Test
    void sixBySixTorusHasTheKasteleynCount() {
        DimerCoverings all = DimerCoverings.of(Lattice.square(6));
        assertThat(all.count()).isEqualTo(90176);
        assertThat((double) all.count()).isCloseTo(Math.exp(DimerTorusCount.logCoverings(6)), within(1e-6));
    }

    @Test
    void symmetryOfTheTorusShowsInTheHistogram() {
        DimerCoverings all = DimerCoverings.of(Lattice.square(4));
        long[] g = all.parallelPlaquetteHistogram();
        assertThat(Arrays.stream(g).sum()).isEqualTo(272);
        // the four columnar coverings and only they have the maximum N∥ = N/2 = 8 on 4×4
        assertThat(g).hasSize(9);
        assertThat(g[8]).isEqualTo(4);
    }

    @Test
    void boltzmannDistributionAgreesWithTheHistogram() {
        Lattice lattice = Lattice.square(4);
        DimerCoverings all = DimerCoverings.of(lattice);
        long[] g = all.parallelPlaquetteHistogram();
        for (double[] vt : new double[][] {{0, 1}, {-1, 1}, {1, 0.5}}) {
            DimerModel model = new DimerModel(lattice, vt[0], vt[1]);
            double z = 0;
            double weighted = 0;
            for (int k = 0; k < g.length; k++) {
                double w = g[k] * Math.exp(-vt[0] * k / vt[1]);
                z += w;
                weighted += k * w;
            }
            assertThat(all.logPartitionFunction(model)).isCloseTo(Math.log(z), within(EXACT));
            assertThat(all.meanParallelPlaquettes(model)).isCloseTo(weighted / z, within(EXACT));
            assertThat(Arrays.stream(all.probabilities(model)).sum()).isCloseTo(1.0, within(EXACT));
        }
        assertThat(all.logPartitionFunction(DimerModel.free(lattice))).isCloseTo(Math.log(272), within(EXACT));
    }

    @Test
    void refusesLargeToriAndOtherModels() {
        assertThatThrownBy(() -> DimerCoverings.of(Lattice.square(8))).hasMessageContaining("3.119e+08 dimer coverings");
        DimerCoverings small = DimerCoverings.of(Lattice.square(4));
        assertThatThrownBy(() -> small.probabilities(DimerModel.free(Lattice.square(6))))
                .hasMessageContaining("cannot serve a model on square L=6");
        assertThatThrownBy(() -> Enumeration.boltzmann(DimerModel.free(Lattice.square(4))))
                .hasMessageContaining("enumerate them with DimerCoverings");
    }
}
