package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.emergence.deepnet.Activation;
import dev.coarse.emergence.deepnet.MeanField;
import dev.coarse.emergence.deepnet.PhaseDiagram;
import dev.coarse.emergence.sandpile.AvalancheSeries;
import dev.coarse.emergence.sandpile.AvalancheStatistics;
import dev.coarse.emergence.sandpile.DharExact;
import dev.coarse.emergence.sandpile.MomentScaling;
import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Criticality without tuning and at the edge of chaos (issue 24, docs/emergence.md): the BTW sandpile at several
 * sizes — avalanche-size distributions, the mean topplings per grain against Dhar's exact value, the effective size
 * exponent and the moment-scaling collapse — and the mean-field order-to-chaos phase diagram of deep random networks.
 * It does not sample the study's model.
 */
public final class CriticalityStage implements Stage<CriticalitySettings, CriticalityResult> {

    public static final String NAME = "criticality";
    /** Log bins per decade of the avalanche-size distributions. */
    static final int BINS_PER_DECADE = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public Class<CriticalitySettings> settingsType() {
        return CriticalitySettings.class;
    }

    @Override
    public CriticalitySettings defaults(StudyModel model) {
        return CriticalitySettings.defaults(model);
    }

    @Override
    public CriticalitySettings read(SpecSource section, StudyModel model) {
        return CriticalitySettings.read(section, model);
    }

    @Override
    public CriticalityResult readResult(JsonNode json) {
        return CriticalityResult.fromJson(json);
    }

    @Override
    public CriticalityResult run(StudyModel model, CriticalitySettings s, StageContext context) {
        context.expect(s.sizes().size() + 1);
        List<AvalancheSeries> runs = new ArrayList<>();
        List<CriticalityResult.Sandpile> piles = new ArrayList<>();
        long i = 0;
        for (int size : s.sizes().stream().distinct().sorted().toList()) {
            long seed = context.seed(i++);
            AvalancheSeries run = AvalancheSeries.drive(size, 2L * size * size, s.grains(), 0, seed,
                    new SplittableRandom(seed));
            runs.add(run);
            long[] window = AvalancheStatistics.defaultWindow(size);
            Estimate tau = AvalancheStatistics.sizeExponent(run, window[0], window[1]);
            AvalancheStatistics.Distribution sizes = AvalancheStatistics.logBinned(run.sizes(), BINS_PER_DECADE);
            piles.add(new CriticalityResult.Sandpile(size, s.grains(), AvalancheStatistics.meanTopplings(run),
                    DharExact.meanTopplingsPerGrain(size, size), tau, window[0], window[1], sizes.centres(),
                    sizes.density()));
            context.advance(1);
        }
        Optional<CriticalityResult.Scaling> scaling = runs.size() < 2 ? Optional.empty() : Optional.of(scaling(runs));
        Activation phi = s.activation().equals("relu") ? Activation.RELU : Activation.TANH;
        PhaseDiagram diagram = PhaseDiagram.of(phi, s.maxSigmaW2() / s.grid(), s.maxSigmaW2(), s.grid(),
                s.maxSigmaB2(), s.grid());
        CriticalityResult.Network network = new CriticalityResult.Network(s.activation(), s.sigmaB2(),
                MeanField.criticalSigmaW2(phi, s.sigmaB2()), diagram.sigmaW2(), diagram.sigmaB2(), diagram.xiC(),
                diagram.criticalSigmaW2());
        context.advance(1);
        return new CriticalityResult(piles, scaling, network);
    }

    private static CriticalityResult.Scaling scaling(List<AvalancheSeries> runs) {
        MomentScaling m = MomentScaling.of(runs);
        return new CriticalityResult.Scaling(m.d(), m.tau());
    }
}
