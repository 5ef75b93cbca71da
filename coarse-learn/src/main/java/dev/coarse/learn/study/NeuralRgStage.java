package dev.coarse.learn.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.learn.flow.EnsembleLatents;
import dev.coarse.learn.flow.FlowSampler;
import dev.coarse.learn.flow.FlowSamples;
import dev.coarse.learn.flow.FlowTrainer;
import dev.coarse.learn.flow.IsingHsTarget;
import dev.coarse.learn.flow.LatentGeometry;
import dev.coarse.learn.flow.TrainedFlow;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.stats.Autocorrelation;
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
     * the stage's first sub-seed. The holographic geometry ({@link LatentGeometry}) is measured without weights on
     * {@code samples} fields of the exact law: Wolff configurations (sub-seed 1; thinned by {@value #GEOMETRY_THIN}
     * cluster flips; n_eff from the τ<sub>int</sub> of m²) each given its Hubbard–Stratonovich field ({@link IsingHsTarget#fields}, sub-seed 2), mapped
     * through the flow's inverse. Progress counts epochs, and one more for the draws and the geometry.
     */
    @Override
    public NeuralRgResult run(StudyModel model, NeuralRgSettings settings, StageContext context) {
        IsingHsTarget target = new IsingHsTarget(settings.size(), settings.temperature());
        context.expect(settings.epochs() + 1L);
        TrainedFlow trained = new FlowTrainer(settings.flowSettings(context.seed())).train(target,
                (epoch, epochs, bound, ess, snapshot) -> context.advance(1));
        FlowSamples s;
        try (FlowSampler sampler = new FlowSampler(target, trained)) {
            s = sampler.draw(settings.samples(), new SplittableRandom(context.seed(0)), false).samples();
        }
        LatentGeometry geometry = geometry(model, settings, target, trained, context);
        context.advance(1);
        int parameters = 0;
        for (float[] w : trained.weights()) {
            parameters += w.length;
        }
        return new NeuralRgResult(settings.size(), settings.temperature(), parameters, s.boundPerSite(),
                target.exactLnZ().getAsDouble() / target.sites(), s.importanceLnZPerSite(), s.essFraction(),
                s.reweightedObservable(), s.flowObservable(), target.exactObservable().getAsDouble(),
                trained.boundHistory(), geometry);
    }

    /** Cluster flips between kept Wolff configurations of the geometry's ensemble. */
    static final int GEOMETRY_THIN = 5;

    private static LatentGeometry geometry(StudyModel model, NeuralRgSettings settings, IsingHsTarget target,
                                           TrainedFlow trained, StageContext context) {
        int n = settings.samples();
        ChainResult chain = ChainRunner.run(new RunSpec(model.model(settings.size(), settings.temperature()),
                SamplerKind.WOLFF, (long) n * GEOMETRY_THIN, 1000, GEOMETRY_THIN, 1, context.seed(1), 1), null);
        byte[][] spins = new byte[n][];
        for (int k = 0; k < n; k++) {
            spins[k] = chain.configuration(0, k);
        }
        float[] latents = EnsembleLatents.latents(trained, target.fields(spins, new SplittableRandom(context.seed(2))));
        // n_eff from the slowest simple observable of a Wolff chain, m² (m itself flips sign with every large cluster)
        double[] m2 = chain.magnetizationPerSite()[0].clone();
        for (int k = 0; k < m2.length; k++) {
            m2[k] *= m2[k];
        }
        double tau = Math.max(0.5, Autocorrelation.integratedTime(new double[][] {m2}));
        return LatentGeometry.measureUnweighted(trained.architecture(), latents, Math.min(n, n / (2 * tau)));
    }

    @Override
    public NeuralRgResult readResult(JsonNode json) {
        return NeuralRgResult.fromJson(json);
    }
}
