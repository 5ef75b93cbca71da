package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import org.junit.jupiter.api.Test;

/** Against chains whose answers are written by hand. */
class ChainAnalysisTest {

    private static final double A = 0.3;
    private static final double B = 0.1;
    /** P = [[1 − a, a], [b, 1 − b]]: π = (b, a)/(a + b), second eigenvalue 1 − a − b. */
    private static final MarkovChain TWO_STATE = MarkovChain.ofTransitions(new double[][] {{1 - A, A}, {B, 1 - B}});

    private static double binaryEntropy(double p) {
        return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    }

    @Test
    void twoStateStationaryLawAndEntropyRate() {
        double[] pi = ChainAnalysis.stationary(TWO_STATE);
        assertThat(pi[0]).isCloseTo(B / (A + B), within(Tolerances.EXACT));
        assertThat(pi[1]).isCloseTo(A / (A + B), within(Tolerances.EXACT));
        double h = B / (A + B) * binaryEntropy(A) + A / (A + B) * binaryEntropy(B);
        assertThat(ChainAnalysis.entropyRate(TWO_STATE, pi)).isCloseTo(h, within(Tolerances.EXACT));
    }

    @Test
    void twoStateRelaxationTimeAndPredictiveInformation() {
        double lambda = 1 - A - B;
        double[] times = ChainAnalysis.relaxationTimes(TWO_STATE);
        assertThat(times).hasSize(1);
        assertThat(times[0]).isCloseTo(-1 / Math.log(lambda), within(Tolerances.EXACT));

        double[] pi = ChainAnalysis.stationary(TWO_STATE);
        for (int tau : new int[] {1, 2, 5}) {
            // P^τ = 1π + λ^τ (I − 1π): (P^τ)_ij = π_j + λ^τ(δ_ij − π_j).
            double l = Math.pow(lambda, tau);
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double p = pi[j] + l * ((i == j ? 1 : 0) - pi[j]);
                    expected += pi[i] * p * Math.log(p / pi[j]);
                }
            }
            assertThat(ChainAnalysis.predictiveInformation(TWO_STATE, pi, tau))
                    .as("tau = %d", tau).isCloseTo(expected, within(Tolerances.EXACT));
        }
    }

    @Test
    void continuousTimeRelaxationTimeIsOneOverTheRateSum() {
        // Q = [[−a, a], [b, −b]]: the rate eigenvalue −(a + b), relaxation time 1/(a + b); π = (b, a)/(a + b).
        MarkovChain chain = MarkovChain.fromRates(new double[][] {{-2, 2}, {0.5, -0.5}});
        assertThat(ChainAnalysis.relaxationTimes(chain)[0]).isCloseTo(1 / 2.5, within(Tolerances.EXACT));
        double[] pi = ChainAnalysis.stationary(chain);
        assertThat(pi[0]).isCloseTo(0.5 / 2.5, within(Tolerances.EXACT));
    }

    @Test
    void klRateIsZeroForTheChainItselfAndMatchesTheTwoStateFormula() {
        double[] pi = ChainAnalysis.stationary(TWO_STATE);
        assertThat(ChainAnalysis.klRate(TWO_STATE, pi, TWO_STATE)).isCloseTo(0, within(Tolerances.EXACT));
        double c = 0.2;
        double d = 0.25;
        MarkovChain model = MarkovChain.ofTransitions(new double[][] {{1 - c, c}, {d, 1 - d}});
        double expected = pi[0] * (A * Math.log(A / c) + (1 - A) * Math.log((1 - A) / (1 - c)))
                + pi[1] * (B * Math.log(B / d) + (1 - B) * Math.log((1 - B) / (1 - d)));
        assertThat(ChainAnalysis.klRate(TWO_STATE, pi, model)).isCloseTo(expected, within(Tolerances.EXACT));
        MarkovChain forbidding = MarkovChain.ofTransitions(new double[][] {{1, 0}, {d, 1 - d}});
        assertThat(ChainAnalysis.klRate(TWO_STATE, pi, forbidding)).isInfinite();
    }

    @Test
    void doubleWellIsInBoltzmannEquilibrium() {
        int n = 41;
        double t = 0.2;
        MarkovChain chain = BuiltinChains.doubleWell(n, t);
        double[] pi = ChainAnalysis.stationary(chain);
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += Math.exp(-BuiltinChains.wellPotential(i, n) / t);
        }
        for (int i = 0; i < n; i++) {
            assertThat(pi[i]).isCloseTo(Math.exp(-BuiltinChains.wellPotential(i, n) / t) / z, within(1e-12));
        }
        // Metastability: the slowest relaxation (barrier crossing) is far slower than the next one.
        double[] times = ChainAnalysis.relaxationTimes(chain);
        assertThat(times[0] / times[1]).isGreaterThan(10);
    }

    @Test
    void glauberChainIsInBoltzmannEquilibrium() {
        Lattice lattice = Lattice.square(3);
        IsingModel model = IsingModel.atTemperature(lattice, 2.5);
        MarkovChain chain = BuiltinChains.glauber(model);
        double[] pi = ChainAnalysis.stationary(chain);
        double[] weight = new double[512];
        double z = 0;
        for (int s = 0; s < 512; s++) {
            byte[] spins = new byte[9];
            for (int site = 0; site < 9; site++) {
                spins[site] = (byte) BuiltinChains.spin(s, site);
            }
            weight[s] = Math.exp(-model.energy(spins) / model.temperature());
            z += weight[s];
        }
        for (int s = 0; s < 512; s++) {
            assertThat(pi[s]).isCloseTo(weight[s] / z, within(1e-12));
        }
    }
}
