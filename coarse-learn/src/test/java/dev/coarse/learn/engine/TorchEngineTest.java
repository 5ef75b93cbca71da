package dev.coarse.learn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TorchEngineTest {

    /**
     * Mean squared error the sine fit must reach: 0.2% of Var(sin x) = ½. Seeds 1 to 8 reach 6e-6 to 4e-4 after
     * {@value #STEPS} steps on one intra-op thread (seed 1: 9.4e-5), and the untrained networks start at 0.2 to 2.3.
     */
    private static final double FIT_MEAN_SQUARED_ERROR = 1e-3;
    private static final int STEPS = 2000;

    @Test
    void loadsPyTorchOfflineOnOneIntraOpThread() {
        Engine engine = TorchEngine.engine();
        assertThat(engine.getEngineName()).isEqualTo(TorchEngine.NAME);
        assertThat(engine.getVersion()).isEqualTo("2.7.1");
        assertThat(Utils.isOfflineMode()).isTrue();
        assertThat(TorchEngine.intraOpThreads()).isEqualTo(1);
        try (NDManager manager = TorchEngine.newManager()) {
            NDArray x = manager.create(new float[] {1, 2, 3});
            assertThat(x.mul(x).sum().getFloat()).isEqualTo(14f);
        }
    }

    @Test
    void adamFitsASineWithAnMlp() {
        SineFit.Result fit = SineFit.train(1, STEPS);
        assertThat(fit.losses()[0]).as("the untrained network").isGreaterThan((float) (100 * FIT_MEAN_SQUARED_ERROR));
        assertThat(fit.finalMeanSquaredError()).isLessThan(FIT_MEAN_SQUARED_ERROR);
    }

    @Test
    void theSameSeedGivesTheSameLossTrajectoryBitForBit() {
        SineFit.Result first = SineFit.train(7, 200);
        SineFit.Result again = SineFit.train(7, 200);
        SineFit.Result otherSeed = SineFit.train(8, 200);
        assertThat(again.losses()).isEqualTo(first.losses());
        assertThat(otherSeed.losses()).isNotEqualTo(first.losses());
    }

    @Test
    void glorotWeightsComeFromTheGivenStreamWithinTheirBound() {
        try (NDManager manager = TorchEngine.newManager()) {
            Shape shape = new Shape(64, 1);
            float[] a = new GlorotUniform(new SplittableRandom(5)).initialize(manager, shape, DataType.FLOAT32)
                    .toFloatArray();
            float[] b = new GlorotUniform(new SplittableRandom(5)).initialize(manager, shape, DataType.FLOAT32)
                    .toFloatArray();
            assertThat(a).isEqualTo(b);
            double bound = Math.sqrt(6.0 / 65);
            for (float w : a) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo((float) bound);
            }
        }
    }
}
