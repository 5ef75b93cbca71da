package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RbmTrainerTest {

    /** The acceptance bound on KL(P_Ising ‖ P_RBM) for the 3×3 torus, in nats. */
    private static final double KL_BOUND = 0.01;

    private static byte[][] isingSamples(double temperature, int count, long seed) {
        ExactDistribution exact = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(3), temperature));
        return RbmRecipe.sampleExactly(exact.probabilities(), 9, count, seed);
    }

    @Test
    void sameSeedGivesTheSameModelWithOneOrTwoThreads() {
        byte[][] data = isingSamples(2.5, 600, 1);
        for (boolean pcd : new boolean[] {false, true}) {
            RbmTrainer.Config config = RbmTrainer.Config.defaults(42).withCdSteps(2, pcd).withBatches(64, 3)
                    .withPenalties(1e-4, 1e-4);
            Rbm one = Rbm.randomWeights(UnitType.SPIN, 9, 5, 0.1, new SplittableRandom(3));
            Rbm two = one.copy();
            new RbmTrainer(config.withThreads(1)).train(one, data);
            new RbmTrainer(config.withThreads(2)).train(two, data);
            assertThat(two.weights()).containsExactly(one.weights());
            assertThat(two.visibleBias()).containsExactly(one.visibleBias());
            assertThat(two.hiddenBias()).containsExactly(one.hiddenBias());
            Rbm other = Rbm.randomWeights(UnitType.SPIN, 9, 5, 0.1, new SplittableRandom(3));
            new RbmTrainer(config.withSeed(43)).train(other, data);
            assertThat(other.weights()).as("a different seed must change the result").isNotEqualTo(one.weights());
        }
    }

    @Test
    void l1PenaltyShrinksWeights() {
        byte[][] data = isingSamples(2.5, 400, 2);
        RbmTrainer.Config config = RbmTrainer.Config.defaults(5).withBatches(20, 5);
        Rbm plain = Rbm.randomWeights(UnitType.SPIN, 9, 4, 0.1, new SplittableRandom(4));
        Rbm sparse = plain.copy();
        new RbmTrainer(config).train(plain, data);
        new RbmTrainer(config.withPenalties(0, 0.05)).train(sparse, data);
        assertThat(l1(sparse.weights())).isLessThan(l1(plain.weights()));
    }

    private static double l1(double[] w) {
        double s = 0;
        for (double x : w) {
            s += Math.abs(x);
        }
        return s;
    }

    /**
     * Trained on iid samples drawn exactly from the 3×3 Ising torus at T = 2.5 (not on exact expectations):
     * 12 hidden spin units, persistent CD-5 then CD-5 fine-tuning at a small rate.
     */
    @Test
    @Tag("slow")
    void cdOnA3x3IsingTorusReachesKlBelowOneHundredthOfANat() {
        double temperature = 2.5;
        ExactDistribution exact = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(3), temperature));
        byte[][] data = RbmRecipe.sampleExactly(exact.probabilities(), 9, 40_000, 9);
        Rbm rbm = Rbm.randomWeights(UnitType.SPIN, 9, 12, 0.05, new SplittableRandom(9));
        double before = RbmExact.klDivergence(exact.probabilities(), rbm);
        RbmTrainer.Config config = new RbmTrainer.Config(5, true, 0.01, 0.5, 0, 0, 50, 20, 9, 2, true);
        new RbmTrainer(config).train(rbm, data);
        new RbmTrainer(config.withCdSteps(5, false).withLearningRate(0.003, 0.5).withBatches(100, 10))
                .train(rbm, data);
        double kl = RbmExact.klDivergence(exact.probabilities(), rbm);
        assertThat(before).isGreaterThan(10 * KL_BOUND);
        assertThat(kl).isLessThan(KL_BOUND);
    }
}
