package dev.coarse.learn.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactSampler;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.BlockInformation;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.learn.rgflow.LatticeKlTest;
import dev.coarse.learn.rgflow.SpinQuantisation;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.Decimation;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LatticeComparison} against what is known without it: an identity flow's coarse field at level 1 is the
 * preprocessed corner spin of each block, so its sign is the decimation block spin, whose information kept core's
 * {@link RuleInformation} measures independently; correlations of variables with a known correlation.
 */
class LatticeComparisonTest {

    static final double TC = 2 / Math.log(1 + Math.sqrt(2));

    /** Independent configurations of the 4×4 Ising model at T_c, drawn exactly. */
    static byte[][] exactSamples(int n, long seed) {
        return new ExactSampler(Enumeration.boltzmann(IsingModel.atTemperature(Lattice.square(4), TC)))
                .sample(n, new SplittableRandom(seed));
    }

    static ReductionInput input(byte[][] spins, Lattice lattice) {
        double[][] columns = new double[lattice.siteCount()][spins.length];
        for (int r = 0; r < spins.length; r++) {
            for (int i = 0; i < columns.length; i++) {
                columns[i][r] = spins[r][i];
            }
        }
        return new ReductionInput("exact 4×4 Ising samples", columns, lattice, spins);
    }

    /**
     * The identity flow's sign at level 1 is decimation: I(sign : E) equals RuleInformation's I(H:E) for
     * {@link Decimation} with the rule's own blocks, buffer 0, environment 1, summed environment, Miller–Madow — the
     * same estimate on the same rows, so equal to rounding; and corr(sign, majority) is that of the corner spin and the
     * majority spin, computed here directly.
     */
    @Test
    void identityFlowIsDecimation() {
        Lattice lattice = Lattice.square(4);
        byte[][] spins = exactSamples(3000, 1);
        LatticeComparison c = LatticeComparison.of(input(spins, lattice), LatticeKlTest.identity(4), SpinQuantisation.TWO_LEVEL, 1,
                false, 50, 5);
        assertThat(c.levels()).hasSize(1);
        LatticeComparison.Level level = c.levels().get(0);
        assertThat(level.blocks()).isEqualTo(4);
        DiscreteInformation information = new DiscreteInformation(EntropyEstimator.named("miller-madow"), 50, 9);
        BlockInformation.KeptInformation decimation = new RuleInformation(information).kept(lattice,
                new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), spins), new Decimation(2),
                new BlockGeometry(lattice, 2, 0, 1), RuleInformation.Positions.BLOCKS, RuleInformation.Environment.SUM,
                1);
        Estimate sign = kept(level, LatticeComparison.FLOW_SIGN);
        assertThat(sign.mean()).isCloseTo(decimation.coarseEnvironment().mean(), within(1e-12));
        assertThat(sign.error()).isPositive();
        assertThat(kept(level, LatticeComparison.BLOCK_SUM).mean()).as("the block sum carries more than one spin")
                .isGreaterThan(sign.mean());
        // corner spin vs block sum, directly: φ₁ = x = 2y − 1 with y the half's midpoint, an affine map of the spin
        double[][] corner = new double[spins.length][4];
        for (int r = 0; r < spins.length; r++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    corner[r][a * 2 + b] = spins[r][(2 * a) * 4 + 2 * b];
                }
            }
        }
        LatticeComparison.Pair direct = LatticeComparison.pair("corner", corner, "sum",
                LatticeComparison.blockSums(spins, 4, 2));
        LatticeComparison.Pair fromFlow = pair(level, LatticeComparison.FLOW, LatticeComparison.BLOCK_SUM);
        assertThat(fromFlow.correlation().mean()).isCloseTo(direct.correlation().mean(), within(1e-6));
    }

    /**
     * y = x + noise with x, noise independent N(0, 1): ρ = 1/√2, ρ² = ½ at each of 3 blocks. The sample correlation's
     * standard deviation is (1 − ρ²)/√n per block, so the mean over 3 blocks has σ = ½/√(3n) (and ρ² has 2ρσ): the means
     * within 4σ (false-failure rate 6·10⁻⁵ each); the jackknife's error within [0.4, 2.5]σ (its square is about σ²·χ²₁₉/19:
     * false-failure rate about 10⁻⁴).
     */
    @Test
    void correlationOfAKnownPair() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 5000;
        double[][] x = new double[n][3];
        double[][] y = new double[n][3];
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < 3; s++) {
                x[r][s] = random.nextGaussian();
                y[r][s] = x[r][s] + random.nextGaussian();
            }
        }
        LatticeComparison.Pair p = LatticeComparison.pair("x", x, "y", y);
        double sigma = 0.5 / Math.sqrt(3.0 * n);
        double rho = Math.sqrt(0.5);
        assertThat(p.correlation().mean()).as("%s", p.correlation()).isCloseTo(rho, within(4 * sigma));
        assertThat(p.rSquared().mean()).as("%s", p.rSquared()).isCloseTo(0.5, within(4 * 2 * rho * sigma));
        assertThat(p.correlation().error()).isBetween(0.4 * sigma, 2.5 * sigma);
        assertThat(p.rSquared().error()).isBetween(0.4 * 2 * rho * sigma, 2.5 * 2 * rho * sigma);
    }

    private static Estimate kept(LatticeComparison.Level level, String name) {
        return level.kept().stream().filter(k -> k.variable().equals(name)).findFirst().orElseThrow().information();
    }

    private static LatticeComparison.Pair pair(LatticeComparison.Level level, String first, String second) {
        List<LatticeComparison.Pair> pairs = level.pairs();
        return pairs.stream().filter(p -> p.first().equals(first) && p.second().equals(second)).findFirst()
                .orElseThrow();
    }
}
