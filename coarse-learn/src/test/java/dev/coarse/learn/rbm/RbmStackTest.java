package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.exact.Enumeration;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbmStackTest {

    private static byte[][] data() {
        double[] p = Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(3), 2.5)).probabilities();
        return RbmRecipe.sampleExactly(p, 9, 1000, 8);
    }

    @Test
    void stackHasTheRequestedShapesAndIsDeterministicAcrossThreadCounts() {
        RbmTrainer.Config config = RbmTrainer.Config.defaults(17).withBatches(32, 2).withPenalties(0, 1e-3);
        RbmStack one = RbmStack.train(data(), UnitType.SPIN, new int[] {6, 3}, config, 0.05);
        RbmStack two = RbmStack.train(data(), UnitType.SPIN, new int[] {6, 3}, config.withThreads(2), 0.05);
        assertThat(one.layers()).hasSize(2);
        assertThat(one.layers().get(0).visibleCount()).isEqualTo(9);
        assertThat(one.layers().get(1).visibleCount()).isEqualTo(6);
        assertThat(one.layers().get(1).hiddenCount()).isEqualTo(3);
        for (int k = 0; k < 2; k++) {
            assertThat(two.layers().get(k).weights()).containsExactly(one.layers().get(k).weights());
        }
    }

    @Test
    void receptiveFieldsAreProductsOfTheWeightMatrices() {
        Rbm first = new Rbm(UnitType.SPIN, new double[2], new double[2], new double[] {1, 2, 3, 4});
        Rbm second = new Rbm(UnitType.SPIN, new double[2], new double[1], new double[] {0.5, -1});
        RbmStack stack = new RbmStack(List.of(first, second));
        assertThat(stack.receptiveField(0, 1)).containsExactly(2, 4);
        // W¹W² = [[1·0.5 + 2·(−1)], [3·0.5 + 4·(−1)]]
        assertThat(stack.receptiveField(1, 0)).containsExactly(new double[] {-1.5, -2.5}, within(1e-15));
        assertThatThrownBy(() -> new RbmStack(List.of(second, first))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strongestReceptiveFieldsComeFirstAndEqualNormsKeepUnitOrder() {
        // columns of W: unit 0 (1, 0), unit 1 (0, 3), unit 2 (2, 0), unit 3 (0, 1): norms 1, 9, 4, 1
        Rbm layer = new Rbm(UnitType.SPIN, new double[2], new double[4], new double[] {1, 0, 2, 0, 0, 3, 0, 1});
        RbmStack stack = new RbmStack(List.of(layer));
        assertThat(stack.strongestReceptiveFields(0, 3)).containsExactly(new double[] {0, 3}, new double[] {2, 0},
                new double[] {1, 0});
        assertThat(stack.strongestReceptiveFields(0, 10)).hasSize(4).last().isEqualTo(new double[] {0, 1});
    }
}
