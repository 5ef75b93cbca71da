package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tensor stage: deterministic, its result round-trips through JSON, and it skips a model without a tensor. */
class TensorStageTest {

    @Test
    void isingStageMeasuresFreeEnergyAndConformalDataAndRoundTrips() {
        StudyModel ising = StudyModel.ising(2);
        double tc = ising.criticalPoint().criticalTemperature();
        TensorSettings small = new TensorSettings(dev.coarse.tensor.Scheme.BTRG, 12, 20, tc, new double[] {2.0, tc});
        StudySpec spec = new StudySpec("t", 1, ising, List.of(TensorStage.NAME), Map.of(TensorStage.NAME, small));
        TensorResult r = Study.run(spec, 1).result(TensorResult.class).orElseThrow();
        assertThat(r.isSkipped()).isFalse();
        assertThat(r.curve()).hasSize(2);
        // BTRG χ = 12, 20 steps (10⁶ sites; after 12 the finite-size term is still 1.6e-4): within 1e-5 of Onsager
        assertThat(r.curve()).allSatisfy(p -> assertThat(p.relativeError()).isLessThan(1e-5));
        assertThat(r.steps()).hasSize(20);
        assertThat(r.best()).isNotNull();
        assertThat(r.best().centralCharge()).isCloseTo(0.5, within(2e-2));
        assertThat(r.flow().steps().get(r.bestStep() - 1).yH().mean()).isCloseTo(1.875, within(5e-3));
        assertThat(TensorResult.fromJson(r.toJson()).toJson()).isEqualTo(r.toJson());
    }

    @Test
    void threeDimensionalIsingIsSkippedWithANote() {
        TensorResult r = new TensorStage().run(StudyModel.ising(3), TensorSettings.defaults(StudyModel.ising(3)),
                new StageContext(1, 1, null));
        assertThat(r.isSkipped()).isTrue();
        assertThat(r.note()).contains("no tensor network");
    }
}
