package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.info.BlockGeometry;
import dev.coarse.info.DiscreteInformation;
import dev.coarse.info.EntropyEstimator;
import dev.coarse.info.RuleInformation;
import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.rg.CoarseGraining;
import dev.coarse.rg.Coarsener;
import dev.coarse.rg.Decimation;
import dev.coarse.rg.LinearFilterRule;
import dev.coarse.rg.MajorityRule;
import dev.coarse.rg.MatchedMcrg;
import dev.coarse.rg.Mcrg;
import dev.coarse.rg.OperatorSet;
import dev.coarse.rg.RuleLearner;
import dev.coarse.rg.TieBreak;
import dev.coarse.stats.Estimate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuleFlowAnalysisTest {

    private static final Lattice LATTICE = Lattice.square(16);
    private static final double K = 0.3;
    private static DiscreteConfigurations data;

    @BeforeAll
    static void sample() {
        byte[][] configs = ChainRunner.run(new RunSpec(IsingModel.atCoupling(LATTICE, K), SamplerKind.SWENDSEN_WANG,
                1200, 100, 3, 2, 17L, 1), null).configurations();
        data = new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), configs);
    }

    private static RuleFlowAnalysis.Settings settings(int steps) {
        return new RuleFlowAnalysis.Settings(steps, 0, 1, RuleInformation.Environment.SUM,
                RuleInformation.Positions.ALL, EntropyEstimator.named("miller-madow"), 20,
                OperatorSet.standardEven(2).truncate(2), OperatorSet.standardOdd(2).truncate(1), 10,
                OperatorSet.of(2, "nn", "nnn"), 300, 10);
    }

    @Test
    void measuresEveryLevelOfAFixedRule() {
        AtomicInteger ticks = new AtomicInteger();
        RuleFlowResult r = RuleFlowAnalysis.analyse(LATTICE, data, RuleLearner.fixed(new MajorityRule(2)),
                settings(2), 9, ticks::incrementAndGet);
        assertThat(ticks.get()).isEqualTo(2 + 1 + 3);
        assertThat(r.levels()).hasSize(3);
        RuleFlowResult.Level zero = r.levels().get(0);
        assertThat(zero.information()).isEmpty();
        Estimate nn = zero.couplings().orElseThrow().get("nn");
        assertThat(nn.sigmasFrom(K)).as("level-0 nn %s vs K = %s", nn, K).isLessThanOrEqualTo(4.0);
        assertThat(zero.couplings().orElseThrow().samples()).isEqualTo(300);
        for (RuleFlowResult.Level level : r.levels().subList(1, 3)) {
            assertThat(level.information().keySet()).containsExactlyElementsOf(RuleFlowResult.INFORMATION);
            assertThat(level.information("kept_fraction").mean()).isBetween(0.0, 1.0);
            assertThat(level.yT().mean()).isFinite();
            assertThat(level.yH().mean()).isFinite();
            assertThat(level.couplings()).isPresent();
        }
        assertThat(r.levels().get(2).linearSize()).isEqualTo(4);
        assertThat(r.levels().get(2).scale()).isEqualTo(4.0);
        assertThat(RuleFlowResult.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());
    }

    @Test
    void aLearnedRuleIsMeasuredLikeTheFixedRuleItEquals() {
        // uniform weights with ties to the first site: the majority rule with fixed ties, handed over as if learned
        RuleLearner learned = (level, lattice, configurations, seed) -> new LinearFilterRule(2,
                new double[] {1, 1, 1, 1}, TieBreak.FIXED_SITE);
        RuleFlowResult a = RuleFlowAnalysis.analyse(LATTICE, data, learned, settings(2), 9, () -> { });
        RuleFlowResult b = RuleFlowAnalysis.analyse(LATTICE, data,
                RuleLearner.fixed(new MajorityRule(2, TieBreak.FIXED_SITE)), settings(2), 9, () -> { });
        for (int n = 1; n <= 2; n++) {
            assertThat(a.levels().get(n).information()).isEqualTo(b.levels().get(n).information());
            assertThat(a.levels().get(n).yH()).isEqualTo(b.levels().get(n).yH());
        }
        // and the step's numbers are RuleInformation's on the same level
        var kept = new RuleInformation(new DiscreteInformation(EntropyEstimator.named("miller-madow"), 20,
                StageContext.mix(9 + 7919L))).kept(LATTICE, data, new Decimation(2), new BlockGeometry(LATTICE, 2, 0, 1),
                RuleInformation.Positions.ALL, RuleInformation.Environment.SUM, StageContext.mix(StageContext.mix(9 + 7919L)));
        RuleFlowResult decimation = RuleFlowAnalysis.analyse(LATTICE, data, RuleLearner.fixed(new Decimation(2)),
                settings(1), 9, () -> { });
        assertThat(decimation.levels().get(1).information("mi")).isEqualTo(kept.coarseEnvironment());
    }

    @Test
    void aRuleToSeveralComponentsGetsInformationButNoCouplingsOrExponents() {
        CoarseGraining twoCorners = new TwoCorners();
        RuleFlowResult r = RuleFlowAnalysis.analyse(LATTICE, data, RuleLearner.fixed(twoCorners), settings(1), 3,
                () -> { });
        RuleFlowResult.Level one = r.levels().get(1);
        assertThat(one.information("mi").mean()).isPositive();
        assertThat(one.couplings()).isEmpty();
        assertThat(one.yT().mean()).isNaN();
        assertThat(r.toJson().get("levels").get(1).get("y_t").get("mean").isNull()).isTrue();
    }

    @Test
    void matchedLevelNReplaysTheLRunsRulesOnTheSmallRun() {
        // two different rules, as a flow learned again at each level would have: majority (first-site ties) at step 1,
        // the majority of the block's first three sites at step 2
        CoarseGraining first = new MajorityRule(2, TieBreak.FIXED_SITE);
        CoarseGraining second = new LinearFilterRule(2, new double[] {1, 1, 1, 0}, TieBreak.FIXED_SITE);
        RuleLearner perLevel = (level, lattice, configurations, seed) -> level == 0 ? first : second;
        Lattice half = Lattice.square(8);
        byte[][] small = ChainRunner.run(new RunSpec(IsingModel.atCoupling(half, K), SamplerKind.SWENDSEN_WANG,
                1200, 100, 3, 2, 18L, 1), null).configurations();
        RuleFlowResult r = RuleFlowAnalysis.analyse(LATTICE, data, perLevel, settings(2),
                new RuleFlowAnalysis.Matched(half, new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), small),
                        MatchedMcrg.Form.COUPLINGS), 9, () -> { });

        // the L run: 16 → 8 → 4 by the two rules; the L/b run: 8 → 4 by the L run's FIRST rule (the same step, at the
        // same couplings K⁽⁰⁾ → K⁽¹⁾), not by the second (the one the L run used on an 8×8 lattice)
        byte[][] one = Coarsener.apply(data.values(), LATTICE, first, 1);
        List<byte[][]> large = List.of(data.values(), one, Coarsener.apply(one, half, second, 1));
        List<Lattice> largeLattices = List.of(LATTICE, half, Lattice.square(4));
        List<Mcrg.Level> expected = MatchedMcrg.analyse(large, largeLattices,
                List.of(small, Coarsener.apply(small, half, first, 1)), List.of(half, Lattice.square(4)),
                settings(2).even(), settings(2).odd(), 10, MatchedMcrg.Form.COUPLINGS);
        List<Mcrg.Level> otherRule = MatchedMcrg.analyse(large, largeLattices,
                List.of(small, Coarsener.apply(small, half, second, 1)), List.of(half, Lattice.square(4)),
                settings(2).even(), settings(2).odd(), 10, MatchedMcrg.Form.COUPLINGS);
        for (int n = 1; n <= 2; n++) {
            assertThat(r.levels().get(n).matchedYT()).isEqualTo(expected.get(n - 1).yT());
            assertThat(r.levels().get(n).matchedYH()).isEqualTo(expected.get(n - 1).yH());
        }
        assertThat(r.levels().get(2).matchedYH()).isNotEqualTo(otherRule.get(1).yH());
        assertThat(r.levels().get(0).matched()).isFalse();
        assertThat(RuleFlowResult.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());

        // an L/b ensemble that is not L/b, and matched MCRG with MCRG off, are refused
        assertThatThrownBy(() -> RuleFlowAnalysis.analyse(LATTICE, data, perLevel, settings(2),
                new RuleFlowAnalysis.Matched(LATTICE, data, MatchedMcrg.Form.COUPLINGS), 9, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same size");
        RuleFlowAnalysis.Settings noMcrg = new RuleFlowAnalysis.Settings(1, 0, 1, RuleInformation.Environment.SUM,
                RuleInformation.Positions.BLOCKS, EntropyEstimator.named("plugin"), 2, null, null, 10, null, 0, 10);
        assertThatThrownBy(() -> RuleFlowAnalysis.analyse(LATTICE, data, perLevel, noMcrg,
                new RuleFlowAnalysis.Matched(half, new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), small),
                        MatchedMcrg.Form.COUPLINGS), 9, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MCRG operators are off");
    }

    /** Two hidden spins per 2×2 block: the block's first and last site (a stand-in for a two-variable learned filter). */
    private static final class TwoCorners implements CoarseGraining {

        @Override
        public String name() {
            return "two-corners";
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
            return DegreesOfFreedom.isingSpins().withComponents(2);
        }

        @Override
        public void apply(Lattice fine, byte[] f, byte[] coarse, java.util.random.RandomGenerator rng) {
            var blocks = fine.blocks(2);
            for (int k = 0; k < blocks.blockCount(); k++) {
                int[] sites = blocks.sitesOf(k);
                coarse[2 * k] = f[sites[0]];
                coarse[2 * k + 1] = f[sites[3]];
            }
        }
    }
}
