package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChainRunnerTest {

    private static final IsingModel ISING = IsingModel.atTemperature(Lattice.square(6), 2.5);
    private static final PottsModel POTTS = new PottsModel(Lattice.square(6), 3, 1.2);
    private static final DimerModel DIMERS = new DimerModel(Lattice.square(6), -1.0, 1.0);

    @ParameterizedTest
    @ValueSource(strings = {"ising:metropolis", "ising:heatbath", "ising:wolff", "ising:sw", "potts:metropolis",
        "potts:wolff", "dimers:worm"})
    void sameSeedGivesByteIdenticalResultsForAnyThreadCount(String which) {
        String[] parts = which.split(":");
        Model model = parts[0].equals("ising") ? ISING : parts[0].equals("potts") ? POTTS : DIMERS;
        SamplerKind sampler = SamplerKind.forId(parts[1], model);
        ChainResult one = ChainRunner.run(new RunSpec(model, sampler, 40, 10, 4, 5, 99L, 1), null);
        ChainResult two = ChainRunner.run(new RunSpec(model, sampler, 40, 10, 4, 5, 99L, 2), null);
        assertThat(two.configurations()).isDeepEqualTo(one.configurations());
        assertThat(two.energyPerSite()).isDeepEqualTo(one.energyPerSite());
        assertThat(two.magnetizationPerSite()).isDeepEqualTo(one.magnetizationPerSite());
        ChainResult otherSeed = ChainRunner.run(new RunSpec(model, sampler, 40, 10, 4, 5, 100L, 2), null);
        assertThat(java.util.Arrays.deepEquals(otherSeed.configurations(), one.configurations())).isFalse();
    }

    @Test
    void dimerChainsKeepCoveringsAndMeasureEnergyPerSiteAndTheColumnarOrder() {
        ChainResult r = ChainRunner.run(new RunSpec(DIMERS, SamplerKind.WORM, 50, 20, 5, 3, 7L, 2), null);
        int sites = DIMERS.lattice().siteCount();
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 10; k++) {
                byte[] covering = r.configurations()[c * 10 + k];
                DIMERS.validate(covering);
                assertThat(r.energyPerSite()[c][k]).isEqualTo(DIMERS.energy(covering) / sites);
                assertThat(r.magnetizationPerSite()[c][k])
                        .isEqualTo(Math.sqrt(DimerObservables.columnarOrderSquared(DIMERS.lattice(), covering)));
            }
        }
    }

    @Test
    void keepsSweepsOverThinConfigurationsPerChainWithMatchingSeries() {
        RunSpec spec = new RunSpec(ISING, SamplerKind.METROPOLIS, 23, 5, 4, 3, 1L, 2);
        ChainResult r = ChainRunner.run(spec, null);
        assertThat(r.samplesPerChain()).isEqualTo(5);
        assertThat(r.configurations()).hasNumberOfRows(15);
        assertThat(r.energyPerSite()).hasNumberOfRows(3);
        for (int c = 0; c < 3; c++) {
            assertThat(r.energyPerSite()[c]).hasSize(5);
            for (int k = 0; k < 5; k++) {
                byte[] config = r.configuration(c, k);
                ISING.validate(config);
                assertThat(r.energyPerSite()[c][k]).isEqualTo(ISING.energy(config) / 36);
                assertThat(r.magnetizationPerSite()[c][k]).isEqualTo(IsingModel.magnetization(config) / 36.0);
            }
        }
        // Kept configurations are copies, not the live state.
        assertThat(r.configuration(0, 0)).isNotSameAs(r.configuration(0, 1));
    }

    @Test
    void progressReachesTheTotal() {
        RunSpec spec = new RunSpec(ISING, SamplerKind.HEAT_BATH, 300, 50, 10, 4, 1L, 2);
        AtomicLong max = new AtomicLong();
        AtomicLong totalSeen = new AtomicLong();
        ChainRunner.run(spec, (done, total) -> {
            max.accumulateAndGet(done, Math::max);
            totalSeen.set(total);
        });
        assertThat(totalSeen.get()).isEqualTo(4 * 350);
        assertThat(max.get()).isEqualTo(4 * 350);
    }

    @Test
    void chainStreamsAreReproducibleAndDistinct() {
        var a = ChainRunner.chainStreams(5L, 3);
        var b = ChainRunner.chainStreams(5L, 3);
        long first = a.get(0).nextLong();
        assertThat(b.get(0).nextLong()).isEqualTo(first);
        assertThat(a.get(1).nextLong()).isNotEqualTo(first);
    }

    @Test
    void specRejectsBadInput() {
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 0, 0, 1, 1, 1, 1)).hasMessageContaining("sweeps");
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 10, 0, 0, 1, 1, 1)).hasMessageContaining("thin");
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 10, 0, 11, 1, 1, 1)).hasMessageContaining("thin");
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 10, -1, 1, 1, 1, 1))
                .hasMessageContaining("thermalize");
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 10, 0, 1, 0, 1, 1)).hasMessageContaining("chains");
        assertThatThrownBy(() -> new RunSpec(ISING, SamplerKind.METROPOLIS, 10, 0, 1, 1, 1, 0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new RunSpec(POTTS, SamplerKind.SWENDSEN_WANG, 10, 0, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metropolis, wolff");
        IsingModel inField = new IsingModel(Lattice.square(4), 2, 0.1);
        assertThatThrownBy(() -> new RunSpec(inField, SamplerKind.WOLFF, 10, 0, 1, 1, 1, 1)).hasMessageContaining("h = 0");
    }
}
