package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.exact.DimerCoverings;
import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.info.BlockInformation.EnvironmentCode;
import dev.coarse.info.BlockInformation.KeptInformation;
import dev.coarse.info.RuleInformation.Environment;
import dev.coarse.info.RuleInformation.Positions;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.BlockPatternRule;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Decimation;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.TieBreak;
import dev.coarse.stats.Estimate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RuleInformation} against enumeration of the 4×4 torus — Ising spins with majority and decimation, close-packed
 * dimers with a rule on bonds — against {@link BlockInformation} where both apply, and through the sample-estimator
 * hook.
 */
class RuleInformationTest {

    private static final Lattice TORUS = Lattice.square(4);
    private static final int SAMPLES = 20_000;
    private static final DimerModel DIMERS = new DimerModel(TORUS, -1.0, 1.0);

    private static ExactDistribution ising;
    private static DiscreteConfigurations spins;
    private static DimerCoverings coverings;
    private static double[] coveringProbabilities;
    private static DiscreteConfigurations dimers;

    @BeforeAll
    static void sample() {
        ising = Enumeration.boltzmann(IsingModel.atCoupling(TORUS, 0.4));
        spins = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), IsingSamples.exact(ising, SAMPLES, 5));
        coverings = DimerCoverings.of(TORUS);
        coveringProbabilities = coverings.probabilities(DIMERS);
        byte[][] drawn = new byte[SAMPLES][];
        RandomGenerator rng = new SplittableRandom(6);
        for (int i = 0; i < SAMPLES; i++) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < coveringProbabilities.length - 1 && (u -= coveringProbabilities[k]) > 0) {
                k++;
            }
            drawn[i] = coverings.covering(k);
        }
        dimers = new DiscreteConfigurations(DegreesOfFreedom.bondOccupations(), drawn);
    }

    private static RuleInformation measures(String estimator) {
        return new RuleInformation(new DiscreteInformation(EntropyEstimator.named(estimator), 40, 3));
    }

    @Test
    void isingRulesMatchEnumerationAtTheRulesBlocksAndEverywhere() {
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        for (CoarseGraining rule : new CoarseGraining[] {new MajorityRule(2, TieBreak.FIXED_SITE), new Decimation(2)}) {
            IntUnaryOperator table = BlockPatternRule.of(rule, 2, 2);
            Exact exact = Exact.ising(ising, corner -> spinPattern(corner),
                    (config, corner) -> table.applyAsInt((int) spinPattern(corner).applyAsLong(config)));
            for (Positions positions : Positions.values()) {
                // the full pattern of 12 spins makes the joint (V,E) the whole torus: 2^16 symbols, undersampled here
                for (Environment environment : new Environment[] {Environment.SUM, Environment.STAGGERED}) {
                    KeptInformation kept = measures("miller-madow").kept(TORUS, spins, rule, g, positions,
                            environment, 1);
                    exact.check(kept, environment, rule + " " + positions + " " + environment);
                }
            }
        }
    }

    @Test
    void aRuleOnDimerBondsMatchesEnumeration() {
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        CoarseGraining rule = new BondCorner();
        Exact exact = Exact.dimers(coverings, coveringProbabilities);
        for (Positions positions : Positions.values()) {
            for (Environment environment : Environment.values()) {
                KeptInformation kept = measures("miller-madow").kept(TORUS, dimers, rule, g, positions, environment,
                        1);
                exact.check(kept, environment, "bond corner " + positions + " " + environment);
            }
        }
    }

    @Test
    void givesBlockInformationsNumbersForASpinRule() {
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        MajorityRule rule = new MajorityRule(2, TieBreak.FIXED_SITE);
        for (EnvironmentCode code : EnvironmentCode.values()) {
            KeptInformation tabulated = new BlockInformation(TORUS, 2, new DiscreteInformation(
                    EntropyEstimator.named("nsb"), 40, 3)).keptInformation(spins.values(), g,
                    BlockPatternRule.of(rule, 2, 2), true, code);
            KeptInformation measured = measures("nsb").kept(TORUS, spins, rule, g, Positions.ALL,
                    Environment.valueOf(code.name()), 1);
            Estimate[] a = {tabulated.visibleEnvironment(), tabulated.coarseEnvironment(), tabulated.keptFraction(),
                tabulated.lossGivenCoarse()};
            Estimate[] b = {measured.visibleEnvironment(), measured.coarseEnvironment(), measured.keptFraction(),
                measured.lossGivenCoarse()};
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i].mean()).as("%s measure %d", code, i).isCloseTo(a[i].mean(),
                        org.assertj.core.data.Offset.offset(Tolerances.EXACT));
                assertThat(b[i].error()).as("%s error %d", code, i).isCloseTo(a[i].error(),
                        org.assertj.core.data.Offset.offset(Tolerances.EXACT));
            }
        }
    }

    @Test
    void pluginKeepsTheDataProcessingInequalityAndTheHookSeesTheSameRows() {
        BlockGeometry g = new BlockGeometry(TORUS, 2, 0, 1);
        CoarseGraining rule = new BondCorner();
        KeptInformation discrete = measures("plugin").kept(TORUS, dimers, rule, g, Positions.BLOCKS,
                Environment.PATTERN, 1);
        assertThat(discrete.coarseEnvironment().mean()).isLessThanOrEqualTo(discrete.visibleEnvironment().mean());
        // a "sample estimator" that is the plug-in MI of the rows: the hook must reproduce the discrete numbers
        RuleInformation.SampleMutualInformation pluginOfRows = (x, y) -> Estimate.of(pluginMi(x, y), 0.01);
        KeptInformation hooked = measures("plugin").kept(TORUS, dimers, rule, g, Positions.BLOCKS, 1,
                Integer.MAX_VALUE, pluginOfRows);
        assertThat(hooked.visibleEnvironment().mean()).isCloseTo(discrete.visibleEnvironment().mean(),
                org.assertj.core.data.Offset.offset(Tolerances.EXACT));
        assertThat(hooked.coarseEnvironment().mean()).isCloseTo(discrete.coarseEnvironment().mean(),
                org.assertj.core.data.Offset.offset(Tolerances.EXACT));
        assertThat(hooked.lossGivenCoarse().mean()).isCloseTo(discrete.lossGivenCoarse().mean(),
                org.assertj.core.data.Offset.offset(Tolerances.EXACT));
        assertThat(hooked.keptFraction().error()).isPositive();

        RuleInformation.Features f = RuleInformation.features(TORUS, dimers, rule, g, Positions.ALL, 1, 100);
        assertThat(f.rowsPerConfiguration()).isEqualTo(16);
        assertThat(f.visible()).hasNumberOfRows(112);
        assertThat(f.visible()[111]).hasSize(8);
        assertThat(f.environment()[0]).hasSize(24);
        assertThat(f.coarse()[0]).hasSize(2);
    }

    @Test
    void refusesWhatItCannotMeasure() {
        BlockGeometry g = new BlockGeometry(Lattice.square(8), 2, 0, 1);
        DiscreteConfigurations eight = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(),
                new byte[][] {new byte[64]});
        RuleInformation m = measures("plugin");
        assertThatThrownBy(() -> m.kept(Lattice.square(8), eight, new MajorityRule(4), g, Positions.ALL,
                Environment.SUM, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale factor");
        assertThatThrownBy(() -> m.kept(TORUS, spins, new MajorityRule(2), g, Positions.ALL, Environment.SUM, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geometry is for");
        assertThatThrownBy(() -> m.kept(TORUS, spins, new BondCorner(), new BlockGeometry(TORUS, 2, 0, 1),
                Positions.ALL, Environment.SUM, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bond-corner");
    }

    /** Plug-in I(X;Y) of rows of numbers, each row one joint symbol. */
    private static double pluginMi(double[][] x, double[][] y) {
        Map<String, Integer> cx = new HashMap<>();
        Map<String, Integer> cy = new HashMap<>();
        Map<String, Integer> cxy = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            String a = java.util.Arrays.toString(x[i]);
            String b = java.util.Arrays.toString(y[i]);
            cx.merge(a, 1, Integer::sum);
            cy.merge(b, 1, Integer::sum);
            cxy.merge(a + "|" + b, 1, Integer::sum);
        }
        return entropy(cx, x.length) + entropy(cy, x.length) - entropy(cxy, x.length);
    }

    private static double entropy(Map<String, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return h;
    }

    /** The 2×2 block's spin digits (row-major offsets, digit 0 least significant) at a corner of the 4×4 torus. */
    private static java.util.function.ToLongFunction<byte[]> spinPattern(int corner) {
        int[] sites = blockSites(corner);
        return config -> {
            long code = 0;
            for (int j = sites.length - 1; j >= 0; j--) {
                code = code * 2 + (config[sites[j]] > 0 ? 1 : 0);
            }
            return code;
        };
    }

    /** The block of the 2×2 block at {@code corner}, written out without {@link BlockGeometry}. */
    private static int[] blockSites(int corner) {
        int x = corner / 4;
        int y = corner % 4;
        return new int[] {TORUS.site(x, y), TORUS.site(x, y + 1), TORUS.site(x + 1, y), TORUS.site(x + 1, y + 1)};
    }

    /**
     * The exact measures of one rule on the 4×4 torus with a 2×2 block and the width-1 shell — all 12 other sites —
     * from the enumerated distribution, with the block at the origin: the torus is translation invariant, so the law of
     * (V, E, H) is the same at every corner, and the pooled positions the estimator reads have that law too (E listed
     * relative to the corner). Symbols are strings, built without any code under test.
     */
    private record Exact(Map<String, Double> v, Map<String, Double> h, Map<String, Double> vh,
                         Map<Environment, Map<String, Double>> e, Map<Environment, Map<String, Double>> ve,
                         Map<Environment, Map<String, Double>> he) {

        interface Coarse {
            int of(byte[] config, int corner);
        }

        static Exact ising(ExactDistribution d, java.util.function.IntFunction<java.util.function.ToLongFunction<byte[]>>
                pattern, Coarse rule) {
            Exact out = empty();
            for (int code = 0; code < d.stateCount(); code++) {
                byte[] config = d.decode(code);
                String v = Long.toString(pattern.apply(0).applyAsLong(config));
                String h = Integer.toString(rule.of(config, 0));
                out.add(d.probabilities()[code], v, h, environments(config, 0, 1));
            }
            return out;
        }

        static Exact dimers(DimerCoverings coverings, double[] probabilities) {
            Exact out = empty();
            for (int k = 0; k < coverings.count(); k++) {
                byte[] config = coverings.covering(k);
                StringBuilder v = new StringBuilder();
                for (int s : blockSites(0)) {
                    v.append(config[2 * s]).append(config[2 * s + 1]);
                }
                String h = "" + config[0] + config[1];
                out.add(probabilities[k], v.toString(), h, environments(config, 0, 2));
            }
            return out;
        }

        /** E's pattern, digit sum and staggered sums for values per site 1 (spins) or 2 (x- and y-bond). */
        private static Map<Environment, String> environments(byte[] config, int corner, int perSite) {
            int[] block = blockSites(corner);
            StringBuilder pattern = new StringBuilder();
            int sum = 0;
            int[] staggered = new int[perSite];
            for (int s = 0; s < 16; s++) {
                int site = s;
                if (java.util.Arrays.stream(block).anyMatch(b -> b == site)) {
                    continue;
                }
                int sign = (s / 4 + s % 4) % 2 == 0 ? 1 : -1;
                for (int j = 0; j < perSite; j++) {
                    int digit = Math.max(0, config[s * perSite + j]);
                    pattern.append(digit);
                    sum += digit;
                    staggered[j] += sign * digit;
                }
            }
            return Map.of(Environment.PATTERN, pattern.toString(), Environment.SUM, Integer.toString(sum),
                    Environment.STAGGERED, java.util.Arrays.toString(staggered));
        }

        static Exact empty() {
            Map<Environment, Map<String, Double>> e = new HashMap<>();
            Map<Environment, Map<String, Double>> ve = new HashMap<>();
            Map<Environment, Map<String, Double>> he = new HashMap<>();
            for (Environment code : Environment.values()) {
                e.put(code, new HashMap<>());
                ve.put(code, new HashMap<>());
                he.put(code, new HashMap<>());
            }
            return new Exact(new HashMap<>(), new HashMap<>(), new HashMap<>(), e, ve, he);
        }

        void add(double p, String vs, String hs, Map<Environment, String> environments) {
            v.merge(vs, p, Double::sum);
            h.merge(hs, p, Double::sum);
            vh.merge(vs + "|" + hs, p, Double::sum);
            environments.forEach((code, es) -> {
                e.get(code).merge(es, p, Double::sum);
                ve.get(code).merge(vs + "|" + es, p, Double::sum);
                he.get(code).merge(hs + "|" + es, p, Double::sum);
            });
        }

        void check(KeptInformation kept, Environment code, String what) {
            double ive = entropy(v) + entropy(e.get(code)) - entropy(ve.get(code));
            double ihe = entropy(h) + entropy(e.get(code)) - entropy(he.get(code));
            double loss = entropy(vh) - entropy(h);
            assertThat(kept.visibleEnvironment().sigmasFrom(ive)).as("%s I(V:E) %s vs %s", what,
                    kept.visibleEnvironment(), ive).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
            assertThat(kept.coarseEnvironment().sigmasFrom(ihe)).as("%s I(H:E) %s vs %s", what,
                    kept.coarseEnvironment(), ihe).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
            assertThat(kept.keptFraction().sigmasFrom(ihe / ive)).as("%s fraction %s vs %s", what,
                    kept.keptFraction(), ihe / ive).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
            assertThat(kept.lossGivenCoarse().sigmasFrom(loss)).as("%s H(V|H) %s vs %s", what,
                    kept.lossGivenCoarse(), loss).isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
        }

        private static double entropy(Map<String, Double> p) {
            double h = 0;
            for (double x : p.values()) {
                if (x > 0) {
                    h -= x * Math.log(x);
                }
            }
            return h;
        }
    }

    /**
     * Decimation for bonds, a rule no fixed spin rule covers: the coarse site keeps the x- and y-bond occupations
     * of its block's corner site (two components).
     */
    static final class BondCorner implements CoarseGraining {

        @Override
        public String name() {
            return "bond-corner";
        }

        @Override
        public double scaleFactor() {
            return 2;
        }

        @Override
        public Lattice coarseLattice(Lattice fine) {
            return fine.blocks(2).coarse();
        }

        @Override
        public DegreesOfFreedom coarseDegreesOfFreedom(DegreesOfFreedom fine) {
            if (!fine.equals(DegreesOfFreedom.bondOccupations())) {
                throw new IllegalArgumentException("the bond-corner rule reads bond occupations, not " + fine);
            }
            return new DegreesOfFreedom(DegreesOfFreedom.Values.OCCUPATION, 2, DegreesOfFreedom.Support.SITES, 2);
        }

        @Override
        public void apply(Lattice fine, byte[] fineConfiguration, byte[] coarseConfiguration, RandomGenerator rng) {
            var blocks = fine.blocks(2);
            for (int k = 0; k < blocks.blockCount(); k++) {
                int corner = blocks.sitesOf(k)[0];
                coarseConfiguration[2 * k] = fineConfiguration[2 * corner];
                coarseConfiguration[2 * k + 1] = fineConfiguration[2 * corner + 1];
            }
        }
    }
}
