package dev.coarse.learn.mi;

import static dev.coarse.info.Tolerances.STAT_SIGMAS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.info.GaussianInformation;
import dev.coarse.info.KsgEstimator;
import dev.coarse.stats.Estimate;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Correlated Gaussians in d + d dimensions, I = −(d/2) ln(1 − ρ²): the neural bounds against the exact value, with
 * the KSG estimate beside them. A trained bound is a lower bound up to its statistical error, so every estimate must
 * be below the exact value plus {@link dev.coarse.info.Tolerances#STAT_SIGMAS} errors; how far below depends on the
 * training budget, and each floor below says what was measured.
 */
class NeuralMiGaussianTest {

    private static final int D = 20;
    private static final double RHO = 0.5;
    /** −10 ln 0.75 = 2.8768 nats. */
    private static final double EXACT = GaussianInformation.correlatedPairs(D, RHO);
    private static final Critic CRITIC = SeparableCritic.defaults();

    /**
     * 20,000 samples, 10 epochs (about 2 s each): on seeds 1–3 of the training and data seed 3, InfoNCE reached
     * 2.49–2.53, DV 2.48–2.55, NWJ 2.41–2.47 nats, 84–89% of the MI (the critic overfits 16,000 training samples; more
     * samples close the gap, see the slow test). The floor is 80%.
     */
    private static final double FAST_FLOOR = 0.8;

    @ParameterizedTest
    @EnumSource(MiBound.class)
    void twentyPlusTwentyDimensionsWithEachBoundFarAboveKsg(MiBound bound) {
        GaussianSamples samples = GaussianSamples.draw(20_000, D, RHO, 3);
        MiTrainingSettings settings = MiTrainingSettings.defaults(bound, 1).withBatches(256, 10);
        NeuralMiResult result = new MiTrainer(settings).estimate(CRITIC, samples.x(), samples.y(), EpochListener.NONE);
        Estimate value = result.value();
        assertThat(value.mean()).as("%s: %s", bound, value).isLessThan(EXACT + STAT_SIGMAS * value.error())
                .isGreaterThan(FAST_FLOOR * EXACT);
        assertThat(result.ceilingHit()).isFalse();
        assertThat(result.testSize()).isEqualTo(2000);
        // KSG (k = 4) on the first 5,000 of the same samples: 0.67 nats, neighbour counts in 40 dimensions see
        // little of the dependence (20,000 samples: 0.84, after 29 s)
        Estimate ksg = new KsgEstimator(4).mutualInformation(Arrays.copyOf(samples.x(), 5000),
                Arrays.copyOf(samples.y(), 5000));
        assertThat(ksg.mean()).as("KSG").isLessThan(0.4 * EXACT);
        assertThat(value.mean()).isGreaterThan(ksg.mean() + 1.0);
    }

    /**
     * The benchmark's setting (BENCHMARKS.md): 100,000 samples, at most 50 epochs with patience 5. Measured (seed 1,
     * data seed 3): InfoNCE 2.60 (its best critic, the true log density ratio, gives 2.71 at K = 256 — InfoNCE's
     * own shortfall), DV 2.72, NWJ 2.73 nats. About 40 s per bound: the arithmetic is libtorch's, the same on every
     * JVM, so CI runs it on the build's JVM only ({@code build-jvm-only}).
     */
    @Tag("slow")
    @Tag("build-jvm-only")
    @ParameterizedTest
    @EnumSource(MiBound.class)
    void oneHundredThousandSamplesComeWithinTenPercent(MiBound bound) {
        GaussianSamples samples = GaussianSamples.draw(100_000, D, RHO, 3);
        NeuralMiResult result = new MiTrainer(MiTrainingSettings.defaults(bound, 1)).estimate(CRITIC, samples.x(),
                samples.y(), EpochListener.NONE);
        Estimate value = result.value();
        assertThat(value.mean()).as("%s: %s", bound, value).isLessThan(EXACT + STAT_SIGMAS * value.error())
                .isGreaterThan(0.9 * EXACT);
    }

    @Test
    void independentVariablesGiveNoInformation() {
        GaussianSamples a = GaussianSamples.draw(10_000, 5, 0, 11);
        for (MiBound bound : MiBound.values()) {
            MiTrainingSettings settings = MiTrainingSettings.defaults(bound, 2).withBatches(128, 10);
            NeuralMiResult result = new MiTrainer(settings).estimate(CRITIC, a.x(), a.y(), EpochListener.NONE);
            // an untrained or overfitted critic scores below 0 on held-out data; 0.05 nats allows for the critic
            // the validation half picked scoring a little below 0 on the test half (measured: −0.0065 to −0.0058,
            // ± 0.002)
            assertThat(result.value().mean()).as("%s: %s", bound, result.value())
                    .isLessThan(STAT_SIGMAS * result.value().error())
                    .isGreaterThan(-0.05 - STAT_SIGMAS * result.value().error());
        }
    }

    @Test
    void infoNceFlagsItsCeilingWhenTheInformationExceedsLnK() {
        // ρ = 0.9 in 10 + 10 dimensions: I = 8.30 nats, far above ln 16 = 2.77
        GaussianSamples samples = GaussianSamples.draw(4000, 10, 0.9, 5);
        MiTrainingSettings settings = MiTrainingSettings.defaults(MiBound.INFONCE, 1).withBatches(16, 5);
        NeuralMiResult infoNce = new MiTrainer(settings).estimate(CRITIC, samples.x(), samples.y(),
                EpochListener.NONE);
        assertThat(infoNce.ceiling()).isEqualTo(Math.log(16));
        assertThat(infoNce.value().mean()).isLessThanOrEqualTo(Math.log(16) + 1e-9)
                .isGreaterThan(MiBound.CEILING_FRACTION * Math.log(16));
        assertThat(infoNce.ceilingHit()).isTrue();
        // NWJ on the same batches is not capped (measured 3.58 ± 0.15; DV, whose variance grows like e^I, gave
        // −4 ± 4 here)
        NeuralMiResult nwj = new MiTrainer(settings.withBound(MiBound.NWJ)).estimate(CRITIC, samples.x(),
                samples.y(), EpochListener.NONE);
        assertThat(nwj.ceiling()).isInfinite();
        assertThat(nwj.ceilingHit()).isFalse();
        assertThat(nwj.value().mean()).as("NWJ: %s", nwj.value()).isGreaterThan(Math.log(16));
    }

    @Test
    void concatenatedCriticEstimatesATwoPlusTwoGaussian() {
        // ρ = 0.8, d = 2: I = −ln 0.36 = 1.0217 nats; measured 0.976 ± 0.035
        double exact = GaussianInformation.correlatedPairs(2, 0.8);
        GaussianSamples samples = GaussianSamples.draw(10_000, 2, 0.8, 7);
        MiTrainingSettings settings = MiTrainingSettings.defaults(MiBound.NWJ, 1).withBatches(64, 10);
        Critic concat = new ConcatenatedCritic(Mlp.of(32, 2, ActivationFunction.ELU));
        NeuralMiResult result = new MiTrainer(settings).estimate(concat, samples.x(), samples.y(), EpochListener.NONE);
        assertThat(result.critic()).isEqualTo("concat");
        Estimate value = result.value();
        assertThat(value.mean()).as("%s", value).isLessThan(exact + STAT_SIGMAS * value.error())
                .isGreaterThan(0.9 * exact);
    }
}
