package dev.coarse.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.exact.Enumeration;
import dev.coarse.exact.ExactDistribution;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import org.junit.jupiter.api.Test;

class ExactInformationTest {

    /** Two ±1 spins with ⟨s s'⟩ = c and zero means share ((1+c)/2)ln(1+c) + ((1−c)/2)ln(1−c) (SCIENCE.md §1). */
    static double pairInformation(double c) {
        return (1 + c) / 2 * Math.log(1 + c) + (1 - c) / 2 * Math.log(1 - c);
    }

    @Test
    void ringPairInformationMatchesTransferMatrixCorrelation() {
        int n = 10;
        double k = 0.6;
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.chain(n), k));
        double t = Math.tanh(k);
        assertThat(ExactInformation.entropy(d, new int[] {3})).isCloseTo(Math.log(2), within(Tolerances.EXACT));
        for (int r = 1; r <= 5; r++) {
            // periodic ring: ⟨s_0 s_r⟩ = (t^r + t^{N−r}) / (1 + t^N)
            double c = (Math.pow(t, r) + Math.pow(t, n - r)) / (1 + Math.pow(t, n));
            assertThat(ExactInformation.mutualInformation(d, new int[] {0}, new int[] {r}))
                    .isCloseTo(pairInformation(c), within(Tolerances.EXACT));
        }
    }

    @Test
    void totalCorrelationOfAllSitesIsSumOfMarginalsMinusJointEntropy() {
        ExactDistribution d = Enumeration.boltzmann(IsingModel.atCoupling(Lattice.square(3), 0.4));
        int[][] singles = new int[9][];
        for (int i = 0; i < 9; i++) {
            singles[i] = new int[] {i};
        }
        assertThat(ExactInformation.totalCorrelation(d, singles))
                .isCloseTo(9 * Math.log(2) - d.entropy(), within(Tolerances.EXACT));
        // chain rule: I(A; B,C) = I(A;C) + I(A;B|C)
        int[] a = {0};
        int[] b = {1};
        int[] c = {4, 5};
        double lhs = ExactInformation.mutualInformation(d, a, new int[] {1, 4, 5});
        double rhs = ExactInformation.mutualInformation(d, a, c) + ExactInformation.conditionalMutualInformation(d, a, b, c);
        assertThat(lhs).isCloseTo(rhs, within(Tolerances.EXACT));
    }
}
