package dev.coarse.learn.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.coarse.learn.engine.TorchEngine;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class HierarchicalFlowTest {

    /** A flow with every weight random (an untrained flow is the identity and would test nothing). */
    private static HierarchicalFlow randomFlow(FlowArchitecture architecture, NDManager manager, long seed) {
        return randomFlow(architecture, manager, seed, DataType.FLOAT32);
    }

    private static HierarchicalFlow randomFlow(FlowArchitecture architecture, NDManager manager, long seed,
                                               DataType type) {
        HierarchicalFlow flow = new HierarchicalFlow(architecture, manager, new SplittableRandom(seed), type);
        float[][] w = flow.weights();
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (float[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (0.6 * random.nextGaussian());
            }
        }
        flow.setWeights(w);
        return flow;
    }

    private static float[] gaussian(int n, long seed) {
        float[] z = new float[n];
        FlowSampler.gaussian(z, new SplittableRandom(seed));
        return z;
    }

    @Test
    void inverseUndoesGenerationAndNegatesTheLogDeterminant() {
        for (int channels = 1; channels <= 2; channels++) {
            FlowArchitecture a = new FlowArchitecture(8, channels, 3, 2, 8);
            try (NDManager manager = TorchEngine.newManager();
                 HierarchicalFlow flow = randomFlow(a, manager, 5)) {
                NDArray z = manager.create(gaussian(4 * a.variables(), 9), new Shape(4, channels, 8, 8));
                NDList forward = flow.generate(z);
                NDList back = flow.inverse(forward.get(0));
                float[] zz = z.toFloatArray();
                float[] recovered = back.get(0).toFloatArray();
                float[] x = forward.get(0).toFloatArray();
                double moved = 0;
                for (int i = 0; i < zz.length; i++) {
                    assertThat((double) recovered[i]).isCloseTo(zz[i], within(1e-4));
                    moved = Math.max(moved, Math.abs(x[i] - zz[i]));
                }
                assertThat(moved).as("the random flow is not the identity").isGreaterThan(0.5);
                float[] ldF = forward.get(1).toFloatArray();
                float[] ldB = back.get(1).toFloatArray();
                for (int i = 0; i < ldF.length; i++) {
                    assertThat(Math.abs(ldF[i])).isGreaterThan(0.5f);
                    assertThat((double) ldF[i] + ldB[i]).isCloseTo(0, within(1e-3));
                }
            }
        }
    }

    /**
     * ln|det ∂x/∂z| against the determinant of the Jacobian by central differences (EJML's LU), on L = 4 with two
     * channels (32 variables, every level and block used), in float64 with h = 1e-5: the quotients' truncation
     * error is O(h²) ≈ 1e-10 and their rounding about 1e-11, so ln det agrees to 1e-6.
     */
    @Test
    void logDeterminantIsTheJacobiansByFiniteDifferences() {
        FlowArchitecture a = new FlowArchitecture(4, 2, 3, 2, 8);
        int v = a.variables();
        double h = 1e-5;
        try (NDManager manager = TorchEngine.newManager();
             HierarchicalFlow flow = randomFlow(a, manager, 11, DataType.FLOAT64)) {
            float[] zf = gaussian(v, 13);
            double[] z = new double[v];
            for (int i = 0; i < v; i++) {
                z[i] = zf[i];
            }
            double[] batch = new double[2 * v * v];
            for (int j = 0; j < v; j++) {
                for (int sign = 0; sign < 2; sign++) {
                    int row = 2 * j + sign;
                    System.arraycopy(z, 0, batch, row * v, v);
                    batch[row * v + j] += sign == 0 ? h : -h;
                }
            }
            double[] x = flow.generate(manager.create(batch, new Shape(2L * v, 2, 4, 4))).get(0).toDoubleArray();
            SimpleMatrix jacobian = new SimpleMatrix(v, v);
            for (int j = 0; j < v; j++) {
                for (int i = 0; i < v; i++) {
                    jacobian.set(i, j, (x[(2 * j) * v + i] - x[(2 * j + 1) * v + i]) / (2 * h));
                }
            }
            double expected = Math.log(Math.abs(jacobian.determinant()));
            double logDet = flow.generate(manager.create(z, new Shape(1, 2, 4, 4))).get(1).getDouble(0);
            assertThat(Math.abs(expected)).as("a log-determinant far from 0").isGreaterThan(0.3);
            assertThat(logDet).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void architectureRejectsSizesTheHierarchyCannotHalve() {
        assertThatThrownBy(() -> new FlowArchitecture(6, 1, 2, 1, 4)).hasMessageContaining("L = 2^k");
        assertThatThrownBy(() -> new FlowArchitecture(8, 0, 2, 1, 4)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new FlowArchitecture(8, 1, 0, 1, 4)).hasMessageContaining(">= 1");
    }
    /**
     * The log-determinant by level: with random weights on level ℓ only (the others keep their zero output layers,
     * the identity), column ℓ carries the whole log-determinant — which the finite-difference test checks — and the
     * other columns are 0; with every level random the columns sum to {@link HierarchicalFlow#inverse}'s.
     */
    @Test
    void logDeterminantSplitsByLevel() {
        FlowArchitecture a = new FlowArchitecture(8, 1, 2, 1, 8);
        for (int only = 0; only < a.depth(); only++) {
            try (NDManager manager = TorchEngine.newManager();
                 HierarchicalFlow flow = new HierarchicalFlow(a, manager, new SplittableRandom(3))) {
                float[][] w = flow.weights();
                SplittableRandom random = new SplittableRandom(4);
                for (int p = 0; p < w.length; p++) {
                    if (flow.parameterNames().get(p).startsWith("l" + only + ".")) {
                        for (int i = 0; i < w[p].length; i++) {
                            w[p][i] = (float) (0.6 * random.nextGaussian());
                        }
                    }
                }
                flow.setWeights(w);
                NDArray x = manager.create(gaussian(3 * a.variables(), 8), new Shape(3, 1, 8, 8));
                float[] total = flow.inverse(x).get(1).toFloatArray();
                float[] split = flow.inverseByLevel(x).get(1).toFloatArray();
                for (int b = 0; b < 3; b++) {
                    assertThat(Math.abs(total[b])).as("level %d alone moves the volume", only).isGreaterThan(0.02f);
                    for (int level = 0; level < a.depth(); level++) {
                        double expected = level == only ? total[b] : 0;
                        assertThat((double) split[b * a.depth() + level]).as("level %d of %d", level, only)
                                .isCloseTo(expected, within(2e-5));
                    }
                }
            }
        }
        try (NDManager manager = TorchEngine.newManager(); HierarchicalFlow flow = randomFlow(a, manager, 6)) {
            NDArray x = manager.create(gaussian(2 * a.variables(), 7), new Shape(2, 1, 8, 8));
            float[] total = flow.inverse(x).get(1).toFloatArray();
            float[] split = flow.inverseByLevel(x).get(1).toFloatArray();
            for (int b = 0; b < 2; b++) {
                double sum = 0;
                for (int level = 0; level < a.depth(); level++) {
                    sum += split[b * a.depth() + level];
                }
                assertThat(sum).isCloseTo(total[b], within(1e-3 * Math.max(1, Math.abs(total[b]))));
            }
        }
    }

    /** The sizes a model file is checked against before any network is built are the network's. */
    @Test
    void parameterSizesAreTheNetworksWithoutBuildingIt() {
        FlowArchitecture a = new FlowArchitecture(8, 3, 2, 2, 5);
        try (NDManager manager = TorchEngine.newManager();
             HierarchicalFlow flow = new HierarchicalFlow(a, manager, new SplittableRandom(1))) {
            long[] built = flow.parameters().stream().mapToLong(NDArray::size).toArray();
            assertThat(a.parameterSizes()).containsExactly(built);
            assertThat(a.parameterArrays()).isEqualTo(built.length);
        }
    }
}
