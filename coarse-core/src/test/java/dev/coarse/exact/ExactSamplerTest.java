package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSamplerTest {

    /** χ² quantile at 1 − 1e-4 for 15 degrees of freedom: the test fails falsely once in 10⁴ seeds. */
    private static final double CHI2_15_DOF_QUANTILE_1E4 = 44.26;

    @Test
    void histogramMatchesBoltzmannProbabilities() {
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.square(2), 0.3));
        ExactSampler sampler = new ExactSampler(d);
        SplittableRandom rng = new SplittableRandom(12);
        int n = 50_000;
        long[] counts = new long[d.stateCount()];
        for (int i = 0; i < n; i++) {
            counts[sampler.sampleCode(rng)]++;
        }
        double chi2 = 0;
        for (int code = 0; code < counts.length; code++) {
            double expected = n * d.probabilities()[code];
            chi2 += (counts[code] - expected) * (counts[code] - expected) / expected;
        }
        assertThat(chi2).as("chi2 with 15 dof (false failure rate 1e-4)").isLessThan(CHI2_15_DOF_QUANTILE_1E4);
        byte[][] configs = sampler.sample(3, rng);
        for (byte[] c : configs) {
            d.model().validate(c);
        }
    }
}
