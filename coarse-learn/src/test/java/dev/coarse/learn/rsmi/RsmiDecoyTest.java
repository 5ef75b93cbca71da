package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.learn.rbm.Rbm;
import dev.coarse.learn.rbm.RbmTrainer;
import dev.coarse.learn.rbm.UnitType;
import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Noise robustness (Koch-Janusz &amp; Ringel 2018): beside every spin of a critical 2D Ising sample (16×16) sits a
 * decoy, strongly correlated with the other decoys of its 2×2 block (each copies one block coin with probability
 * 0.99, so two decoys of a block agree with probability 0.9802) and independent of everything outside. RSMI, which
 * looks at the environment, must put at most 5% of its weight norm on the decoys; an RBM trained on V alone, a
 * local scheme, is trained beside it and its share reported (it is drawn to the decoys, the strongest correlation
 * inside V). One seed each; 4,000 configurations, RSMI 12 epochs at η = 2·10⁻³ (about 2,000 steps). With 2,000
 * configurations and η = 5·10⁻³ the RSMI filter kept 7–15% of its norm on the decoys (it over-fits them on the
 * training pairs); with decoys that copy the coin with probability 0.95 the RBM, too, stayed on the spins.
 */
class RsmiDecoyTest {

    private static final int L = 16;
    private static final double COPY = 0.99;

    @Test
    void rsmiIgnoresDecoysThatAnRbmOnTheBlockAloneFollows() {
        Lattice lattice = Lattice.square(L);
        DiscreteConfigurations data = Samples.withDecoys(lattice, Samples.criticalIsing(L, 4000, 43), 2, COPY, 44);
        TrainedFilter trained = new RsmiTrainer(RsmiIsingTest.settings(5).withTraining(500, 12, 2e-3)).train(lattice, data, EpochListener.NONE);
        double[][] weights = trained.filter().weights();
        double rsmiDecoyShare = FilterMeasures.weightShare(weights, 2, 1);
        assertThat(rsmiDecoyShare).as("RSMI filter %s", java.util.Arrays.toString(weights[0]))
                .isLessThanOrEqualTo(0.05);

        // the RBM sees only the 8 values of each block: (spin, decoy) per site, the blocks of the tiling
        RsmiGeometry geometry = RsmiGeometry.of(lattice, 2, 2, 4, data.degreesOfFreedom());
        int[] corners = geometry.blockCorners();
        byte[][] blocks = new byte[data.size() * corners.length][];
        int row = 0;
        for (byte[] c : data.values()) {
            for (int corner : corners) {
                int[] v = geometry.visibleIndices(corner);
                byte[] block = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    block[i] = c[v[i]];
                }
                blocks[row++] = block;
            }
        }
        Rbm rbm = Rbm.randomWeights(UnitType.SPIN, 8, 1, 0.01, new SplittableRandom(6));
        new RbmTrainer(RbmTrainer.Config.defaults(7).withBatches(64, 3)).train(rbm, blocks);
        double[][] rbmWeights = {rbm.weights()};
        double rbmDecoyShare = FilterMeasures.weightShare(rbmWeights, 2, 1);
        assertThat(rbmDecoyShare).as("RBM weights %s", java.util.Arrays.toString(rbm.weights()))
                .isGreaterThan(0.5);
    }
}
