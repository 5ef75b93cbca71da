package dev.coarse.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperatorSetTest {

    @Test
    void allUpCountsTermsPerSite() {
        Lattice l = Lattice.square(6);
        OperatorSet ops = OperatorSet.of(2, "field", "nn", "nnn", "third_nn", "fourth_nn", "diag2", "axis3",
                "plaquette", "triangle", "line3");
        byte[] up = new byte[36];
        java.util.Arrays.fill(up, (byte) 1);
        // terms per site: field 1, nn 2, nnn 2, third 2, fourth 4, diag2 2, axis3 2, plaquette 1, triangle 4, line3 2
        assertThat(ops.values(l, up)).containsExactly(36, 72, 72, 72, 144, 72, 72, 36, 144, 72);
    }

    @Test
    void nnIsTheIsingBondSumAndHandValues() {
        Lattice l = Lattice.square(4);
        var rng = new SplittableRandom(1);
        OperatorSet ops = OperatorSet.of(2, "nn", "field", "plaquette");
        byte[] s = CoarseGrainingContract.randomSpins(16, rng);
        double[] v = ops.values(l, s);
        assertThat(v[0]).isEqualTo(IsingModel.bondSum(l, s));
        assertThat(v[1]).isEqualTo(IsingModel.magnetization(s));
        // chain 1,1,-1,1 (periodic): nn = 1 - 1 - 1 + 1 = 0; line3 = s3 s0 s1 + s0 s1 s2 + s1 s2 s3 + s2 s3 s0 = 1-1-1-1;
        // third_nn (distance 2, each pair twice on L = 4) = s0s2 + s1s3 + s2s0 + s3s1 = -1+1-1+1
        OperatorSet chain = OperatorSet.of(1, "nn", "line3", "third_nn");
        assertThat(chain.values(Lattice.chain(4), new byte[] {1, 1, -1, 1})).containsExactly(0, -2, 0);
    }

    @Test
    void flippingOneSpinChangesEachOperatorByMinusTwoSTimesTheDerivative() {
        for (Lattice l : new Lattice[] {Lattice.chain(8), Lattice.square(6), Lattice.cubic(4)}) {
            int d = l.dimension();
            OperatorSet ops = d == 1 ? OperatorSet.of(1, "field", "nn", "third_nn", "axis3", "line3")
                    : OperatorSet.of(d, "field", "nn", "nnn", "third_nn", "fourth_nn", "plaquette", "triangle", "line3");
            var rng = new SplittableRandom(d);
            byte[] s = CoarseGrainingContract.randomSpins(l.siteCount(), rng);
            double[] before = ops.values(l, s);
            double[] deriv = new double[ops.size()];
            for (int i = 0; i < l.siteCount(); i += 3) {
                ops.localDerivatives(l, s, i, deriv);
                s[i] = (byte) -s[i];
                double[] after = ops.values(l, s);
                s[i] = (byte) -s[i];
                for (int a = 0; a < ops.size(); a++) {
                    assertThat(after[a] - before[a]).as("%s on %s at %d", ops.operator(a).name(), l, i)
                            .isEqualTo(-2 * s[i] * deriv[a]);
                }
            }
        }
    }

    @Test
    void globalFlipKeepsEvenAndNegatesOdd() {
        Lattice l = Lattice.square(6);
        byte[] s = CoarseGrainingContract.randomSpins(36, new SplittableRandom(4));
        for (OperatorSet ops : new OperatorSet[] {OperatorSet.standardEven(2), OperatorSet.standardOdd(2)}) {
            double[] a = ops.values(l, s);
            double[] b = ops.values(l, CoarseGrainingContract.flipped(s));
            for (int k = 0; k < ops.size(); k++) {
                assertThat(b[k]).isEqualTo(ops.operator(k).isOdd() ? -a[k] : a[k]);
            }
        }
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> OperatorSet.of(1, "plaquette")).hasMessageContaining("dimension ≥ 2");
        assertThatThrownBy(() -> OperatorSet.of(2, "bogus")).hasMessageContaining("unknown operator 'bogus'");
        assertThatThrownBy(() -> OperatorSet.of(1, "third_nn").values(Lattice.chain(2), new byte[] {1, 1}))
                .hasMessageContaining("too small");
        assertThat(OperatorSet.standardEven(2).truncate(4).names()).containsExactly("nn", "nnn", "third_nn",
                "plaquette");
    }
}
