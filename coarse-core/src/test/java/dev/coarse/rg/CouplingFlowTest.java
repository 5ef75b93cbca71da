package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coarse.lattice.Lattice;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouplingFlowTest {

    /** ≈ 6e-5 false failures per assertion if Gaussian. */
    private static final double SIGMAS = 4;

    @Test
    void chainDecimationFlowFollowsTheExactRecursion() {
        double k = 0.8;
        Lattice fine = Lattice.chain(16);
        byte[][] samples = ExactSamples.ising(fine, k, 4000, 21);
        List<Couplings> flow = CouplingFlow.measure(samples, fine, new Decimation(2), 2, OperatorSet.of(1, "nn"), 10,
                0);
        double kn = k;
        for (Couplings c : flow) {
            assertThat(c.get("nn").sigmasFrom(kn)).as("%s vs %s", c.get("nn"), kn).isLessThan(SIGMAS);
            kn = Recursions.DECIMATION1D.apply(kn);
        }
    }
}
