package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellularAutomataStageTest {

    private static final CellularAutomataSettings SMALL = new CellularAutomataSettings(List.of(90, 110), 64, 32, 3,
            32, 40, 500, 60);

    @Test
    void runsFindsThePapersExamplesAndReadsBackItsJson() {
        CellularAutomataStage stage = new CellularAutomataStage();
        CellularAutomataResult r = stage.run(StudyModel.ising(2), SMALL, new StageContext(5, 1, null));
        assertThat(r.paperExamples()).isTrue();
        assertThat(r.diagrams()).hasSize(2);
        assertThat(r.diagrams().get(0).rows()).hasSize(33).allSatisfy(row -> assertThat(row).hasSize(64));
        assertThat(r.counts()).extracting(c -> c.supercell()).containsExactly(2, 3);
        assertThat(r.life().values("block_entropy_per_cell")).hasSize(41);
        CellularAutomataResult back = stage.readResult(r.toJson());
        assertThat(back.toJson()).isEqualTo(r.toJson());
        // same seed, same stage: the same diagrams
        CellularAutomataResult again = stage.run(StudyModel.ising(2), SMALL, new StageContext(5, 1, null));
        assertThat(again.diagrams()).isEqualTo(r.diagrams());
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CellularAutomataSettings(List.of(256), 64, 32, 3, 32, 40, 500, 60))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new CellularAutomataSettings(List.of(30), 64, 32, 5, 32, 40, 500, 60))
                .isInstanceOf(InvalidSettingException.class);
    }
}
