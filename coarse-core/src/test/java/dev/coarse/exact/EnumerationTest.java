package dev.coarse.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.PottsModel;
import org.junit.jupiter.api.Test;

class EnumerationTest {

    private static final double EXACT = 1e-12;

    @Test
    void codesRoundTrip() {
        ExactDistribution d = Enumeration.boltzmann(new PottsModel(Lattice.square(2), 3, 1.0));
        for (int code = 0; code < d.stateCount(); code++) {
            assertThat(d.encode(d.decode(code))).isEqualTo(code);
        }
    }

    @Test
    void isingChainMatchesTransferMatrixClosedForm() {
        // Z = λ+^N + λ-^N with λ± = 2cosh K, 2sinh K (SCIENCE.md §1), independent of the enumeration code.
        int n = 10;
        double k = 0.7;
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.chain(n), k));
        double lnZ = Math.log(Math.pow(2 * Math.cosh(k), n) + Math.pow(2 * Math.sinh(k), n));
        assertThat(d.logPartitionFunction()).isCloseTo(lnZ, within(EXACT));
        double total = 0;
        for (double p : d.probabilities()) {
            total += p;
        }
        assertThat(total).isCloseTo(1.0, within(EXACT));
    }
}
