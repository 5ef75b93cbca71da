package dev.coarse.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Glauber dynamics of the 3×3 Ising torus lumped by magnetisation, against a brute-force calculation written here
 * from scratch: its own spin geometry, Boltzmann weights, heat-bath flip probabilities and joint distributions of
 * (X<sub>t</sub>, X<sub>t+1</sub>), with the losses as differences of plain entropies.
 */
class GlauberLumpingTest {

    private static final int L = 3;
    private static final int SITES = L * L;
    private static final int STATES = 1 << SITES;

    private static int spinAt(int state, int x, int y) {
        int site = ((y + L) % L) * L + (x + L) % L;
        return ((state >> site) & 1) == 1 ? 1 : -1;
    }

    private static double energy(int state) {
        double e = 0;
        for (int y = 0; y < L; y++) {
            for (int x = 0; x < L; x++) {
                e -= spinAt(state, x, y) * (spinAt(state, x + 1, y) + spinAt(state, x, y + 1));
            }
        }
        return e;
    }

    private static int upSpins(int state) {
        int m = 0;
        for (int y = 0; y < L; y++) {
            for (int x = 0; x < L; x++) {
                m += (spinAt(state, x, y) + 1) / 2;
            }
        }
        return m;
    }

    private static double entropy(Map<Long, Double> law) {
        double h = 0;
        for (double p : law.values()) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static void add(Map<Long, Double> law, long key, double p) {
        law.merge(key, p, Double::sum);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2.5, 5.0})
    void magnetisationLossMatchesBruteForce(double temperature) {
        double beta = 1 / temperature;
        double[] weight = new double[STATES];
        double z = 0;
        for (int s = 0; s < STATES; s++) {
            weight[s] = Math.exp(-beta * energy(s));
            z += weight[s];
        }
        Map<Long, Double> x = new HashMap<>();
        Map<Long, Double> y = new HashMap<>();
        Map<Long, Double> xx = new HashMap<>();
        Map<Long, Double> xy = new HashMap<>();
        Map<Long, Double> yy = new HashMap<>();
        for (int s = 0; s < STATES; s++) {
            double pi = weight[s] / z;
            add(x, s, pi);
            add(y, upSpins(s), pi);
            double stay = 1;
            for (int site = 0; site < SITES; site++) {
                int t = s ^ (1 << site);
                // Heat bath at a uniformly chosen site: flip with probability 1/(1 + e^{βΔE}).
                double flip = 1.0 / SITES / (1 + Math.exp(beta * (energy(t) - energy(s))));
                stay -= flip;
                add(xx, (long) s * STATES + t, pi * flip);
                add(xy, (long) s * STATES + upSpins(t), pi * flip);
                add(yy, upSpins(s) * 100L + upSpins(t), pi * flip);
            }
            add(xx, (long) s * STATES + s, pi * stay);
            add(xy, (long) s * STATES + upSpins(s), pi * stay);
            add(yy, upSpins(s) * 100L + upSpins(s), pi * stay);
        }
        // L = H(Y'|Y) − H(Y'|X); predictive loss = I(X;X') − I(Y;Y') (stationary, so H(X') = H(X)).
        double bruteLoss = (entropy(yy) - entropy(y)) - (entropy(xy) - entropy(x));
        double brutePredictive = (2 * entropy(x) - entropy(xx)) - (2 * entropy(y) - entropy(yy));

        MarkovChain chain = BuiltinChains.glauber(IsingModel.atTemperature(Lattice.square(L), temperature));
        double[] pi = ChainAnalysis.stationary(chain);
        int[] labels = new int[STATES];
        for (int s = 0; s < STATES; s++) {
            labels[s] = upSpins(s);
        }
        Partition magnetisation = Partition.ofLabels(labels);
        assertThat(magnetisation.blockCount()).isEqualTo(SITES + 1);
        double loss = Lumping.informationLoss(chain, pi, magnetisation);
        assertThat(loss).isCloseTo(bruteLoss, within(Tolerances.EXACT));
        assertThat(Lumping.predictiveInformationLoss(chain, pi, magnetisation))
                .isCloseTo(brutePredictive, within(Tolerances.EXACT));
        // Flip rates depend on local fields, not on M alone: magnetisation is not exactly lumpable.
        assertThat(loss).isGreaterThan(1e-4);
        assertThat(Lumping.isStronglyLumpable(chain, magnetisation)).isFalse();
        assertThat(BuiltinChains.magnetisationBlocks(SITES).sameBlocksAs(magnetisation)).isTrue();
    }

    @Test
    void exactSearchDoesNotClaimAbsenceWhenEigenvaluesRepeat() {
        // A torus's symmetries give P repeated eigenvalues: the invariant-subspace enumeration is then not complete,
        // and a failed search must say so rather than report "none". (The 2×2 torus: 16 states, a fast search.)
        MarkovChain chain = BuiltinChains.glauber(IsingModel.atTemperature(Lattice.square(2), 2.5));
        assertThatThrownBy(() -> LumpingSearch.exact(chain, 3)).hasMessageContaining("not complete");
    }
}
