package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class McrgTest {

    private static final double EXACT = 1e-10;
    /** Statistical tolerance in jackknife errors; ≈ 6e-5 false failures per assertion if Gaussian. */
    private static final double SIGMAS = 4;

    @Test
    void rgMatrixOfALinearRelationIsItsTranspose() {
        // If S^(n−1) = M S^(n) exactly, D = C Mᵀ and T = C⁻¹D = Mᵀ.
        double[][] m = {{2, 0.5, 0}, {0.3, 1, 0.2}, {0, -0.4, 0.7}};
        var rng = new SplittableRandom(1);
        double[][] coarse = new double[200][3];
        double[][] fine = new double[200][3];
        for (int i = 0; i < 200; i++) {
            for (int a = 0; a < 3; a++) {
                coarse[i][a] = rng.nextGaussian();
            }
            for (int b = 0; b < 3; b++) {
                for (int a = 0; a < 3; a++) {
                    fine[i][b] += m[b][a] * coarse[i][a];
                }
            }
        }
        double[][] t = Mcrg.rgMatrix(coarse, fine);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(t[a][b]).isCloseTo(m[b][a], within(EXACT));
            }
        }
    }

    @Test
    void eigenvaluesOfANonSymmetricMatrixSortedByMagnitude() {
        double[][] ev = Mcrg.eigenvaluesByMagnitude(new double[][] {{1, 5, 0}, {0, -4, 2}, {0, 0, 2}});
        assertThat(ev[0][0]).isCloseTo(-4, within(EXACT));
        assertThat(ev[1][0]).isCloseTo(2, within(EXACT));
        assertThat(ev[2][0]).isCloseTo(1, within(EXACT));
    }

    /**
     * 1D chain, decimation b = 2: exact RG tanh K' = tanh² K, so λ<sub>even</sub> = dK'/dK = 2t/(1 + t²) with
     * t = tanh K, and in a field h' = h + 2·¼ ln[cosh(2K + h)/cosh(2K − h)], so λ<sub>odd</sub> = dh'/dh|₀ =
     * 1 + tanh 2K. On a periodic chain decimation is exact at any N, so the nn and field operators alone span
     * the coarse Hamiltonian and MCRG has no truncation error.
     */
    @Test
    void chainDecimationMatchesTheExactRecursionAtTwoLevels() {
        double k = 0.5;
        Lattice fine = Lattice.chain(16);
        byte[][] samples = ExactSamples.ising(fine, k, 20000, 11);
        Decimation rule = new Decimation(2);
        List<byte[][]> levels = Coarsener.iterate(samples, fine, rule, 2, 0);
        List<Lattice> lattices = Coarsener.lattices(fine, rule, 2);
        List<Mcrg.Level> result = Mcrg.analyse(levels, lattices, OperatorSet.of(1, "nn"), OperatorSet.of(1, "field"),
                20);
        assertThat(result).hasSize(2);
        double kn = k;
        for (Mcrg.Level level : result) {
            double t = Math.tanh(kn);
            double lambdaEven = 2 * t / (1 + t * t);
            double lambdaOdd = 1 + Math.tanh(2 * kn);
            assertThat(level.b()).isEqualTo(2);
            assertThat(level.leadingEven().sigmasFrom(lambdaEven)).as("level %d even %s vs %s", level.level(),
                    level.leadingEven(), lambdaEven).isLessThan(SIGMAS);
            assertThat(level.leadingOdd().sigmasFrom(lambdaOdd)).as("level %d odd %s vs %s", level.level(),
                    level.leadingOdd(), lambdaOdd).isLessThan(SIGMAS);
            assertThat(level.yT().sigmasFrom(Math.log(lambdaEven) / Math.log(2))).isLessThan(SIGMAS);
            assertThat(level.leadingEven().error()).isLessThan(0.05);
            kn = Recursions.DECIMATION1D.apply(kn);
        }
    }

    @Test
    void extraEvenOperatorKeepsTheExactLeadingEigenvalue() {
        // T = [[λ, x], [0, y]]: a pure nn coarse Hamiltonian has no third_nn part, so λ stays an eigenvalue.
        double k = 0.7;
        Lattice fine = Lattice.chain(16);
        byte[][] samples = ExactSamples.ising(fine, k, 20000, 12);
        List<Mcrg.Level> result = Mcrg.run(samples, fine, new Decimation(2), 1, OperatorSet.of(1, "nn", "third_nn"),
                OperatorSet.of(1, "field"), 20, 0);
        double t = Math.tanh(k);
        double lambda = 2 * t / (1 + t * t);
        Mcrg.Level level = result.get(0);
        assertThat(level.evenOperators()).containsExactly("nn", "third_nn");
        assertThat(level.eigenvaluesEven()).hasSize(2);
        assertThat(level.leadingEven().sigmasFrom(lambda)).as("%s vs %s", level.leadingEven(), lambda)
                .isLessThan(SIGMAS);
    }

    @Test
    void badInput() {
        Lattice l = Lattice.chain(8);
        byte[][] one = {{1, 1, 1, 1, 1, 1, 1, 1}};
        assertThatThrownBy(() -> Mcrg.analyse(List.<byte[][]>of(one), List.of(l), OperatorSet.of(1, "nn"),
                OperatorSet.of(1, "field"), 2)).hasMessageContaining("two levels");
        assertThatThrownBy(() -> Mcrg.analyse(List.of(one, new byte[][] {{1, 1, 1, 1}}), List.of(l, Lattice.chain(4)),
                OperatorSet.of(1, "nn"), OperatorSet.of(1, "field"), 2)).hasMessageContaining("bins");
    }

    @Test
    void estimatedBytesCountTheLevelsAndTheOperatorValuesOfEverySample() {
        // 10 samples of 64 and 16 sites (an array each: 24 bytes of header and reference), and at both levels the
        // 2 even and 1 odd operator values as two arrays of doubles per sample
        long expected = 10 * (64 + 24) + 10 * (16 + 24) + 2 * 10 * (3 * 8 + 2 * 24);
        assertThat(Mcrg.estimatedBytes(10, new long[] {64, 16}, 2, OperatorSet.standardEven(2).truncate(2),
                OperatorSet.standardOdd(2).truncate(1))).isEqualTo(expected);
    }
}
