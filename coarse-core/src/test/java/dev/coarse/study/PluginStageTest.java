package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stage core does not know, found through the service file alone (the test's {@link ExtraStage}). */
class PluginStageTest {

    private static final StudyModel ISING = StudyModel.ising(2);

    @Test
    void aRegisteredStageRunsAfterCoresStagesAndLeavesOtherSpecsAsTheyWere() {
        assertThat(Stages.names()).containsExactly("energy", "binder", "mcrg", "flow", "info", TensorStage.NAME,
                DynamicsStage.NAME, CellularAutomataStage.NAME, CriticalityStage.NAME, ExtraStage.NAME);
        StudySpec without = StudySpec.of("s", 1, ISING, List.of("energy"));
        assertThat(without.toJson().has(ExtraStage.NAME)).as("a stage that is not run is not recorded").isFalse();

        StudySpec with = new StudySpec("s", 1, ISING, List.of(ExtraStage.NAME),
                Map.of(ExtraStage.NAME, new ExtraStage.Settings(4, 2.5)));
        assertThat(with.toJson().get(ExtraStage.NAME).get("size").asInt()).isEqualTo(4);
        StudyResults results = Study.run(with, 1);
        ExtraStage.Result extra = results.result(ExtraStage.Result.class).orElseThrow();
        assertThat(extra.energyPerSite().mean()).isBetween(-2.0, 0.0);
        assertThat(results.toJson().get("stages").get(ExtraStage.NAME).get("energy_per_site").has("error")).isTrue();
    }
}
