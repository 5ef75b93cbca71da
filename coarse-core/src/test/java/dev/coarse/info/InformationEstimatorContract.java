package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The contract every mutual-information estimator meets, subclassed once per estimator: independent data
 * give ≈ 0 within errors, a distribution with known MI gives that value within errors, and relabelling
 * (permuting symbol values for discrete estimators; permuting samples and swapping X with Y for KSG) leaves
 * the estimate unchanged.
 */
public abstract class InformationEstimatorContract {

    /** MI of independent data. */
    protected abstract Estimate independent(long seed);

    /** MI of data drawn from a distribution whose MI is {@link #knownValue()}. */
    protected abstract Estimate known(long seed);

    protected abstract double knownValue();

    /** The same data as {@link #known(long)} after relabelling. */
    protected abstract Estimate knownRelabelled(long seed);

    @Test
    void independentDataGiveZeroWithinErrors() {
        for (long seed = 1; seed <= 3; seed++) {
            Estimate e = independent(seed);
            assertThat(e.error()).isPositive();
            assertThat(Math.abs(e.mean()))
                    .as("seed %d: %s should be 0 within %s sigma (false failure rate ~1e-4)", seed, e,
                            Tolerances.STAT_SIGMAS)
                    .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS * e.error());
        }
    }

    @Test
    void knownDistributionGivesItsValueWithinErrors() {
        for (long seed = 1; seed <= 3; seed++) {
            Estimate e = known(seed);
            assertThat(e.sigmasFrom(knownValue()))
                    .as("seed %d: %s vs exact %s (false failure rate ~1e-4)", seed, e, knownValue())
                    .isLessThanOrEqualTo(Tolerances.STAT_SIGMAS);
        }
    }

    @Test
    void relabellingLeavesTheEstimateUnchanged() {
        Estimate a = known(5);
        Estimate b = knownRelabelled(5);
        assertThat(b.mean()).isCloseTo(a.mean(), within(Tolerances.EXACT));
    }
}
