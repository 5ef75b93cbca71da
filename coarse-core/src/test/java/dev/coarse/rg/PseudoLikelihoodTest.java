package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.Enumeration;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PseudoLikelihoodTest {

    /** |estimate − truth| below this many jackknife errors; per coupling ≈ 6e-5 false-failure rate if Gaussian. */
    private static final double SIGMAS = 4;

    @Test
    void recoversKOnTheSquareLatticeFromExactSamples() {
        double k = 0.35;
        Lattice l = Lattice.square(4);
        byte[][] samples = ExactSamples.ising(l, k, 4000, 2024);
        Couplings c = PseudoLikelihood.fit(samples, l, OperatorSet.of(2, "nn", "nnn", "plaquette", "field"));
        assertThat(c.names()).containsExactly("nn", "nnn", "plaquette", "field");
        assertWithin(c.get("nn"), k);
        assertWithin(c.get("nnn"), 0);
        assertWithin(c.get("plaquette"), 0);
        assertWithin(c.get("field"), 0);
        assertThat(c.get("nn").error()).isBetween(1e-4, 0.02);
    }

    @Test
    void recoversKOnAPeriodicChainFromExactSamples() {
        double k = 0.6;
        Lattice l = Lattice.chain(16);
        byte[][] samples = ExactSamples.ising(l, k, 3000, 7);
        Couplings c = PseudoLikelihood.fit(samples, l, OperatorSet.of(1, "nn", "third_nn", "field"), 10);
        assertWithin(c.get("nn"), k);
        assertWithin(c.get("third_nn"), 0);
        assertWithin(c.get("field"), 0);
        assertThat(c.blocks()).isEqualTo(10);
        assertThat(c.samples()).isEqualTo(3000);
    }

    @Test
    void fieldIsRecoveredWhenPresent() {
        Lattice l = Lattice.chain(12);
        byte[][] samples = ExactSamples.draw(Enumeration.boltzmann(new IsingModel(l, 1 / 0.4, 0.3)), 3000,
                new SplittableRandom(9));
        Couplings c = PseudoLikelihood.fit(samples, l, OperatorSet.of(1, "nn", "field"));
        // −βH = K Σss + βh Σs with β = 0.4, h = 0.3
        assertWithin(c.get("nn"), 0.4);
        assertWithin(c.get("field"), 0.12);
    }

    @Test
    void badInput() {
        Lattice l = Lattice.chain(4);
        assertThatThrownBy(() -> PseudoLikelihood.fit(new byte[0][], l, OperatorSet.of(1, "nn")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        byte[][] same = {{1, 1, 1, 1}, {-1, -1, -1, -1}, {1, -1, 1, -1}};
        // the same operator twice: the two couplings cannot be separated
        assertThatThrownBy(() -> PseudoLikelihood.fit(same, l, OperatorSet.of(1, "nn", "nn"), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linearly dependent");
    }

    private static void assertWithin(Estimate e, double truth) {
        assertThat(e.sigmasFrom(truth)).as("%s vs %s (fails ~6e-5 of seeds if Gaussian)", e, truth)
                .isLessThan(SIGMAS);
    }
}
