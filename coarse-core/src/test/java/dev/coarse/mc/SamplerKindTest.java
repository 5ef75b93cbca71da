package dev.coarse.mc;

import static dev.coarse.mc.SamplerKind.HEAT_BATH;
import static dev.coarse.mc.SamplerKind.METROPOLIS;
import static dev.coarse.mc.SamplerKind.MULTISPIN;
import static dev.coarse.mc.SamplerKind.MULTISPIN_NARROW;
import static dev.coarse.mc.SamplerKind.SWENDSEN_WANG;
import static dev.coarse.mc.SamplerKind.WOLFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SamplerKindTest {

    private static final IsingModel ISING = IsingModel.atTemperature(Lattice.square(8), 2.3);
    private static final PottsModel POTTS = new PottsModel(Lattice.square(8), 3, 1.0);

    /** Files and checkpoints record these ids: they must never change. */
    @Test
    void idsAreTheOnesFilesRecord() {
        assertThat(Arrays.stream(SamplerKind.values()).map(SamplerKind::id))
                .containsExactly("metropolis", "heatbath", "wolff", "sw", "multispin", "multispin-narrow", "worm",
                        "hmc");
        for (SamplerKind kind : SamplerKind.values()) {
            assertThat(SamplerKind.forId(kind.id(), ISING)).isSameAs(kind);
        }
    }

    @Test
    void kindsPerModel() {
        assertThat(SamplerKind.available(ISING)).containsExactly(METROPOLIS, HEAT_BATH, WOLFF, SWENDSEN_WANG, MULTISPIN,
                MULTISPIN_NARROW);
        IsingModel cubic = IsingModel.atTemperature(Lattice.cubic(4), 4.5);
        assertThat(SamplerKind.available(cubic)).containsExactly(METROPOLIS, HEAT_BATH, WOLFF, SWENDSEN_WANG, MULTISPIN);
        assertThatThrownBy(() -> MULTISPIN_NARROW.validate(cubic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square lattice only");
        MULTISPIN_NARROW.validate(ISING);
        // multispin: eight-site blocks on the square lattice; the chain and cubic kernels have one width
        assertThat(MULTISPIN.multispinWidth(ISING.lattice())).isEqualTo(MultispinMetropolis.Width.WIDE);
        assertThat(MULTISPIN.multispinWidth(cubic.lattice())).isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThat(MULTISPIN.multispinWidth(Lattice.chain(8))).isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThat(MULTISPIN_NARROW.multispinWidth(ISING.lattice())).isEqualTo(MultispinMetropolis.Width.NARROW);
        assertThatThrownBy(() -> WOLFF.multispinWidth(ISING.lattice())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SamplerKind.forId("multispin-wide", ISING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MULTISPIN_NARROW.create(ISING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ChainRunner");
        assertThat(SamplerKind.configurationSamplers(ISING)).containsExactly(METROPOLIS, HEAT_BATH, WOLFF, SWENDSEN_WANG);
        assertThat(SamplerKind.available(POTTS)).containsExactly(METROPOLIS, WOLFF);
        for (SamplerKind kind : SamplerKind.configurationSamplers(ISING)) {
            assertThat(kind.create(ISING).kind()).isEqualTo(kind);
            assertThat(kind.chainsPerGroup()).isEqualTo(1);
        }
        for (SamplerKind kind : SamplerKind.available(POTTS)) {
            assertThat(kind.create(POTTS).kind()).isEqualTo(kind);
            assertThat(kind.create(POTTS).model()).isEqualTo(POTTS);
        }
        assertThat(MULTISPIN.chainsPerGroup()).isEqualTo(MultispinMetropolis.REPLICAS);
    }

    /** The command line prints these messages as they are. */
    @Test
    void unknownNamesListTheValidOnes() {
        assertThatThrownBy(() -> SamplerKind.forId("gibbs", ISING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sampler 'gibbs' for ising2d; valid: metropolis, heatbath, wolff, sw, multispin,"
                        + " multispin-narrow");
        assertThatThrownBy(() -> HEAT_BATH.create(POTTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sampler 'heatbath' for potts2d; valid: metropolis, wolff");
        assertThatThrownBy(() -> SamplerKind.forId(null, POTTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampler name is missing; valid for potts2d: metropolis, wolff");
    }

    @Test
    void multispinIsListedOnlyWhereItRuns() {
        assertThat(SamplerKind.available(IsingModel.atTemperature(Lattice.square(5), 2.3))).doesNotContain(MULTISPIN);
        assertThat(SamplerKind.available(new IsingModel(Lattice.square(4), 2.0, 0.5))).doesNotContain(MULTISPIN);
        assertThat(SamplerKind.available(IsingModel.atTemperature(Lattice.chain(6), 2.0))).contains(MULTISPIN);
        assertRefused(() -> MULTISPIN.validate(IsingModel.atTemperature(Lattice.square(5), 2.3)),
                "needs an even lattice size");
        assertRefused(() -> MULTISPIN.validate(new IsingModel(Lattice.square(4), 2.0, 0.5)), "h = 0");
        assertRefused(() -> MULTISPIN.validate(POTTS),
                "the multispin sampler is for the Ising model only, not potts2d; valid: metropolis, wolff");
        assertRefused(() -> MULTISPIN.create(ISING), "ChainRunner");
    }

    @Test
    void clusterSamplersRejectAField() {
        IsingModel inField = new IsingModel(Lattice.square(4), 2.0, 0.5);
        assertRefused(() -> WOLFF.create(inField), "the Wolff cluster sampler needs field h = 0, got h = 0.5");
        assertRefused(() -> SWENDSEN_WANG.validate(inField), "the Swendsen-Wang sampler needs field h = 0");
    }

    /** The runner's unit of work: one chain per sampler, 64 replicas per multispin group, built from one stream. */
    @Test
    void chainGroupsHoldTheKindsChains() {
        ChainGroup chain = WOLFF.chainGroup(ISING, ChainRunner.chainStreams(1L, 1).get(0));
        assertThat(chain.chains()).isEqualTo(1);
        assertThat(chain.configuration(0)).hasSize(64).isNotSameAs(chain.configuration(0));
        ChainGroup group = MULTISPIN_NARROW.chainGroup(ISING, ChainRunner.chainStreams(1L, 1).get(0));
        assertThat(group).isInstanceOfSatisfying(MultispinMetropolis.class,
                g -> assertThat(g.width()).isEqualTo(MultispinMetropolis.Width.NARROW));
        assertThat(group.chains()).isEqualTo(64);
    }

    private static void assertRefused(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(messagePart);
    }
}
