package dev.coarse.learn.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.study.InvalidSettingException;
import dev.coarse.study.Stages;
import dev.coarse.study.Study;
import dev.coarse.study.StudyModel;
import dev.coarse.study.StudyResults;
import dev.coarse.study.StudySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The neural-rg stage, found through coarse-learn's service file and run as core runs every stage, on a 4×4 torus with
 * a tiny flow (a few seconds). The bound must stay below the exact ln Z (enumeration) — within 4 errors, a
 * false-failure rate of about 6·10⁻⁵ for Gaussian errors — and the exact values must be the enumeration's.
 */
class NeuralRgStageTest {

    private static final StudyModel ISING = StudyModel.ising(2);
    private static final double TC = ISING.criticalPoint().criticalTemperature();

    @Test
    void trainsAFlowWhoseBoundStaysBelowTheExactLnZ() {
        assertThat(Stages.names()).containsSubsequence("criticality", NeuralRgStage.NAME);
        NeuralRgSettings small = new NeuralRgSettings(4, TC, 2, 1, 8, 64, 2, 15, 0.01, 2000);
        StudySpec spec = new StudySpec("s", 5, ISING, List.of(NeuralRgStage.NAME), Map.of(NeuralRgStage.NAME, small));
        StudyResults results = Study.run(spec, 1);
        NeuralRgResult r = results.result(NeuralRgResult.class).orElseThrow();
        // 4×4 at T_c, numpy enumeration of the 2^16 states: ln Z/N = 0.970119716172205, ⟨E⟩/N = −1.5656237876383
        assertThat(r.exactLnZ()).isCloseTo(0.970119716172205, org.assertj.core.data.Offset.offset(1e-11));
        assertThat(r.exactEnergy()).isCloseTo(-1.5656237876383, org.assertj.core.data.Offset.offset(1e-11));
        assertThat(r.bound().mean()).isLessThan(r.exactLnZ() + 4 * r.bound().error());
        assertThat(r.gap()).as("30 steps of a tiny flow already beat the independent-spin bound ln 2")
                .isBetween(-4 * r.bound().error(), r.exactLnZ() - Math.log(2));
        assertThat(r.essFraction()).isBetween(0.0, 1.0);
        assertThat(r.boundHistory()).hasSize(2);
        assertThat(r.parameters()).isPositive();
        assertThat(NeuralRgResult.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());
    }

    @Test
    void rejectsSettingsTheFlowCannotRun() {
        assertThatThrownBy(() -> new NeuralRgSettings(12, TC, 2, 1, 8, 64, 3, 20, 0.01, 4000))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> NeuralRgSettings.defaults(StudyModel.ising(3)).check(StudyModel.ising(3)))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("ising2d");
    }
}
