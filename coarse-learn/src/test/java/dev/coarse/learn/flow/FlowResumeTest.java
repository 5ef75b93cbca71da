package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training stopped after an epoch, written to a flow file, read back and resumed ends with exactly the weights,
 * the Adam moments and the bound history of an uninterrupted run with the same seed (bit-identical: no tolerance).
 * The control resumes without Adam's state and must differ — so the test can fail.
 */
class FlowResumeTest {

    private static final FlowSettings SETTINGS = new FlowSettings(2, 1, 8, 32, 3, 4, 0.01, 64, true, 7);

    @Test
    void resumedTrainingIsBitIdenticalToAnUninterruptedOne(@TempDir Path dir) throws IOException {
        IsingHsTarget target = new IsingHsTarget(4, FlowTrainingTest.T_C);
        FlowTrainer trainer = new FlowTrainer(SETTINGS);
        TrainedFlow whole = trainer.train(target, FlowProgress.NONE);

        // a budget spent by the first epoch stops the session there
        TrainedFlow first = trainer.train(target, null, 1e-9, FlowProgress.NONE);
        assertThat(first.epochsDone()).isEqualTo(1);
        assertThat(first.optimizer().steps()).isEqualTo(SETTINGS.stepsPerEpoch());
        Path file = dir.resolve("flow.json");
        FlowFile.save(file, target, first, false);
        TrainedFlow loaded = FlowFile.load(file).flow();
        assertThat(loaded.optimizer().means()).isDeepEqualTo(first.optimizer().means());
        assertThat(loaded.optimizer().variances()).isDeepEqualTo(first.optimizer().variances());

        TrainedFlow resumed = trainer.train(target, loaded, Double.POSITIVE_INFINITY, FlowProgress.NONE);
        assertThat(resumed.epochsDone()).isEqualTo(SETTINGS.epochs());
        assertThat(resumed.weights()).isDeepEqualTo(whole.weights());
        assertThat(resumed.boundHistory()).containsExactly(whole.boundHistory());
        assertThat(resumed.optimizer().steps()).isEqualTo(whole.optimizer().steps());
        assertThat(resumed.optimizer().means()).isDeepEqualTo(whole.optimizer().means());
        assertThat(resumed.optimizer().variances()).isDeepEqualTo(whole.optimizer().variances());

        TrainedFlow withoutState = new TrainedFlow(loaded.architecture(), loaded.settings(), loaded.weights(),
                loaded.epochsDone(), loaded.seconds(), loaded.boundHistory());
        TrainedFlow restarted = trainer.train(target, withoutState, Double.POSITIVE_INFINITY, FlowProgress.NONE);
        assertThat(java.util.Arrays.deepEquals(restarted.weights(), whole.weights())).isFalse();
    }
}
