package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.Configurations;
import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.lattice.Lattice;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RuleFlowTest {

    private static final Lattice LATTICE = Lattice.square(16);

    private static DiscreteConfigurations randomSpins(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[][] out = new byte[count][LATTICE.siteCount()];
        for (byte[] c : out) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (byte) (rng.nextBoolean() ? 1 : -1);
            }
        }
        return new DiscreteConfigurations(DegreesOfFreedom.isingSpins(), out);
    }

    @Test
    void aFixedRuleFlowsExactlyAsTheCoarsenerWithTheSameSeed() {
        DiscreteConfigurations data = randomSpins(30, 1);
        MajorityRule rule = new MajorityRule(2, TieBreak.COIN);
        RuleFlow flow = RuleFlow.iterate(LATTICE, data, RuleLearner.fixed(rule), 3, 42);
        List<byte[][]> expected = Coarsener.iterate(data.values(), LATTICE, rule, 3, 42);
        assertThat(flow.steps()).isEqualTo(3);
        assertThat(flow.lattices()).isEqualTo(Coarsener.lattices(LATTICE, rule, 3));
        for (int n = 0; n <= 3; n++) {
            assertThat(flow.spins(3).get(n)).isDeepEqualTo(expected.get(n));
        }
        assertThat(flow.rules()).containsOnly(rule);
        assertThat(flow.scale(3)).isEqualTo(8.0);
    }

    @Test
    void aLearnerIsAskedAtEveryLevelWithThatLevelsDataOrOnceWhenReused() {
        DiscreteConfigurations data = randomSpins(10, 2);
        List<String> calls = new ArrayList<>();
        RuleLearner learner = (level, lattice, configurations, seed) -> {
            calls.add(level + ":" + lattice.linearSize() + ":" + configurations.size());
            return new LinearFilterRule(2, new double[] {1, 1, 1, level + 1.0}, TieBreak.FIXED_SITE);
        };
        RuleFlow learned = RuleFlow.iterate(LATTICE, data, learner, 2, 5);
        assertThat(calls).containsExactly("0:16:10", "1:8:10");
        assertThat(((LinearFilterRule) learned.rules().get(1)).filter()).containsExactly(1, 1, 1, 2);
        calls.clear();
        RuleFlow reused = RuleFlow.iterate(LATTICE, data, learner.reusingFirst(), 3, 5);
        assertThat(calls).containsExactly("0:16:10");
        assertThat(reused.rules()).allMatch(r -> r == reused.rules().get(0));
        assertThat(RuleFlow.learnerSeed(5, 0)).isNotEqualTo(RuleFlow.learnerSeed(5, 1));
    }

    @Test
    void saysWhichStepCannotBeTaken() {
        DiscreteConfigurations data = randomSpins(2, 3);
        assertThatThrownBy(() -> RuleFlow.iterate(LATTICE, data, RuleLearner.fixed(new MajorityRule(2)), 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 4 of 4");
        RuleFlow labels = RuleFlow.iterate(LATTICE, data, RuleLearner.fixed(new Decimation(2)), 1, 1);
        assertThat(labels.holdsSpins(1)).isTrue();
        Configurations states = new DiscreteConfigurations(DegreesOfFreedom.pottsStates(3),
                new byte[][] {new byte[LATTICE.siteCount()]});
        RuleFlow potts = RuleFlow.iterate(LATTICE, states, RuleLearner.fixed(new Decimation(2)), 1, 1);
        assertThat(potts.holdsSpins(0)).isFalse();
        assertThatThrownBy(() -> potts.spins(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ±1 spins");
    }
}
