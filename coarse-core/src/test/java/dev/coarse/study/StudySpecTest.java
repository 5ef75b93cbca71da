package dev.coarse.study;

import dev.coarse.mc.SamplerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySpecTest {

    private static final StudyModel ISING = StudyModel.ising(2);

    @Test
    void theDefaultsAreFilledInForEveryStageTheSpecRecords() {
        StudySpec spec = StudySpec.of("s", 1, ISING, List.of("energy"));
        assertThat(spec.settings().keySet()).containsExactly("energy", "binder", "mcrg", "flow", "info");
        assertThat(spec.settings(McrgSettings.class)).isEqualTo(McrgSettings.defaults(ISING));
        assertThat(spec.toJson().get("mcrg").get("temperature").asDouble())
                .isEqualTo(ISING.criticalPoint().criticalTemperature());
        assertThat(spec.hash()).isEqualTo(StudySpec.of("s", 1, ISING, List.of("energy")).hash())
                .isNotEqualTo(StudySpec.of("s", 2, ISING, List.of("energy")).hash());
    }

    @Test
    void theCanonicalJsonListsTheSpecInTheOrderResultsJsonHasAlwaysUsed() {
        StudySpec potts = StudySpec.of("p", 3, StudyModel.potts(3), List.of("energy", "binder"));
        assertThat(potts.toJson().fieldNames()).toIterable().containsExactly("name", "seed", "model", "q", "stages",
                "energy", "binder", "mcrg", "flow", "info");
        assertThat(potts.toJson().get("energy").fieldNames()).toIterable().containsExactly("sampler", "sweeps",
                "thermalize", "thin", "chains", "sizes", "temperatures");
        assertThat(potts.toJson().get("energy").get("sampler").asText()).as("Potts has no Swendsen–Wang here")
                .isEqualTo("wolff");
    }

    @Test
    void settingsRecordsRejectOutOfRangeValuesNamingTheSetting() {
        assertThatThrownBy(() -> new Sampling(SamplerKind.SWENDSEN_WANG, -5, 0, 1, 1)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("sweeps: must be between 1 and 1000000000, got -5");
        assertThatThrownBy(() -> new Sampling(SamplerKind.SWENDSEN_WANG, 10, 0, 20, 1))
                .hasMessage("thin: must not exceed sweeps (10), got 20");
        assertThatThrownBy(() -> new BinderSettings(SamplerKind.WOLFF, 400, 40, List.of(16, 8), new double[] {2, 3}))
                .hasMessage("sizes: must increase strictly, got [16, 8]");
        assertThatThrownBy(() -> new EnergySettings(new Sampling(SamplerKind.SWENDSEN_WANG, 10, 0, 1, 1), List.of(8), new double[] {-1}))
                .hasMessage("temperatures: values must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new StudyModel(StudyModel.Family.ISING2D, 3))
                .hasMessage("q: applies to potts2d only");
    }

    @Test
    void aSpecChecksItsStagesAgainstTheModelWithTheStageInTheKey() {
        assertThatThrownBy(() -> StudySpec.of("s", 1, StudyModel.potts(3), List.of("mcrg")))
                .hasMessage("stages: stage 'mcrg' needs ±1 spins (an Ising model), not potts2d");
        assertThatThrownBy(() -> StudySpec.of("s", 1, ISING, List.of("dance")))
                .hasMessageStartingWith("stages: unknown stage 'dance'");
        McrgSettings tooDeep = new McrgSettings(new Sampling(SamplerKind.WOLFF, 1000, 10, 1, 1), List.of(8), 2.3,
                new Coarsening(Coarsening.Rule.MAJORITY, 2, 3), 4, 2, 20);
        assertThatThrownBy(() -> new StudySpec("s", 1, ISING, List.of("mcrg"), Map.of("mcrg", tooDeep)))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("mcrg.levels: 3 levels of b = 2")
                .extracting(e -> ((InvalidSettingException) e).setting()).isEqualTo("mcrg.levels");
        // the same settings are kept, unchecked for the run, while the stage does not run
        assertThat(new StudySpec("s", 1, ISING, List.of("energy"), Map.of("mcrg", tooDeep))
                .settings(McrgSettings.class)).isEqualTo(tooDeep);
        assertThatThrownBy(() -> new StudySpec("s", 1, ISING, List.of("energy"),
                Map.of("energy", McrgSettings.defaults(ISING)))).hasMessageContaining("must be EnergySettings, got McrgSettings");
    }

    @Test
    void infoBlocksMustBeSmallEnoughToTabulate() {
        InfoSettings defaults = InfoSettings.defaults(ISING);
        InfoSettings wide = new InfoSettings(defaults.sampling(), 100, defaults.temperature(),
                new Coarsening(Coarsening.Rule.MAJORITY, 5, 1), 0, 1, defaults.environmentCode(), defaults.estimator(),
                defaults.resamples());
        assertThatThrownBy(() -> new StudySpec("s", 1, ISING, List.of("info"), Map.of("info", wide)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("info.b: blocks of b^d = 25 sites are more than the 20 whose patterns the information "
                        + "measures tabulate");
    }
}
