package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.MatchedMcrg.Form;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchedMcrgTest {

    static final double TC = 2.0 / Math.log(1.0 + Math.sqrt(2.0));
    /** Statistical tolerance in jackknife errors: a Gaussian deviation exceeds 3σ with probability 0.3%. */
    private static final double SIGMAS = 3;

    /** {@code samples} Wolff samples of the 2D Ising model at T_c on an l×l torus: 4 chains, 10 cluster flips apart. */
    static byte[][] wolff(int l, int samples, long seed) {
        return ChainRunner.run(new RunSpec(IsingModel.atTemperature(Lattice.square(l), TC), SamplerKind.WOLFF,
                (long) samples / 4 * 10, 1_000, 10, 4, seed, 1), null).configurations();
    }

    /**
     * 1D chain, decimation b = 2, K = 0.5: decimation is exact on a periodic chain of any length and nn + field span
     * the coarse Hamiltonian, so ∂K<sup>(n)</sup>/∂K<sup>(0)</sup> of a chain of 16 and ∂K<sup>(n−1)</sup>/∂K<sup>(0)</sup>
     * of a chain of 8 are exact and their ratio is the exact one-step derivative at K<sup>(n−1)</sup>:
     * λ<sub>even</sub> = 2t/(1 + t²), t = tanh K<sup>(n−1)</sup>, λ<sub>odd</sub> = 1 + tanh 2K<sup>(n−1)</sup>
     * (as in {@code McrgTest}). Exact samples (enumeration), 4σ: ≈ 6·10⁻⁵ false failures per assertion.
     */
    @Test
    void couplingsFormIsExactForChainDecimation() {
        double k = 0.5;
        Decimation rule = new Decimation(2);
        byte[][] large = ExactSamples.ising(Lattice.chain(16), k, 20_000, 21);
        byte[][] small = ExactSamples.ising(Lattice.chain(8), k, 20_000, 22);
        OperatorSet even = OperatorSet.of(1, "nn");
        OperatorSet odd = OperatorSet.of(1, "field");
        List<Mcrg.Level> matched = MatchedMcrg.run(large, Lattice.chain(16), small, Lattice.chain(8), rule, 2, even,
                odd, 20, Form.COUPLINGS, 0);
        assertThat(matched).hasSize(2);
        double kn = k;
        for (Mcrg.Level level : matched) {
            double t = Math.tanh(kn);
            double lambdaEven = 2 * t / (1 + t * t);
            double lambdaOdd = 1 + Math.tanh(2 * kn);
            assertThat(level.leadingEven().sigmasFrom(lambdaEven)).as("level %d even %s vs %s", level.level(),
                    level.leadingEven(), lambdaEven).isLessThan(4);
            assertThat(level.leadingOdd().sigmasFrom(lambdaOdd)).as("level %d odd %s vs %s", level.level(),
                    level.leadingOdd(), lambdaOdd).isLessThan(4);
            assertThat(level.leadingEven().error()).isLessThan(0.05);
            assertThat(level.leadingOdd().error()).isLessThan(0.05);
            kn = Recursions.DECIMATION1D.apply(kn);
        }
        // At level 1 the L/b run's derivative is the identity: the standard MCRG's level 1 on the L run, to rounding.
        Mcrg.Level standard = Mcrg.run(large, Lattice.chain(16), rule, 1, even, odd, 20, 0).get(0);
        assertThat(matched.get(0).leadingEven().mean()).isCloseTo(standard.leadingEven().mean(), within(1e-12));
        assertThat(matched.get(0).leadingOdd().error()).isCloseTo(standard.leadingOdd().error(), within(1e-12));
    }

    /**
     * 2D Ising at T<sub>c</sub>, L = 32 and 16, 20,000 Wolff samples each, majority rule (coin ties), 4 even and 2 odd
     * operators, matched level 2 (32 → 8 against 16 → 8). Exact y<sub>h</sub> = 15/8, y<sub>t</sub> = 1. Each must lie
     * within 3σ of its stated error (0.3% false failures each if the error is right), and the errors must be small
     * enough to mean something. The raw-response form, on the same data, is consistent but its y<sub>h</sub> error is
     * more than 5 times larger (nothing cancels between two independent runs). Seeds chosen before the first run.
     */
    @Test
    void isingLevelTwoExponentsWithinTheirErrors() {
        byte[][] large = wolff(32, 20_000, 11);
        byte[][] small = wolff(16, 20_000, 12);
        MajorityRule rule = new MajorityRule(2, TieBreak.COIN);
        OperatorSet even = OperatorSet.standardEven(2).truncate(4);
        OperatorSet odd = OperatorSet.standardOdd(2).truncate(2);
        Mcrg.Level couplings = MatchedMcrg.run(large, Lattice.square(32), small, Lattice.square(16), rule, 2, even, odd,
                20, Form.COUPLINGS, 5).get(1);
        Mcrg.Level responses = MatchedMcrg.run(large, Lattice.square(32), small, Lattice.square(16), rule, 2, even,
                odd, 20, Form.RESPONSES, 5).get(1);
        assertThat(couplings.level()).isEqualTo(2);
        covers("y_h", couplings.yH(), 15.0 / 8.0);
        covers("y_t", couplings.yT(), 1.0);
        assertThat(couplings.yH().error()).as("y_h error").isLessThan(0.0015);
        assertThat(couplings.yT().error()).as("y_t error").isLessThan(0.03);
        covers("y_h (responses)", responses.yH(), 15.0 / 8.0);
        assertThat(responses.yH().error()).as("responses vs couplings y_h error")
                .isGreaterThan(5 * couplings.yH().error());
    }

    private static void covers(String what, Estimate y, double exact) {
        assertThat(Math.abs(y.mean() - exact)).as("%s = %s vs exact %s", what, y, exact)
                .isLessThanOrEqualTo(SIGMAS * y.error());
    }

    @Test
    void rejectsBlockedLatticesOfDifferentSizesAndBadBins() {
        Lattice l8 = Lattice.chain(8);
        byte[][] a = ExactSamples.ising(l8, 0.3, 50, 1);
        Decimation rule = new Decimation(2);
        List<byte[][]> large = Coarsener.iterate(a, l8, rule, 1, 0);
        List<Lattice> largeLattices = Coarsener.lattices(l8, rule, 1);
        OperatorSet even = OperatorSet.of(1, "nn");
        OperatorSet odd = OperatorSet.of(1, "field");
        // the "L/b" run has the L run's size: its level 0 (8) is not the L run's level 1 (4)
        assertThatThrownBy(() -> MatchedMcrg.analyse(large, largeLattices, List.<byte[][]>of(a), List.of(l8), even, odd, 5,
                Form.COUPLINGS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same size");
        byte[][] small = ExactSamples.ising(Lattice.chain(4), 0.3, 50, 2);
        assertThatThrownBy(() -> MatchedMcrg.analyse(large, largeLattices, List.<byte[][]>of(small), List.of(Lattice.chain(4)),
                even, odd, 51, Form.COUPLINGS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bins");
        assertThatThrownBy(() -> MatchedMcrg.analyse(List.<byte[][]>of(a), List.of(l8), List.<byte[][]>of(small),
                List.of(Lattice.chain(4)), even, odd, 5, Form.COUPLINGS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two levels");
    }

    @Test
    void upFrontChecksNameWhatDiffers() {
        EnsembleMeta l16 = meta("ising2d", 16, 2.5, 0, Map.of());
        MatchedMcrg.requireSameCouplings(l16, "a.h5", meta("ising2d", 8, 2.5, 0, Map.of()), "b.h5");
        for (EnsembleMeta other : List.of(meta("ising2d", 8, 2.6, 0, Map.of()), meta("ising2d", 8, 2.5, 0.1, Map.of()),
                meta("ising3d", 8, 2.5, 0, Map.of()), meta("ising2d", 8, 2.5, 0, Map.of("j2", 0.1)))) {
            assertThatThrownBy(() -> MatchedMcrg.requireSameCouplings(l16, "a.h5", other, "b.h5"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("same model, temperature and field").hasMessageContaining("a.h5 is ising2d")
                    .hasMessageContaining("b.h5 is " + other.model());
        }
        MatchedMcrg.requireMatchingLattices(List.of(Lattice.square(16), Lattice.square(8)), List.of(Lattice.square(8)));
        assertThatThrownBy(() -> MatchedMcrg.requireMatchingLattices(List.of(Lattice.square(16), Lattice.square(8)),
                List.of(Lattice.square(16)))).hasMessageContaining("same size");
        MatchedMcrg.requireBins(10, 10, "b.h5");
        assertThatThrownBy(() -> MatchedMcrg.requireBins(11, 10, "b.h5")).hasMessageContaining("2..10 (the samples of b.h5)");
        assertThatThrownBy(() -> MatchedMcrg.requireBins(1, 10, "b.h5")).isInstanceOf(IllegalArgumentException.class);
    }

    private static EnsembleMeta meta(String model, int l, double t, double h, Map<String, Double> parameters) {
        return new EnsembleMeta(model, 2, l, t, h, 2, "wolff", 1, 100, 10, 1, 1, Double.NaN, "test", Map.of(),
                parameters);
    }
}
