package dev.coarse.learn.rsmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.configuration.DiscreteConfigurations;
import dev.coarse.learn.mi.EpochListener;
import dev.coarse.lattice.Lattice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The RSMI filter of the 2D Ising model at T<sub>c</sub> (SCIENCE.md §5; Koch-Janusz &amp; Ringel 2018, Fig. 2): a
 * 2×2 block, one binary hidden spin, buffer 2, environment 4, on 16×16 tori — the filter is the block spin,
 * |cos(Λ, (1,1,1,1))| ≥ 0.98, for each of the {@value #SEEDS} training seeds tried (one sample, seeds 1 … 3).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RsmiIsingTest {

    static final int SEEDS = 3;
    static final int L = 16;
    private DiscreteConfigurations data;

    @BeforeAll
    void sample() {
        data = Samples.criticalIsing(L, 2000, 41);
    }

    static RsmiTrainingSettings settings(long seed) {
        return RsmiTrainingSettings.defaults(2, 2, 4, 1, seed).withTraining(500, 20, 5e-3).withPairs(16, 0.2);
    }

    /** Three trainings of about 1,000 Adam steps each: about 45 s on one core, so tagged slow. */
    @Test
    @Tag("slow")
    void learnsTheBlockSpinForEverySeed() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            TrainedFilter trained = new RsmiTrainer(settings(seed)).train(Lattice.square(L), data,
                    EpochListener.NONE);
            double cosine = FilterMeasures.cosineWithBlockSum(trained.filter().weights()[0]);
            assertThat(cosine).as("seed %d: filter %s, I(H:E) = %s", seed, java.util.Arrays.toString(trained
                    .filter().weights()[0]), trained.mi()).isGreaterThanOrEqualTo(0.98);
            assertThat(trained.mi().mean()).as("seed %d: I(H:E) > 0", seed)
                    .isGreaterThan(3 * trained.mi().error());
            assertThat(trained.ceilingHit()).isFalse();
        }
    }

    @Test
    void sameSeedSameFilter() {
        RsmiTrainingSettings small = settings(9).withTraining(500, 1, 5e-3);
        TrainedFilter a = new RsmiTrainer(small).train(Lattice.square(L), data, EpochListener.NONE);
        TrainedFilter b = new RsmiTrainer(small).train(Lattice.square(L), data, EpochListener.NONE);
        assertThat(a.filter().weights()).isDeepEqualTo(b.filter().weights());
        assertThat(a.mi()).isEqualTo(b.mi());
        // the split is by configuration: 400 of the 2,000 held out, 16 pairs from each
        assertThat(a.heldOutPairs()).isEqualTo(400 * 16);
        assertThat(a.trainingPairs()).isEqualTo(1600 * 16);
    }

    @Test
    void tooFewConfigurationsAreRefusedSayingHowMany() {
        DiscreteConfigurations few = new DiscreteConfigurations(data.degreesOfFreedom(),
                java.util.Arrays.copyOf(data.values(), 50));
        assertThatThrownBy(() -> new RsmiTrainer(settings(1)).train(Lattice.square(L), few, EpochListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("50 configurations");
    }
}
