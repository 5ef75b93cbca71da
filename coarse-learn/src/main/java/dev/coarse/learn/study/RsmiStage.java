package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.learn.rsmi.RsmiFilter;
import dev.coarse.learn.rsmi.RsmiTrainer;
import dev.coarse.learn.rsmi.RsmiTrainingSettings;
import dev.coarse.learn.rsmi.TrainingDivergedException;
import dev.coarse.rg.RuleLearner;
import dev.coarse.study.RsmiComparison;
import dev.coarse.study.RsmiResult;
import dev.coarse.study.RsmiSettings;
import dev.coarse.study.SpecSource;
import dev.coarse.study.Stage;
import dev.coarse.study.StageContext;
import dev.coarse.study.StudyModel;

/**
 * The {@code rsmi} stage of a study: the learned RSMI filter beside the majority rule and decimation on the same
 * configurations — the information each keeps per level, the filters, each flow's couplings and exponents
 * ({@link RsmiComparison}). It lives here, not in core, because the learned rule does: core runs it through the
 * service file without knowing this module.
 */
public final class RsmiStage implements Stage<RsmiSettings, RsmiResult> {

    public static final String NAME = "rsmi";

    @Override
    public String name() {
        return NAME;
    }

    /** After core's five stages (0 … 4); fixes the stage's seed, so it never changes. */
    @Override
    public int order() {
        return 6;
    }

    @Override
    public Class<RsmiSettings> settingsType() {
        return RsmiSettings.class;
    }

    @Override
    public boolean needsSpins() {
        return true;
    }

    @Override
    public RsmiSettings defaults(StudyModel model) {
        return RsmiSettings.defaults(model);
    }

    @Override
    public RsmiSettings read(SpecSource section, StudyModel model) {
        return RsmiSettings.read(section, model);
    }

    @Override
    public long estimatedBytes(StudyModel model, RsmiSettings settings, int threads) {
        return RsmiComparison.estimatedBytes(model, settings, threads);
    }

    @Override
    public RsmiResult run(StudyModel model, RsmiSettings settings, StageContext context) {
        return RsmiComparison.run(model, settings, context, learnedRule(settings), "");
    }

    /** Adam steps per level: about 10 s on one core, enough for the 2×2 Ising filter to align (docs/rsmi.md). */
    static final int STEPS = 800;
    /** (V, E) pairs drawn per level, at most: as many blocks per configuration as that needs and the lattice has. */
    static final int PAIRS = 25_000;
    /** The training geometry's buffer and environment where the lattice allows (RSMI-NE's 2D Ising setting). */
    static final int TRAINING_BUFFER = 2;
    static final int TRAINING_ENVIRONMENT = 4;

    /** Further seeds tried when a level's training diverges. */
    static final int DIVERGED_RETRIES = 2;

    /**
     * The learned rule of the comparison: an RSMI filter ({@link RsmiFilter}, one binary hidden spin per b×b block)
     * trained on each level's configurations by {@link RsmiTrainer} — "learn again on the coarse ensemble" — with
     * InfoNCE, batches of 500 (fewer if the level has few pairs), about {@value #STEPS} Adam steps on up to
     * {@value #PAIRS} pairs, buffer {@value #TRAINING_BUFFER} and environment {@value #TRAINING_ENVIRONMENT} (shrunk,
     * environment first, where a coarse lattice is too small for them), seeded by the level's learner seed.
     */
    static RuleLearner learnedRule(RsmiSettings settings) {
        return learnedRule(settings.b());
    }

    /** The learned rule of {@link #learnedRule(RsmiSettings)} for blocks of b (also {@code coarse reduce}'s). */
    public static RuleLearner learnedRule(int b) {
        return (level, lattice, configurations, seed) -> {
            int[] shell = trainingShell(b, lattice.linearSize());
            int blocks = lattice.blocks(b).blockCount();
            int n = configurations.size();
            int perConfiguration = (int) Math.max(1, Math.min(blocks, Math.ceil((double) PAIRS / Math.max(n, 1))));
            double heldOut = RsmiTrainingSettings.DEFAULT_HELD_OUT;
            int heldOutPairs = (int) Math.round(n * heldOut) * perConfiguration;
            int batch = Math.max(2, Math.min(RsmiTrainingSettings.DEFAULT_BATCH, heldOutPairs / 2));
            int perEpoch = Math.max(1, (n * perConfiguration - heldOutPairs) / batch);
            int epochs = Math.max(1, (int) Math.ceil((double) STEPS / perEpoch));
            RsmiTrainingSettings training = RsmiTrainingSettings.defaults(b, shell[0], shell[1], 1, seed)
                    .withTraining(batch, epochs, RsmiTrainingSettings.DEFAULT_LEARNING_RATE)
                    .withPairs(perConfiguration, heldOut);
            // A diverged training (a NaN weight) is retried with the next seeds; three in a row is an error. (The NaNs
            // once seen inside long test JVMs were DJL's lost scalars, fixed by learn.engine.Scalars: docs/learning.md)
            for (int attempt = 0; ; attempt++) {
                try {
                    return new RsmiTrainer(training.withSeed(seed + attempt)).train(lattice, configurations,
                            EpochListener.NONE).filter();
                } catch (TrainingDivergedException e) {
                    if (attempt == DIVERGED_RETRIES) {
                        throw e;
                    }
                }
            }
        };
    }

    /** {buffer, environment} for blocks of b on a torus of side l: the defaults, shrunk until they fit. */
    static int[] trainingShell(int b, int l) {
        int buffer = TRAINING_BUFFER;
        int environment = TRAINING_ENVIRONMENT;
        while (b + 2 * (buffer + environment) > l && environment > 1) {
            environment--;
        }
        while (b + 2 * (buffer + environment) > l && buffer > 0) {
            buffer--;
        }
        return new int[] {buffer, environment};
    }

    @Override
    public RsmiResult readResult(JsonNode json) {
        return RsmiResult.fromJson(json);
    }
}
