package dev.coarse.emergence.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.info.Tolerances;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CollatzPopulationTest {

    @Test
    void theCollatzPopulationEndsOnTheCycleWhileTheWalkStaysSpread() {
        CollatzHistory h = CollatzPopulation.run(20_000, 20, 400, 0.5, new SplittableRandom(1));
        int last = h.times().length - 1;
        // every start below 2^20 reaches 1 within 400 steps of the accelerated map (the largest stopping time
        // below 10^6 is 524 steps of the plain map, ~330 of the accelerated one); on {1, 2} the bins are 0 and 2
        assertThat(h.collatzAtCycle()[last]).isEqualTo(1.0);
        assertThat(h.collatzEntropy()[last]).isLessThanOrEqualTo(Math.log(2) + Tolerances.EXACT);
        // the reflected walk's stationary law has a spread of ~1 in log2: several bins, entropy well above ln 2
        assertThat(h.walkEntropy()[last]).isGreaterThan(1.5);
        assertThat(h.collatzEntropy()[0]).isEqualTo(h.walkEntropy()[0]);
    }

    @Test
    void theWalkDriftsAtHalfLog2ThreeQuartersPerStep() {
        CollatzHistory h = CollatzPopulation.run(50_000, 32, 20, 1.0, new SplittableRandom(2));
        double drift = (h.walkMeanLog2()[20] - h.walkMeanLog2()[0]) / 20;
        // step variance per walker (log2(3/2) + 1)^2 / 4 = 0.853, so sd of the mean drift over 20 steps and 5e4
        // walkers is sqrt(0.853 / (20 · 5e4)) = 9.2e-4 (no walker nears the wall from 31 bits in 20 steps)
        double expected = 0.5 * Math.log(0.75) / Math.log(2);
        assertThat(drift).isCloseTo(expected, within(Tolerances.STAT_SIGMAS * 9.2e-4));
    }

    @Test
    void rejectsStartsThatCouldOverflow() {
        assertThatThrownBy(() -> CollatzPopulation.run(10, 40, 10, 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
