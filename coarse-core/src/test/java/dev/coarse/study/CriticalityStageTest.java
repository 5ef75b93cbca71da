package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CriticalityStageTest {

    private static final CriticalitySettings SMALL = new CriticalitySettings(List.of(8, 16), 20_000, "tanh", 0.05, 6,
            4, 0.3);

    @Test
    void sandpileMeansAgreeWithDharAndTheCriticalLineIsChiOne() {
        CriticalityStage stage = new CriticalityStage();
        CriticalityResult r = stage.run(StudyModel.ising(2), SMALL, new StageContext(3, 1, null));
        assertThat(r.sandpiles()).extracting(CriticalityResult.Sandpile::size).containsExactly(8, 16);
        for (CriticalityResult.Sandpile p : r.sandpiles()) {
            // within 4 errors: a false failure about once in 16,000 per size for a Gaussian estimate
            assertThat(Math.abs(p.meanTopplings().sigmasFrom(p.exactMean()))).as("L = %d", p.size()).isLessThan(4);
            assertThat(p.sizeCentres()).hasSameSizeAs(p.sizeDensity()).isNotEmpty();
        }
        assertThat(r.scaling()).isPresent();
        // tanh with σ_b² = 0: q* = 0 and χ₁ = σ_w² tanh′(0)² = σ_w², so the line starts at σ_w² = 1 exactly
        assertThat(r.network().gridSigmaB2()[0]).isZero();
        assertThat(r.network().lineSigmaW2()[0]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
        // with bias the line moves to larger σ_w² (Poole et al. 2016, Fig. 3): 1.76 at σ_b² = 0.05
        assertThat(r.network().criticalSigmaW2()).isBetween(1.7, 1.8);
        assertThat(r.network().xiC()).hasDimensions(6, 6);
        assertThat(stage.readResult(r.toJson()).toJson()).isEqualTo(r.toJson());
        CriticalityResult again = stage.run(StudyModel.ising(2), SMALL, new StageContext(3, 1, null));
        assertThat(again.toJson()).as("same seed, same result").isEqualTo(r.toJson());
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CriticalitySettings(List.of(2), 20_000, "tanh", 0.05, 6, 4, 0.3))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new CriticalitySettings(List.of(8), 20_000, "sigmoid", 0.05, 6, 4, 0.3))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new CriticalitySettings(List.of(8), 10, "tanh", 0.05, 6, 4, 0.3))
                .isInstanceOf(InvalidSettingException.class);
    }
}
