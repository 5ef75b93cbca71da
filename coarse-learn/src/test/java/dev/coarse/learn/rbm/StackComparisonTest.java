package dev.coarse.learn.rbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coarse.lattice.Lattice;
import dev.coarse.mc.ChainResult;
import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Observables;
import dev.coarse.mc.RunSpec;
import dev.coarse.mc.SamplerKind;
import dev.coarse.model.IsingModel;
import dev.coarse.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackComparisonTest {

    private static final int L = 8;

    private static ChainResult sample() {
        RunSpec spec = new RunSpec(IsingModel.atTemperature(Lattice.square(L), 2.27), SamplerKind.WOLFF, 400, 50, 1, 2, 21, 1);
        return ChainRunner.run(spec, (done, total) -> { });
    }

    /** A spin RBM with W = s·I and no biases: for large s, h copies v and v′ copies h (flip probability e^{−2s}). */
    private static Rbm copying(int n, double s) {
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = s;
        }
        return new Rbm(UnitType.SPIN, new double[n], new double[n], w);
    }

    @Test
    void correlationLengthIsTheSamplersSecondMomentEstimate() {
        ChainResult result = sample();
        Estimate expected = Observables.measure(result).get("correlation_length");
        Estimate xi = StackComparison.correlationLength(result.configurations(), Lattice.square(L), result.chains());
        assertThat(xi.mean()).isEqualTo(expected.mean());
        assertThat(xi.error()).isEqualTo(expected.error());
    }

    @Test
    void rowsCoverDataBlockSpinsAndEachDepthAndACopyingStackReproducesTheData() {
        ChainResult result = sample();
        byte[][] data = result.configurations();
        // Flip probability per unit and pass e^{-40}/(2cosh 20): four passes over 64 sites never flip.
        RbmStack stack = new RbmStack(List.of(copying(L * L, 20), copying(L * L, 20)));
        List<StackComparison.Row> rows = StackComparison.compare(data, Lattice.square(L), 2, stack, 3);
        assertThat(rows).extracting(StackComparison.Row::name)
                .containsExactly("data", "majority-b2", "rbm-depth1", "rbm-depth2");
        assertThat(rows.get(1).linearSize()).isEqualTo(L / 2);
        assertThat(rows.get(1).scale()).isEqualTo(2);
        StackComparison.Row dataRow = rows.get(0);
        for (StackComparison.Row r : rows.subList(2, 4)) {
            assertThat(r.correlationLength().mean()).isEqualTo(dataRow.correlationLength().mean());
            assertThat(r.absMagnetization()).isEqualTo(dataRow.absMagnetization());
        }
        assertThat(dataRow.xiOverL()).isCloseTo(dataRow.correlationLength().mean() / L, within(1e-15));
        assertThat(stack.reconstruct(data, 2, new java.util.SplittableRandom(1))).isDeepEqualTo(data);
    }

    @Test
    void binaryStacksSeeBitsAndReturnSpins() {
        ChainResult result = sample();
        byte[][] data = result.configurations();
        double s = 80;
        int n = L * L;
        // Bits: p(h=1|v) = σ(b + s v); with b = −s/2, h copies v ∈ {0,1} (flip probability σ(−40) ≈ 4e-18).
        double[] bias = new double[n];
        java.util.Arrays.fill(bias, -s / 2);
        Rbm bits = new Rbm(UnitType.BINARY, bias.clone(), bias.clone(), copying(n, s).weights());
        List<StackComparison.Row> rows = StackComparison.compare(data, Lattice.square(L), 2,
                new RbmStack(List.of(bits)), 3);
        assertThat(rows.get(2).correlationLength().mean()).isEqualTo(rows.get(0).correlationLength().mean());
    }
}
