package dev.coarse.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link ResumableStream} is the JDK's L64X128MixRandom bit for bit, and its state continues it exactly. */
class ResumableStreamTest {

    /** One draw of every kind a sampler uses, folded into a long so two generators can be compared call by call. */
    private static long draw(RandomGenerator g, int kind) {
        return switch (kind) {
            case 0 -> g.nextLong();
            case 1 -> g.nextInt();
            case 2 -> g.nextInt(17);
            case 3 -> Double.doubleToRawLongBits(g.nextDouble());
            case 4 -> g.nextBoolean() ? 1 : 0;
            case 5 -> Double.doubleToRawLongBits(g.nextGaussian());
            case 6 -> Float.floatToRawIntBits(g.nextFloat());
            case 7 -> g.nextLong(1_000_003);
            case 8 -> Double.doubleToRawLongBits(g.nextExponential());
            default -> g.nextInt(3, 1 << 20);
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 11, -5, 123_456_789L, Long.MIN_VALUE})
    void seedingSplittingAndEveryDrawEqualTheJdkGenerator(long seed) {
        SplittableGenerator jdk = RandomGeneratorFactory.<SplittableGenerator>of(ChainRunner.GENERATOR).create(seed);
        ResumableStream ours = ResumableStream.seeded(seed);
        for (int split = 0; split < 4; split++) {
            RandomGenerator a = jdk.split();
            RandomGenerator b = ours.split();
            for (int i = 0; i < 5_000; i++) {
                int kind = i % 10;
                assertThat(draw(b, kind)).as("seed %d, split %d, draw %d", seed, split, i).isEqualTo(draw(a, kind));
            }
        }
        for (int i = 0; i < 100; i++) {
            assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
        }
    }

    @Test
    void aRestoredStateContinuesTheStream() {
        ResumableStream g = ResumableStream.seeded(42).split();
        for (int i = 0; i < 1000; i++) {
            g.nextDouble();
        }
        ResumableStream copy = ResumableStream.fromState(g.state());
        for (int i = 0; i < 10_000; i++) {
            int kind = i % 10;
            assertThat(draw(copy, kind)).isEqualTo(draw(g, kind));
        }
        assertThat(copy.state()).containsExactly(g.state());
    }

    @Test
    void aStateNoGeneratorHasIsRefused() {
        assertThatThrownBy(() -> ResumableStream.fromState(new long[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumableStream.fromState(new long[] {2, 2, 3, 4})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResumableStream.fromState(new long[] {1, 2, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
