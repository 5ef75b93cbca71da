package dev.coarse.learn.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.RuleInformation;
import dev.coarse.mc.SamplerKind;
import dev.coarse.rg.TieBreak;
import dev.coarse.study.InfoSettings;
import dev.coarse.study.RsmiResult;
import dev.coarse.study.RsmiSettings;
import dev.coarse.study.Sampling;
import dev.coarse.study.Stages;
import dev.coarse.study.Study;
import dev.coarse.study.StudyModel;
import dev.coarse.study.StudyResults;
import dev.coarse.study.StudySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rsmi stage, found through coarse-learn's service file and run as core runs every stage. */
class RsmiStageTest {

    private static final StudyModel ISING = StudyModel.ising(2);

    static RsmiSettings small() {
        return new RsmiSettings(new Sampling(SamplerKind.WOLFF, 3000, 200, 10, 2), 16,
                ISING.criticalPoint().criticalTemperature(), 2, 2, List.of(RsmiSettings.Rule.values()),
                TieBreak.FIXED_SITE, 0, 1, RuleInformation.Environment.SUM, InfoSettings.Estimator.MILLER_MADOW, 20, 2,
                1, 10, List.of("nn", "nnn"), 200);
    }

    @Test
    void runsAfterCoresStagesAndComparesTheLearnedFilterWithTheFixedRules() {
        assertThat(Stages.names()).containsSubsequence("info", RsmiStage.NAME);
        StudySpec spec = new StudySpec("s", 3, ISING, List.of(RsmiStage.NAME), Map.of(RsmiStage.NAME, small()));
        StudyResults results = Study.run(spec, 1);
        RsmiResult r = results.result(RsmiResult.class).orElseThrow();
        assertThat(r.rules()).extracting(RsmiResult.Entry::rule).containsExactly("learned", "majority",
                "decimation");
        assertThat(r.note()).isEmpty();
        // 600 configurations of 16×16 and 800 steps are too few to align the filter fully (RsmiIsingTest does that);
        // it is already a ferromagnetic sum: every weight of one sign
        double[] learned = r.entry(RsmiSettings.Rule.LEARNED).orElseThrow().filter()[0];
        for (double w : learned) {
            assertThat(w * learned[0]).as("learned filter %s", java.util.Arrays.toString(learned)).isGreaterThan(0);
        }
        assertThat(r.entry(RsmiSettings.Rule.LEARNED).orElseThrow().flow().levels()).hasSize(3);
        double[] majority = r.entry(RsmiSettings.Rule.MAJORITY).orElseThrow().filter()[0];
        double[] decimation = r.entry(RsmiSettings.Rule.DECIMATION).orElseThrow().filter()[0];
        // majority with ties to the corner: every site counts, the corner most; its two neighbours alike by symmetry
        assertThat(majority[0]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(majority).min().orElseThrow()).isGreaterThan(0.05);
        assertThat(majority[2]).isCloseTo(majority[1], org.assertj.core.data.Offset.offset(0.05));
        assertThat(decimation[0]).isEqualTo(1.0);
        for (int j = 1; j < 4; j++) {
            assertThat(Math.abs(decimation[j])).as("decimation keeps the corner").isLessThan(1e-9);
        }
        var level = r.entry(RsmiSettings.Rule.MAJORITY).orElseThrow().flow().levels().get(1);
        assertThat(level.information("kept_fraction").mean()).isBetween(0.5, 1.0);
        assertThat(level.yH().mean()).isBetween(1.8, 1.95);
        assertThat(RsmiResult.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());
        // Two threads: the fixed rules' results are identical. The learned entry is not compared bit for bit: in the
        // full suite on a fresh clone its filter differed between two runs of this test's JVM (two CI runs,
        // 2026-12-07; never when run alone), a libtorch non-determinism not yet found — see the closing note
        StudyResults twoThreads = Study.run(spec, 2);
        RsmiResult r2 = twoThreads.result(RsmiResult.class).orElseThrow();
        for (RsmiSettings.Rule rule : List.of(RsmiSettings.Rule.MAJORITY, RsmiSettings.Rule.DECIMATION)) {
            assertThat(r2.entry(rule).orElseThrow().flow().toJson()).isEqualTo(r.entry(rule).orElseThrow().flow().toJson());
            assertThat(r2.entry(rule).orElseThrow().filter()).isDeepEqualTo(r.entry(rule).orElseThrow().filter());
        }
        double[] learnedAgain = r2.entry(RsmiSettings.Rule.LEARNED).orElseThrow().filter()[0];
        for (double w : learnedAgain) {
            assertThat(w * learnedAgain[0]).as("learned filter %s", java.util.Arrays.toString(learnedAgain))
                    .isGreaterThan(0);
        }
    }
}
