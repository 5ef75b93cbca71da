package dev.coarse.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coarse.dynamics.BuiltinChains;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.Lumping;
import dev.coarse.dynamics.LumpingComparison;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.Partition;
import dev.coarse.dynamics.gibbs.CoarseGrainedEntropy;
import dev.coarse.dynamics.gibbs.EntropyCurve;
import dev.coarse.dynamics.gibbs.TorusMap;
import dev.coarse.dynamics.reaction.BuiltinNetworks;
import dev.coarse.dynamics.reaction.ReactionNetwork;
import dev.coarse.dynamics.reaction.Reduction;
import dev.coarse.dynamics.reaction.Trajectories;
import dev.coarse.study.CellularAutomataResult.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Dynamics (issue 22, docs/dynamics.md): the double-well chain's information loss against the number of blocks for
 * the minimum-loss and the spectral partitions, Michaelis–Menten's full SSA against its quasi-steady-state, mean-field
 * and averaged-fast-pair reductions, and the coarse-grained entropy of the cat map, the baker's map and a rotation.
 * It does not sample the study's model; it only calls {@code dev.coarse.dynamics}.
 */
public final class DynamicsStage implements Stage<DynamicsSettings, DynamicsResult> {

    public static final String NAME = "dynamics";
    /** Steps averaged for each map's final level. */
    static final int FINAL_STEPS = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 8;
    }

    @Override
    public Class<DynamicsSettings> settingsType() {
        return DynamicsSettings.class;
    }

    @Override
    public DynamicsSettings defaults(StudyModel model) {
        return DynamicsSettings.defaults(model);
    }

    @Override
    public DynamicsSettings read(SpecSource section, StudyModel model) {
        return DynamicsSettings.read(section, model);
    }

    @Override
    public DynamicsResult readResult(JsonNode json) {
        return DynamicsResult.fromJson(json);
    }

    @Override
    public DynamicsResult run(StudyModel model, DynamicsSettings s, StageContext context) {
        context.expect(3);
        MarkovChain chain = BuiltinChains.doubleWell(s.states(), s.temperature());
        LumpingComparison table = LumpingComparison.of(chain, ChainAnalysis.stationary(chain), s.maxBlocks());
        int elbow = table.elbow();
        LumpingComparison.Row atElbow = table.rows().get(elbow - 1);
        context.advance(1);

        ReactionNetwork network = BuiltinNetworks.michaelisMenten(s.substrate(), s.enzyme());
        Reduction.Comparison comparison = Reduction.compare(network, Trajectories.evenTimes(s.tEnd(), s.times()),
                s.runs(), context.seed(0));
        Reduction.SpeciesComparison p = comparison.species().get(0);
        Series reaction = new Series(comparison.times(), List.of("full_mean", "full_error", "quasi_steady",
                "mean_field", "reduced_mean", "reduced_error", "kl", "kl_error", "kl_bias"),
                List.of(p.fullMean(), p.fullError(), p.quasiSteady(), p.meanField(), p.reducedMean(), p.reducedError(),
                        p.klDivergence(), p.klError(), p.klBias()));
        DynamicsResult.ReactionSummary summary = new DynamicsResult.ReactionSummary(comparison.network(),
                p.species(), comparison.runs(), comparison.fullReactions(), p.quasiSteadyDeviation(),
                p.meanFieldDeviation(), p.reducedDeviation(), p.quasiSteadyHolds());
        context.advance(1);

        List<String> names = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        List<DynamicsResult.MapSummary> maps = new ArrayList<>();
        double[] fine = null;
        double plateau = Double.NaN;
        for (TorusMap map : TorusMap.values()) {
            EntropyCurve curve = CoarseGrainedEntropy.evolve(map, s.cellsPerSide(), s.ensemble(), s.steps(),
                    context.seed(1 + map.ordinal()));
            String name = map.name().toLowerCase(Locale.ROOT);
            names.add(name);
            curves.add(curve.coarse());
            maps.add(new DynamicsResult.MapSummary(name, curve.growthRate(), map.ksEntropy(),
                    curve.finalLevel(FINAL_STEPS)));
            fine = curve.fine();
            plateau = curve.plateau();
        }
        names.add("fine");
        curves.add(fine);
        double[] steps = new double[s.steps() + 1];
        Arrays.setAll(steps, t -> t);
        context.advance(1);
        return new DynamicsResult(lossCurve(table), elbow, blocks(atElbow.minimumLoss()),
                atElbow.spectral() == null ? List.of() : blocks(atElbow.spectral()), reaction, summary,
                new Series(steps, names, curves), maps, plateau);
    }

    private static Series lossCurve(LumpingComparison table) {
        int count = table.rows().size();
        double[] k = new double[count];
        double[] loss = new double[count];
        double[] gap = new double[count];
        double[] spectralLoss = new double[count];
        double[] spectralGap = new double[count];
        double[] separation = new double[count];
        for (int i = 0; i < count; i++) {
            LumpingComparison.Row row = table.rows().get(i);
            k[i] = row.blocks();
            loss[i] = row.minimumLoss().informationLoss();
            gap[i] = row.minimumLoss().spectralGap();
            spectralLoss[i] = row.spectral() == null ? Double.NaN : row.spectral().informationLoss();
            spectralGap[i] = row.spectral() == null ? Double.NaN : row.spectral().spectralGap();
            separation[i] = row.timescaleSeparation();
        }
        return new Series(k, List.of("minimum_loss", "minimum_loss_gap", "spectral_loss", "spectral_gap",
                "timescale_separation"), List.of(loss, gap, spectralLoss, spectralGap, separation));
    }

    private static List<Integer> blocks(Lumping.Evaluation evaluation) {
        Partition partition = evaluation.partition().canonical();
        return Arrays.stream(partition.blocks()).boxed().toList();
    }
}
