package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.List;

class DecimationTest extends CoarseGrainingContract {

    @Override
    protected CoarseGraining rule() {
        return new Decimation(2);
    }

    @Override
    protected List<DegreesOfFreedom> readableDegreesOfFreedom() {
        return List.of(DegreesOfFreedom.isingSpins(), DegreesOfFreedom.pottsStates(3),
                DegreesOfFreedom.pottsStates(5).withComponents(2), DegreesOfFreedom.realField(),
                DegreesOfFreedom.complexField().withComponents(2));
    }

    @org.junit.jupiter.api.Test
    void keepsEveryComponentOfTheCorner() {
        Lattice fine = Lattice.chain(4);
        byte[] labels = {0, 1, 2, 3, 4, 0, 1, 2}; // two components per site
        DiscreteConfigurations out = (DiscreteConfigurations) rule().apply(fine,
                new DiscreteConfigurations(DegreesOfFreedom.pottsStates(5).withComponents(2), new byte[][] {labels}),
                streams(0));
        assertThat(out.values()[0]).containsExactly(0, 1, 4, 0);
    }

    @org.junit.jupiter.api.Test
    void keepsTheBlockCorners() {
        Lattice fine = Lattice.square(4);
        byte[] s = {
            1, -1, -1, 1,
            -1, -1, 1, 1,
            -1, 1, 1, -1,
            1, 1, -1, -1,
        };
        // corners (0,0),(0,2),(2,0),(2,2)
        assertThat(values(coarse(fine, s, 0), 0)).containsExactly(1, -1, -1, 1);
    }
}
