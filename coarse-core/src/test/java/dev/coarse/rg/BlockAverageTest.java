package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.ContinuousConfigurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockAverageTest extends CoarseGrainingContract {

    @Override
    protected CoarseGraining rule() {
        return new BlockAverage(2);
    }

    @Override
    protected List<DegreesOfFreedom> readableDegreesOfFreedom() {
        return List.of(DegreesOfFreedom.isingSpins(), DegreesOfFreedom.realField(),
                DegreesOfFreedom.realField().withComponents(2), DegreesOfFreedom.complexField());
    }

    @Test
    void averagesBlocksAndIsOddUnderFlip() {
        BlockAverage avg = new BlockAverage(2);
        Lattice fine = HandExample.LATTICE;
        double[] c = new double[4];
        avg.average(fine, HandExample.spins(), c);
        assertThat(c).containsExactly(0.5, 0.0, -0.5, -0.5);
        assertThat(avg.coarseLattice(Lattice.cubic(6))).isEqualTo(Lattice.cubic(3));
        var rng = new SplittableRandom(1);
        byte[] x = CoarseGrainingContract.randomSpins(16, rng);
        double[] a = new double[4];
        double[] b = new double[4];
        avg.average(fine, x, a);
        avg.average(fine, CoarseGrainingContract.flipped(x), b);
        for (int i = 0; i < 4; i++) {
            assertThat(b[i]).isEqualTo(-a[i]);
        }
    }

    @Test
    void averagesAComplexFieldPartByPart() {
        Lattice fine = Lattice.chain(4);
        // z = (1+2i, 3−2i, −1, 5i): blocks {z0, z1} and {z2, z3}
        double[] z = {1, 2, 3, -2, -1, 0, 0, 5};
        ContinuousConfigurations out = (ContinuousConfigurations) new BlockAverage(2).apply(fine,
                new ContinuousConfigurations(DegreesOfFreedom.complexField(), new double[][] {z}), streams(0));
        assertThat(out.degreesOfFreedom()).isEqualTo(DegreesOfFreedom.complexField());
        assertThat(out.values()[0]).containsExactly(2, 0, -0.5, 2.5);
    }

    @Test
    void labelsAndOccupationsHaveNoMean() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> rule().coarseDegreesOfFreedom(DegreesOfFreedom.pottsStates(3))))
                .hasMessageContaining("the mean of labels or occupations is not a coarse variable");
    }
}
