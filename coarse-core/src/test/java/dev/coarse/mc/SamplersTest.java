package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final IsingModel ISING = IsingModel.atTemperature(Lattice.square(8), 2.3);
    private static final PottsModel POTTS = new PottsModel(Lattice.square(8), 3, 1.0);

    @Test
    void namesPerModel() {
        assertThat(Samplers.names(ISING)).containsExactly("metropolis", "heatbath", "wolff", "sw", "multispin",
                "multispin-narrow");
        IsingModel cubic = IsingModel.atTemperature(Lattice.cubic(4), 4.5);
        assertThat(Samplers.names(cubic)).containsExactly("metropolis", "heatbath", "wolff", "sw", "multispin");
        assertThatThrownBy(() -> Samplers.validate("multispin-narrow", cubic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square lattice only");
        Samplers.validate("multispin-narrow", ISING);
        // multispin: eight-site blocks on the square lattice; the chain and cubic kernels have one width
        assertThat(Samplers.multispinWidth("multispin", ISING.lattice())).isEqualTo(MultispinMetropolis.Width.WIDE);
        assertThat(Samplers.multispinWidth("multispin", cubic.lattice())).isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThat(Samplers.multispinWidth("multispin", Lattice.chain(8))).isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThat(Samplers.multispinWidth("multispin-narrow", ISING.lattice()))
                .isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThatThrownBy(() -> Samplers.validate("multispin-wide", ISING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Samplers.create("multispin-narrow", ISING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ChainRunner");
        assertThat(Samplers.configurationSamplers(ISING)).containsExactly("metropolis", "heatbath", "wolff", "sw");
        assertThat(Samplers.names(POTTS)).containsExactly("metropolis", "wolff");
        for (String name : Samplers.configurationSamplers(ISING)) {
            assertThat(Samplers.create(name, ISING).name()).isEqualTo(name);
        }
        for (String name : Samplers.names(POTTS)) {
            assertThat(Samplers.create(name, POTTS).name()).isEqualTo(name);
            assertThat(Samplers.create(name, POTTS).model()).isEqualTo(POTTS);
        }
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertThatThrownBy(() -> Samplers.create("gibbs", ISING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gibbs'").hasMessageContaining("metropolis, heatbath, wolff, sw");
        assertThatThrownBy(() -> Samplers.create("heatbath", POTTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metropolis, wolff");
        assertThatThrownBy(() -> Samplers.create(null, POTTS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multispinIsListedOnlyWhereItRuns() {
        assertThat(Samplers.names(IsingModel.atTemperature(Lattice.square(5), 2.3))).doesNotContain("multispin");
        assertThat(Samplers.names(new IsingModel(Lattice.square(4), 2.0, 0.5))).doesNotContain("multispin");
        assertThat(Samplers.names(IsingModel.atTemperature(Lattice.chain(6), 2.0))).contains("multispin");
        assertThatThrownBy(() -> Samplers.validate("multispin", IsingModel.atTemperature(Lattice.square(5), 2.3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an even lattice size");
        assertThatThrownBy(() -> Samplers.validate("multispin", new IsingModel(Lattice.square(4), 2.0, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h = 0");
        assertThatThrownBy(() -> Samplers.validate("multispin", POTTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ising");
        assertThatThrownBy(() -> Samplers.create("multispin", ISING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ChainRunner");
    }

    @Test
    void clusterSamplersRejectAField() {
        IsingModel inField = new IsingModel(Lattice.square(4), 2.0, 0.5);
        assertThatThrownBy(() -> Samplers.create("wolff", inField)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h = 0");
        assertThatThrownBy(() -> Samplers.create("sw", inField)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h = 0");
    }
}
