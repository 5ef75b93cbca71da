package dev.coarse.learn.mi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training loop: seeds, early stopping, the kept critic, the held-out split and bad input. */
class MiTrainerTest {

    private static final Critic CRITIC = new SeparableCritic(Mlp.of(32, 1, ActivationFunction.ELU), 16);
    /** 3,000 samples of a 20 + 20 Gaussian: few enough that the critic overfits within a few epochs. */
    private static final GaussianSamples SMALL = GaussianSamples.draw(3000, 20, 0.5, 1);

    private static MiTrainingSettings settings(int epochs) {
        return MiTrainingSettings.defaults(MiBound.INFONCE, 5).withBatches(64, epochs);
    }

    @Test
    void theSameSeedGivesTheSameEstimateBitForBitAndAnotherSeedAnother() {
        NeuralMiResult first = new MiTrainer(settings(3)).estimate(CRITIC, SMALL.x(), SMALL.y(), EpochListener.NONE);
        NeuralMiResult again = new MiTrainer(settings(3)).estimate(CRITIC, SMALL.x(), SMALL.y(), EpochListener.NONE);
        NeuralMiResult other = new MiTrainer(settings(3).withSeed(6)).estimate(CRITIC, SMALL.x(), SMALL.y(),
                EpochListener.NONE);
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(again.validationBounds()).isEqualTo(first.validationBounds());
        assertThat(again.trainingBounds()).isEqualTo(first.trainingBounds());
        assertThat(other.value().mean()).isNotEqualTo(first.value().mean());
    }

    @Test
    void theCriticOfTheBestValidationEpochIsTheOneScored() {
        List<EpochListener.Progress> seen = new ArrayList<>();
        NeuralMiResult longer = new MiTrainer(settings(30).withStopping(3, 0.2)).estimate(CRITIC, SMALL.x(),
                SMALL.y(), seen::add);
        assertThat(longer.stop()).isEqualTo(NeuralMiResult.Stop.PATIENCE);
        assertThat(longer.epochsRun()).isEqualTo(longer.bestEpoch() + 3).isLessThan(30);
        assertThat(seen).hasSize(longer.epochsRun());
        EpochListener.Progress last = seen.get(seen.size() - 1);
        assertThat(last.epoch()).isEqualTo(longer.epochsRun());
        assertThat(last.bestEpoch()).isEqualTo(longer.bestEpoch());
        double[] validation = longer.validationBounds();
        for (double v : validation) {
            assertThat(v).isLessThanOrEqualTo(validation[longer.bestEpoch()]);
        }
        // stopping at the best epoch trains the same critic, so scoring the kept one must give the same number
        NeuralMiResult shorter = new MiTrainer(settings(longer.bestEpoch())).estimate(CRITIC, SMALL.x(), SMALL.y(),
                EpochListener.NONE);
        assertThat(shorter.bestEpoch()).isEqualTo(longer.bestEpoch());
        assertThat(shorter.stop()).isEqualTo(NeuralMiResult.Stop.EPOCHS);
        assertThat(shorter.value()).isEqualTo(longer.value());
    }

    @Test
    void zeroEpochsScoresTheUntrainedCritic() {
        NeuralMiResult untrained = new MiTrainer(settings(0)).estimate(CRITIC, SMALL.x(), SMALL.y(),
                EpochListener.NONE);
        assertThat(untrained.epochsRun()).isZero();
        assertThat(untrained.bestEpoch()).isZero();
        assertThat(untrained.validationBounds()).hasSize(1);
        assertThat(untrained.value().mean()).isLessThan(0.5);
    }

    @Test
    void aDivergedRunStopsAndScoresTheLastFiniteCritic() {
        // at η = 10 the first steps throw the scores far out, and NWJ's e^f terms overflow
        MiTrainingSettings wild = MiTrainingSettings.defaults(MiBound.NWJ, 5).withBatches(64, 5).withLearningRate(10);
        NeuralMiResult diverged = new MiTrainer(wild).estimate(CRITIC, SMALL.x(), SMALL.y(), EpochListener.NONE);
        assertThat(diverged.stop()).isEqualTo(NeuralMiResult.Stop.DIVERGED);
        assertThat(diverged.trainingBounds()[diverged.epochsRun() - 1]).isNaN();
        assertThat(diverged.bestEpoch()).isZero();
        // the untrained critic's parameters were written back over the NaNs, so its score is reproduced exactly
        NeuralMiResult untrained = new MiTrainer(wild.withBatches(64, 0)).estimate(CRITIC, SMALL.x(), SMALL.y(),
                EpochListener.NONE);
        assertThat(diverged.value()).isEqualTo(untrained.value());
        assertThat(diverged.value().mean()).isFinite();
    }

    @Test
    void theSplitHoldsOutAFractionHalvedIntoValidationAndTest() {
        NeuralMiResult result = new MiTrainer(settings(1)).estimate(CRITIC, SMALL.x(), SMALL.y(), EpochListener.NONE);
        assertThat(result.trainingSize()).isEqualTo(2400);
        assertThat(result.validationSize()).isEqualTo(300);
        assertThat(result.testSize()).isEqualTo(300);
        assertThat(result.heldOutSize()).isEqualTo(600);
        assertThat(result.testBatches()).isEqualTo(4);
        assertThat(result.seed()).isEqualTo(5);
    }

    @Test
    void aKeptTrainingScoresOtherSamples() {
        GaussianSamples fresh = GaussianSamples.draw(2000, 20, 0.5, 2);
        GaussianSamples independent = GaussianSamples.draw(2000, 20, 0.0, 3);
        try (MiTraining training = new MiTrainer(settings(5)).train(CRITIC, SMALL.x(), SMALL.y(),
                EpochListener.NONE)) {
            assertThat(training.block().getParameters().size()).isEqualTo(8);
            Estimate test = training.result().value();
            Estimate onFresh = training.bound(fresh.x(), fresh.y());
            Estimate onIndependent = training.bound(independent.x(), independent.y());
            assertThat(Math.abs(onFresh.mean() - test.mean()))
                    .isLessThan(dev.coarse.info.Tolerances.STAT_SIGMAS * Math.hypot(onFresh.error(), test.error()));
            assertThat(onIndependent.mean()).isLessThan(0.1);
            assertThatThrownBy(() -> training.bound(new double[200][3], new double[200][20]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 + 20 columns");
        }
    }

    @Test
    void badSamplesAndSettingsAreRejectedWithOneLineMessages() {
        MiTrainer trainer = new MiTrainer(settings(1));
        double[][] y = SMALL.y();
        double[][] withNan = SMALL.x().clone();
        withNan[7] = withNan[7].clone();
        withNan[7][2] = Double.NaN;
        assertThatThrownBy(() -> trainer.estimate(CRITIC, withNan, y, EpochListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "x sample 7 column 2 is NaN; the critic needs finite values");
        assertThatThrownBy(() -> trainer.estimate(CRITIC, new double[10][2], new double[11][2], EpochListener.NONE))
                .hasMessage("x has 10 samples and y 11");
        assertThatThrownBy(() -> trainer.estimate(CRITIC, new double[0][], new double[0][], EpochListener.NONE))
                .hasMessage("there are no samples");
        double[][] ragged = SMALL.x().clone();
        ragged[3] = new double[5];
        assertThatThrownBy(() -> trainer.estimate(CRITIC, ragged, y, EpochListener.NONE))
                .hasMessageContaining("x sample 3 has 5 columns, expected 20");
        assertThatThrownBy(() -> new MiTrainer(settings(1).withBatches(4000, 1)).estimate(CRITIC, SMALL.x(), y,
                EpochListener.NONE)).hasMessageContaining("batch 4000 is larger than the 2400 training samples");
        assertThatThrownBy(() -> new MiTrainer(settings(1).withBatches(200, 1)).estimate(CRITIC, SMALL.x(), y,
                EpochListener.NONE)).hasMessageContaining("must hold 2 batches of 200");
        assertThatThrownBy(() -> settings(-1)).hasMessage("epochs must be >= 0, got -1");
        assertThatThrownBy(() -> settings(1).withStopping(0, 0.2)).hasMessageContaining("patience");
        assertThatThrownBy(() -> settings(1).withStopping(3, 1.0)).hasMessageContaining("held-out fraction");
        assertThatThrownBy(() -> settings(1).withLearningRate(Double.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SeparableCritic(Mlp.of(8, 1, ActivationFunction.RELU), 0))
                .hasMessageContaining("embedding");
        assertThatThrownBy(() -> new Mlp(new int[] {8, 0}, ActivationFunction.RELU)).hasMessageContaining("[8, 0]");
        assertThatThrownBy(() -> ActivationFunction.ofId("sigmoid")).hasMessageContaining("unknown activation");
    }
}
