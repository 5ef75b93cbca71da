package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.info.BlockInformation.EnvironmentCode;
import dev.coarse.info.BlockInformation.KeptInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockInformationTest {

    private static final Lattice TORUS = Lattice.square(4);
    private static final int SAMPLES = 8_000;
    /** Decimation of a 2×2 block: keep the block's first site (digit 0 of the pattern code). */
    private static final IntUnaryOperator DECIMATION = code -> code & 1;
    /** Majority of a 2×2 block, ties broken by the first site. */
    private static final IntUnaryOperator MAJORITY = code -> {
        int up = Integer.bitCount(code & 0xF);
        return up > 2 ? 1 : up < 2 ? 0 : code & 1;
    };

    private static ExactDistribution exact;
    private static byte[][] configs;

    @BeforeAll
    static void sample() {
        exact = Enumeration.boltzmann(IsingModel.atCoupling(TORUS, 0.4));
        configs = IsingSamples.exact(exact, SAMPLES, 77);
    }

    private static BlockInformation measures(String estimator) {
        return new BlockInformation(TORUS, 2, new DiscreteInformation(EntropyEstimator.named(estimator), 40, 3));
    }

    @Test
    void geometryShellSizes() {
        BlockGeometry g = new BlockGeometry(Lattice.square(8), 2, 1, 2);
        assertThat(g.visibleSites(0)).hasSize(4);
        assertThat(g.bufferSites(0)).hasSize(16 - 4);
        assertThat(g.environmentSites(0)).hasSize(64 - 16).doesNotContain(g.bufferSites(0))
                .doesNotContain(g.visibleSites(0)).doesNotHaveDuplicates();
        BlockGeometry cubic = new BlockGeometry(Lattice.cubic(6), 2, 0, 2);
        assertThat(cubic.environmentSites(5)).hasSize(216 - 8).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new BlockGeometry(Lattice.square(4), 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the lattice");
    }

    @Test
    void siteEnvironmentInformationMatchesEnumeration() {
        BlockGeometry g = new BlockGeometry(TORUS, 1, 0, 1);
        double expected = ExactInformation.mutualInformation(exact, g.visibleSites(0), g.environmentSites(0));
        for (boolean all : new boolean[] {false, true}) {
            Estimate e = measures("miller-madow").visibleEnvironment(configs, g, all, EnvironmentCode.PATTERN);
            assertThat(e.sigmasFrom(expected)).as("all positions %s: %s vs %s", all, e, expected)
                    .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
        }
        // the sum of the environment is a function of it: a lower bound (exact for the plug-in estimate)
        BlockInformation plugin = measures("plugin");
        assertThat(plugin.visibleEnvironment(configs, g, true, EnvironmentCode.SUM).mean())
                .isLessThanOrEqualTo(plugin.visibleEnvironment(configs, g, true, EnvironmentCode.PATTERN).mean());
    }

    @Test
    void blockBlockInformationMatchesEnumeration() {
        int[] first = BlockGeometry.blockSites(TORUS, 2, 0);
        int[] second = BlockGeometry.blockSites(TORUS, 2, TORUS.site(2, 0));
        double expected = ExactInformation.mutualInformation(exact, first, second);
        Estimate e = measures("nsb").blockBlock(configs, 2, 2, true);
        assertThat(e.sigmasFrom(expected)).as("%s vs %s", e, expected).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
        assertThatThrownBy(() -> measures("nsb").blockBlock(configs, 2, 1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keptInformationOfDecimationAndMajority() {
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        double[] visible = ExactInformation.marginal(exact, g.visibleSites(0));
        double hVisible = ExactInformation.entropy(visible);
        for (IntUnaryOperator rule : new IntUnaryOperator[] {DECIMATION, MAJORITY}) {
            double[] coarse = new double[2];
            for (int code = 0; code < visible.length; code++) {
                coarse[rule.applyAsInt(code)] += visible[code];
            }
            double loss = hVisible - ExactInformation.entropy(coarse);
            KeptInformation kept = measures("plugin").keptInformation(configs, g, rule, true, EnvironmentCode.PATTERN);
            assertThat(kept.lossGivenCoarse().sigmasFrom(loss)).as("%s vs %s", kept.lossGivenCoarse(), loss)
                    .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
            // data processing: H = R(V) cannot know more about E than V does (exact for the plug-in estimate)
            assertThat(kept.keptFraction().mean()).isBetween(0.0, 1.0);
            assertThat(kept.coarseEnvironment().mean()).isLessThanOrEqualTo(kept.visibleEnvironment().mean());
        }
    }

    @Test
    void visibleEnvironmentProfileOnARingMatchesEnumerationAndDecays() {
        Lattice ring = Lattice.chain(16);
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(ring, 0.8));
        byte[][] samples = IsingSamples.exact(d, SAMPLES, 31);
        int[] buffers = {0, 1, 2, 3};
        BlockInformation blocks = new BlockInformation(ring, 2,
                new DiscreteInformation(new MillerMadowEntropy(), 40, 5));
        Estimate[] profile = blocks.visibleEnvironmentProfile(samples, 2, buffers, 1, true, EnvironmentCode.PATTERN);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < buffers.length; i++) {
            BlockGeometry g = new BlockGeometry(ring, 2, buffers[i], 1);
            double expected = ExactInformation.mutualInformation(d, g.visibleSites(0), g.environmentSites(0));
            assertThat(expected).isLessThan(previous);
            previous = expected;
            assertThat(profile[i].sigmasFrom(expected)).as("L_B = %d: %s vs %s", buffers[i], profile[i], expected)
                    .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
        }
    }

    /**
     * The table the measures are built from, written out directly: V as the block pattern, E as the digit sum
     * of {@link BlockGeometry#environmentSites}, H = rule(V), block at every site, clusters of one configuration.
     */
    private static SymbolTable directTable(Lattice lattice, int q, byte[][] samples, BlockGeometry g,
            IntUnaryOperator rule) {
        int positions = lattice.siteCount();
        long[][] columns = new long[3][samples.length * positions];
        int r = 0;
        for (byte[] config : samples) {
            for (int corner = 0; corner < positions; corner++) {
                int[] v = g.visibleSites(corner);
                long pattern = 0;
                for (int j = v.length - 1; j >= 0; j--) {
                    pattern = pattern * q + Math.max(0, config[v[j]]);
                }
                long sum = 0;
                for (int s : g.environmentSites(corner)) {
                    sum += Math.max(0, config[s]);
                }
                columns[0][r] = pattern;
                columns[1][r] = sum;
                columns[2][r] = rule.applyAsInt((int) pattern);
                r++;
            }
        }
        double kv = Math.pow(q, g.visibleSites(0).length);
        double ke = (double) g.environmentSites(0).length * (q - 1) + 1;
        return SymbolTable.ofColumns(columns, new double[] {kv, ke, 0}, positions);
    }

    @Test
    void shellSumsAndPerConfigurationCountsEqualTheDirectComputation() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        Object[][] cases = {{Lattice.chain(12), 2, 2, 1, 3}, {Lattice.square(9), 3, 2, 1, 2},
            {Lattice.square(8), 2, 1, 2, 1}, {Lattice.cubic(6), 2, 2, 0, 2},
            // 5^9 block patterns × 65 shell sums: too many joint keys to count per configuration, so the
            // measures come from the table of rows instead
            {Lattice.square(7), 5, 3, 0, 1}};
        for (Object[] c : cases) {
            Lattice lattice = (Lattice) c[0];
            int q = (int) c[1];
            BlockGeometry g = new BlockGeometry(lattice, (int) c[2], (int) c[3], (int) c[4]);
            byte[][] samples = new byte[30][lattice.siteCount()];
            for (byte[] config : samples) {
                for (int s = 0; s < config.length; s++) {
                    // Ising spins as -1/+1, Potts states as 0..q-1
                    config[s] = (byte) (q == 2 ? 2 * random.nextInt(2) - 1 : random.nextInt(q));
                }
            }
            IntUnaryOperator rule = code -> code % 3;
            SymbolTable t = directTable(lattice, q, samples, g, rule);
            // NSB uses the alphabet sizes, Miller–Madow the observed symbol counts
            for (EntropyEstimator estimator : new EntropyEstimator[] {new MillerMadowEntropy(), new NsbEntropy()}) {
                DiscreteInformation information = new DiscreteInformation(estimator, 20, 9);
                BlockInformation blocks = new BlockInformation(lattice, q, information);
                int[] v = {0};
                int[] e = {1};
                int[] h = {2};
                assertThat(blocks.visibleEnvironment(samples, g, true, EnvironmentCode.SUM)).as("%s", g)
                        .isEqualTo(information.mutualInformation(t, v, e));
                KeptInformation kept = blocks.keptInformation(samples, g, rule, true, EnvironmentCode.SUM);
                assertThat(kept.visibleEnvironment()).as("%s", g).isEqualTo(information.mutualInformation(t, v, e));
                assertThat(kept.coarseEnvironment()).as("%s", g).isEqualTo(information.mutualInformation(t, h, e));
                assertThat(kept.keptFraction()).as("%s", g).isEqualTo(information.ofEntropies(t,
                        new int[][] {v, e, {0, 1}, h, {2, 1}}, x -> (x[3] + x[1] - x[4]) / (x[0] + x[1] - x[2])));
                assertThat(kept.lossGivenCoarse()).as("%s", g).isEqualTo(information.conditionalEntropy(t, v, h));
            }
        }
    }
}
