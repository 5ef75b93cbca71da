package dev.coarse.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.dynamics.BuiltinChains;
import dev.coarse.dynamics.ChainAnalysis;
import dev.coarse.dynamics.LumpingComparison;
import dev.coarse.dynamics.MarkovChain;
import dev.coarse.dynamics.gibbs.CoarseGrainedEntropy;
import dev.coarse.dynamics.gibbs.EntropyCurve;
import dev.coarse.dynamics.gibbs.TorusMap;
import dev.coarse.dynamics.reaction.BuiltinNetworks;
import dev.coarse.dynamics.reaction.Reduction;
import dev.coarse.dynamics.reaction.Trajectories;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dynamics stage: its figures are the direct core calls' with the stage's seeds, and its JSON reads back. */
class DynamicsStageTest {

    /** 20-state double well to k ≤ 5; Michaelis–Menten S₀ = 100, E₀ = 2 to t = 1000 with 50 runs; 2¹² points, δ = 1/16. */
    static final DynamicsSettings SMALL = new DynamicsSettings(20, 0.2, 5, 100, 2, 1000, 5, 50, 16, 1 << 12, 12);

    @Test
    void theStagesFiguresAreTheCoreCallsAndItsJsonReadsBack() {
        DynamicsStage stage = new DynamicsStage();
        StageContext context = new StageContext(7, 1, null);
        DynamicsResult r = stage.run(StudyModel.ising(2), SMALL, context);

        MarkovChain chain = BuiltinChains.doubleWell(20, 0.2);
        LumpingComparison table = LumpingComparison.of(chain, ChainAnalysis.stationary(chain), 5);
        double[] loss = table.rows().stream().mapToDouble(row -> row.minimumLoss().informationLoss()).toArray();
        assertThat(r.lumping().times()).containsExactly(1, 2, 3, 4, 5);
        assertThat(r.lumping().values("minimum_loss")).containsExactly(loss);
        assertThat(r.elbow()).isEqualTo(table.elbow());
        assertThat(r.minimumLossBlocks()).hasSize(20);
        // one block: Y_{t+1} is known, L = I(X_t; Y_{t+1} | Y_t) = 0
        assertThat(loss[0]).isEqualTo(0.0, within(1e-12));

        Reduction.Comparison direct = Reduction.compare(BuiltinNetworks.michaelisMenten(100, 2),
                Trajectories.evenTimes(1000, 5), 50, context.seed(0));
        Reduction.SpeciesComparison p = direct.species().get(0);
        assertThat(r.reactionSummary().species()).isEqualTo("P");
        assertThat(r.reaction().values("full_mean")).containsExactly(p.fullMean());
        assertThat(r.reaction().values("quasi_steady")).containsExactly(p.quasiSteady());
        assertThat(r.reaction().values("kl")).containsExactly(p.klDivergence());
        assertThat(r.reactionSummary().quasiSteadyDeviation()).isEqualTo(p.quasiSteadyDeviation());

        EntropyCurve cat = CoarseGrainedEntropy.evolve(TorusMap.CAT, 16, 1 << 12, 12, context.seed(1));
        assertThat(r.entropy().values("cat")).containsExactly(cat.coarse());
        assertThat(r.entropy().values("fine")).containsOnly(Math.log(1 << 12));
        assertThat(r.plateau()).isEqualTo(2 * Math.log(16));
        assertThat(r.maps()).extracting(DynamicsResult.MapSummary::map).containsExactly("cat", "baker", "rotation");
        assertThat(r.maps().get(0).growthRate()).isEqualTo(cat.growthRate());

        DynamicsResult back = stage.readResult(r.toJson());
        assertThat(back.toJson()).isEqualTo(r.toJson());
        assertThat(back.lumping().values("minimum_loss")).containsExactly(loss);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new DynamicsSettings(20, 0.2, 21, 100, 2, 1000, 5, 50, 16, 1 << 12, 12))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("max_blocks");
        assertThatThrownBy(() -> new DynamicsSettings(20, 0.2, 5, 100, 2, 0, 5, 50, 16, 1 << 12, 12))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("t_end");
        assertThat(StudySpec.of("s", 1, StudyModel.ising(2), List.of("energy")).toJson().has(DynamicsStage.NAME))
                .as("a study that does not run the stage does not record it").isFalse();
    }
}
