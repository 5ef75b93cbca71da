package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.data.Ensemble;
import dev.coarse.data.EnsembleMeta;
import dev.coarse.lattice.Lattice;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoarsenerTest {

    private static Ensemble ensemble(int l, int n) {
        Lattice lattice = Lattice.square(l);
        var rng = new SplittableRandom(5);
        byte[][] c = new byte[n][];
        for (int i = 0; i < n; i++) {
            c[i] = CoarseGrainingContract.randomSpins(lattice.siteCount(), rng);
        }
        EnsembleMeta meta = new EnsembleMeta("ising2d", 2, l, 2.269, 0, 2, "wolff", 1, 100, 10, 1, 1, Double.NaN,
                "test", Map.of("source", "unit"));
        return new Ensemble(meta, lattice, c);
    }

    @Test
    void ensemblesGetProvenanceAndCoarseSize() {
        List<Ensemble> levels = Coarsener.iterate(ensemble(16, 3), new MajorityRule(2), 3, 42);
        assertThat(levels).hasSize(4);
        Ensemble last = levels.get(3);
        assertThat(last.lattice()).isEqualTo(Lattice.square(2));
        assertThat(last.meta().linearSize()).isEqualTo(2);
        assertThat(last.meta().sampler()).isEqualTo("majority");
        assertThat(last.meta().provenance()).containsEntry("rule", "majority").containsEntry("level", "3")
                .containsEntry("b", "2").containsEntry("source_sampler", "wolff").containsEntry("source", "unit");
        assertThat(last.size()).isEqualTo(3);
    }

    @Test
    void badInputIsRejectedClearly() {
        assertThatThrownBy(() -> Coarsener.iterate(ensemble(16, 2), new MajorityRule(2), 4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> Coarsener.iterate(ensemble(16, 0), new MajorityRule(2), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Coarsener.iterate(ensemble(15, 1), new MajorityRule(2), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not divide");
    }

    @Test
    void theEnsemblePathGivesWhatTheArrayPathGives() {
        Ensemble e = ensemble(16, 6);
        List<Ensemble> levels = Coarsener.iterate(e, new MajorityRule(2), 2, 77);
        List<byte[][]> arrays = Coarsener.iterate(e.configurations(), e.lattice(), new MajorityRule(2), 2, 77);
        for (int n = 0; n <= 2; n++) {
            assertThat(levels.get(n).configurations()).isDeepEqualTo(arrays.get(n));
        }
    }

    @Test
    void aRuleIsNotAppliedToValuesItCannotRead() {
        Lattice lattice = Lattice.square(8);
        byte[][] labels = new byte[2][lattice.siteCount()];
        EnsembleMeta meta = new EnsembleMeta("potts2d", 2, 8, 1.0, 0, 3, "wolff", 1, 100, 10, 1, 1, Double.NaN,
                "test", Map.of());
        Ensemble potts = new Ensemble(meta, lattice, labels);
        assertThatThrownBy(() -> Coarsener.iterate(potts, new MajorityRule(2), 1, 1))
                .hasMessage("the majority rule reads ±1 spins on sites, not 3-state labels on sites");
        assertThat(Coarsener.iterate(potts, new Decimation(2), 1, 1).get(1).degreesOfFreedom())
                .isEqualTo(dev.coarse.configuration.DegreesOfFreedom.pottsStates(3));
        assertThat(Coarsener.iterate(ensemble(8, 2), new BlockAverage(2), 1, 1).get(1).data().value(0, 0))
                .isBetween(-1.0, 1.0);
    }

    @Test
    void rulesByName() {
        assertThat(CoarseGrainingRules.byName("majority", 3, TieBreak.FIXED_SITE)).isInstanceOf(MajorityRule.class);
        assertThat(CoarseGrainingRules.byName("decimation", 2, TieBreak.COIN).scaleFactor()).isEqualTo(2);
        assertThatThrownBy(() -> CoarseGrainingRules.byName("median", 2, TieBreak.COIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown coarse-graining rule 'median'");
    }

    @Test
    void decimationTwiceEqualsDecimationByFour() {
        Ensemble e = ensemble(16, 4);
        List<byte[][]> twice = Coarsener.iterate(e.configurations(), e.lattice(), new Decimation(2), 2, 0);
        byte[][] once = Coarsener.apply(e.configurations(), e.lattice(), new Decimation(4), 0);
        assertThat(twice.get(2)).isDeepEqualTo(once);
    }
}
