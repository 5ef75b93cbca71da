package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The estimators read configurations of any degrees of freedom as they read their own inputs. */
class ConfigurationInputsTest {

    @Test
    void aSymbolTableOfChosenValuesIsTheTableOfThoseColumns() {
        SplittableRandom rng = new SplittableRandom(1);
        byte[][] labels = new byte[400][6];
        long[][] columns = new long[2][400];
        for (int n = 0; n < labels.length; n++) {
            for (int i = 0; i < 6; i++) {
                labels[n][i] = (byte) rng.nextInt(3);
            }
            labels[n][4] = labels[n][1]; // values 1 and 4 are equal: I = H(value 1) ≈ ln 3
            columns[0][n] = labels[n][1];
            columns[1][n] = labels[n][4];
        }
        DiscreteConfigurations c = new DiscreteConfigurations(DegreesOfFreedom.pottsStates(3).withComponents(2), labels);
        DiscreteInformation info = DiscreteInformation.of(EntropyEstimator.named("plugin"), 1);
        SymbolTable ours = SymbolTable.ofValues(c, new int[] {1, 4});
        SymbolTable direct = SymbolTable.ofColumns(columns, new double[] {3, 3}, 1);
        assertThat(ours.alphabetSize(0)).isEqualTo(3);
        assertThat(info.mutualInformation(ours, new int[] {0}, new int[] {1}).mean())
                .isEqualTo(info.mutualInformation(direct, new int[] {0}, new int[] {1}).mean())
                .isCloseTo(Math.log(3), org.assertj.core.api.Assertions.within(0.01));
        assertThatThrownBy(() -> SymbolTable.ofValues(c, new int[] {6})).hasMessageContaining("outside the configurations' 0..5");
    }

    @Test
    void ksgReadsChosenValuesOfAField() {
        double[][][] pairs = KsgContractTest.gaussianPairs(7, 4000, 2, 0.6);
        double[][] field = new double[4000][5];
        for (int n = 0; n < field.length; n++) {
            field[n][0] = pairs[0][n][0];
            field[n][3] = pairs[0][n][1];
            field[n][1] = pairs[1][n][0];
            field[n][4] = pairs[1][n][1];
            field[n][2] = n; // not read
        }
        ContinuousConfigurations c = new ContinuousConfigurations(DegreesOfFreedom.realField(), field);
        KsgEstimator ksg = new KsgEstimator(4);
        assertThat(ksg.mutualInformation(c, new int[] {0, 3}, new int[] {1, 4}).mean())
                .isEqualTo(ksg.mutualInformation(pairs[0], pairs[1]).mean());
        assertThatThrownBy(() -> ksg.mutualInformation(c, new int[] {}, new int[] {1}))
                .hasMessageContaining("at least one value index");
    }

    @Test
    void blockInformationTakesItsStatesFromTheDegreesOfFreedom() {
        DiscreteInformation info = DiscreteInformation.of(EntropyEstimator.named("plugin"), 1);
        Lattice lattice = Lattice.square(4);
        new BlockInformation(lattice, DegreesOfFreedom.pottsStates(3), info);
        assertThatThrownBy(() -> new BlockInformation(lattice, DegreesOfFreedom.bondOccupations(), info))
                .hasMessage("block information needs one discrete value per site, not 0/1 occupations on bonds");
        assertThatThrownBy(() -> new BlockInformation(lattice, DegreesOfFreedom.realField(), info))
                .hasMessageContaining("real values on sites");
    }
}
