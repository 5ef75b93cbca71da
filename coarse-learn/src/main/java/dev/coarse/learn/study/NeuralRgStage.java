package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.learn.flow.FlowSampler;
import dev.coarse.learn.flow.FlowSamples;
import dev.coarse.learn.flow.FlowTrainer;
import dev.coarse.learn.flow.IsingHsTarget;
import dev.coarse.learn.flow.LatentGeometry;
import dev.coarse.learn.flow.TrainedFlow;
import dev.coarse.study.SpecSource;
import dev.coarse.study.Stage;
import dev.coarse.study.StageContext;
import dev.coarse.study.StudyModel;
import java.util.SplittableRandom;

/**
 * The {@code neural-rg} stage of a study: Li &amp; Wang's neural RG — a MERA-shaped normalizing flow trained on the 2D
 * Ising energy through the Hubbard–Stratonovich field, no data — and its variational bound on ln Z against
 * Kaufman's, with importance-reweighted physics and the holographic geometry of its latents ({@link NeuralRgResult}).
 * In the default study at L = 8 (about 2 CPU-minutes of training); {@code examples/neural-rg.yaml} runs it alone. The
 * MCRG {@code flow} stage of core is another thing.
 */
public final class NeuralRgStage implements Stage<NeuralRgSettings, NeuralRgResult> {

    public static final String NAME = "neural-rg";

    @Override
    public String name() {
        return NAME;
    }

    /** After core's and coarse-learn's other stages (0 … 11); fixes the stage's seed, so it never changes. */
    @Override
    public int order() {
        return 15;
    }

    @Override
    public Class<NeuralRgSettings> settingsType() {
        return NeuralRgSettings.class;
    }

    @Override
    public NeuralRgSettings defaults(StudyModel model) {
        return NeuralRgSettings.defaults(model);
    }

    @Override
    public NeuralRgSettings read(SpecSource section, StudyModel model) {
        return NeuralRgSettings.read(section, defaults(model));
    }

    /**
     * Trains from the stage's seed (weights and latents), then scores the flow on {@code samples} fresh draws from
     * the stage's first sub-seed, whose latents also give the holographic geometry ({@link LatentGeometry}, the
     * weighted route). Progress counts epochs.
     */
    @Override
    public NeuralRgResult run(StudyModel model, NeuralRgSettings settings, StageContext context) {
        IsingHsTarget target = new IsingHsTarget(settings.size(), settings.temperature());
        context.expect(settings.epochs());
        TrainedFlow trained = new FlowTrainer(settings.flowSettings(context.seed())).train(target,
                (epoch, epochs, bound, ess, snapshot) -> context.advance(1));
        FlowSampler.Draws draws;
        try (FlowSampler sampler = new FlowSampler(target, trained)) {
            draws = sampler.draw(settings.samples(), new SplittableRandom(context.seed(0)), true);
        }
        FlowSamples s = draws.samples();
        LatentGeometry geometry = LatentGeometry.measure(trained.architecture(), draws.latents(), s);
        int parameters = 0;
        for (float[] w : trained.weights()) {
            parameters += w.length;
        }
        return new NeuralRgResult(settings.size(), settings.temperature(), parameters, s.boundPerSite(),
                target.exactLnZ().getAsDouble() / target.sites(), s.importanceLnZPerSite(), s.essFraction(),
                s.reweightedObservable(), s.flowObservable(), target.exactObservable().getAsDouble(),
                trained.boundHistory(), geometry);
    }

    @Override
    public NeuralRgResult readResult(JsonNode json) {
        return NeuralRgResult.fromJson(json);
    }
}
