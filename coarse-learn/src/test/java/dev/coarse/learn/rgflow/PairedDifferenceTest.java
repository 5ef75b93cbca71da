package dev.coarse.learn.rgflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.stats.Estimate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The paired difference of two flows' held-out scores, against a hand computation. */
class PairedDifferenceTest {

    private static RgFlowEvaluation scores(double... bits) {
        return new RgFlowEvaluation(Estimate.of(0, 0), bits.length, List.of(), bits);
    }

    @Test
    void isTheMeanAndStandardErrorOfThePerImageDifferences() {
        // differences 0.5, 0.4, 0.2: mean 11/30; sample variance 0.07/3, so the standard error is sqrt(0.07/9)
        Estimate d = RgFlowEvaluation.pairedDifference(scores(1, 2, 3), scores(1.5, 2.4, 3.2));
        assertThat(d.mean()).isCloseTo(11.0 / 30, Offset.offset(1e-12));
        assertThat(d.error()).isCloseTo(Math.sqrt(0.07 / 9), Offset.offset(1e-12));
        // one image's offset shared by both flows (a hard image) does not enter the paired error
        Estimate shifted = RgFlowEvaluation.pairedDifference(scores(1, 2, 13), scores(1.5, 2.4, 13.2));
        assertThat(shifted.error()).isCloseTo(d.error(), Offset.offset(1e-12));
    }

    @Test
    void refusesScoresOfDifferentImageCounts() {
        assertThatThrownBy(() -> RgFlowEvaluation.pairedDifference(scores(1, 2), scores(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same images");
    }
}
