package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import dev.coarse.stats.Estimate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservablesTest {

    private static final double EXACT = 1e-12;

    @Test
    void measureReturnsTheJsonNamesInOrder() {
        IsingModel model = IsingModel.atTemperature(Lattice.square(6), 2.5);
        ChainResult r = ChainRunner.run(new RunSpec(model, SamplerKind.SWENDSEN_WANG, 200, 20, 1, 2, 3L, 1), null);
        Map<String, Estimate> m = Observables.measure(r);
        assertThat(m.keySet()).containsExactly("energy_per_site", "abs_magnetization", "m2", "binder",
                "specific_heat", "susceptibility", "correlation_length");
        for (Estimate e : m.values()) {
            assertThat(e.mean()).isFinite();
            assertThat(e.error()).isPositive();
            assertThat(e.tauInt()).isGreaterThan(0);
        }
    }

    @Test
    void correlationAtDistanceOneIsMinusEnergyOverDimension() {
        // With h = 0 each sample's G(1) is the bond sum/(N d) = −e/d, so the means agree to rounding.
        IsingModel model = IsingModel.atTemperature(Lattice.square(8), 2.3);
        ChainResult r = ChainRunner.run(new RunSpec(model, SamplerKind.WOLFF, 500, 50, 5, 2, 8L, 1), null);
        Estimate[] g = Observables.correlationFunction(r);
        assertThat(g).hasSize(5);
        assertThat(g[0].mean()).isCloseTo(1.0, within(EXACT));
        double e = Observables.measure(r).get("energy_per_site").mean();
        assertThat(g[1].mean()).isCloseTo(-e / 2, within(EXACT));
        assertThat(g[2].mean()).isLessThan(g[1].mean());
    }

    @Test
    void pottsOrderParameter() {
        int[] scratch = new int[3];
        assertThat(Observables.pottsOrderParameter(new byte[] {1, 1, 1, 1}, 3, scratch)).isEqualTo(1.0);
        assertThat(Observables.pottsOrderParameter(new byte[] {0, 1, 2, 0, 1, 2}, 3, scratch)).isEqualTo(0.0);
        assertThat(Observables.pottsOrderParameter(new byte[] {0, 0, 1, 2}, 3, scratch))
                .isCloseTo((3 * 0.5 - 1) / 2, within(EXACT));
    }

    @Test
    void twoStatePottsFourierModesEqualIsingOnes() {
        Lattice lattice = Lattice.square(4);
        IsingModel ising = IsingModel.atTemperature(lattice, 2);
        PottsModel potts = new PottsModel(lattice, 2, 1);
        byte[][] spins = new byte[3][];
        byte[][] states = new byte[3][];
        var rng = ChainRunner.chainStreams(1L, 1).get(0);
        for (int k = 0; k < 3; k++) {
            spins[k] = ChainRunner.randomConfiguration(ising, rng);
            states[k] = new byte[16];
            for (int i = 0; i < 16; i++) {
                states[k][i] = (byte) (spins[k][i] > 0 ? 1 : 0);
            }
        }
        double[][] zeros = new double[1][3];
        double[][][] a = Observables.fourierModes(new ChainResult(new RunSpec(ising, SamplerKind.METROPOLIS, 3, 0, 1, 1, 0, 1),
                spins, zeros, zeros, 0));
        double[][][] b = Observables.fourierModes(new ChainResult(new RunSpec(potts, SamplerKind.METROPOLIS, 3, 0, 1, 1, 0, 1),
                states, zeros, zeros, 0));
        for (int mode = 0; mode < 2; mode++) {
            for (int k = 0; k < 3; k++) {
                assertThat(b[mode][0][k]).isCloseTo(a[mode][0][k], within(EXACT));
            }
        }
        // The zero mode is M²/N.
        double m = IsingModel.magnetization(spins[0]);
        assertThat(a[0][0][0]).isCloseTo(m * m / 16, within(EXACT));
    }
}
