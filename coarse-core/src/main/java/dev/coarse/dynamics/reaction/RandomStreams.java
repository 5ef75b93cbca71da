package dev.coarse.dynamics.reaction;

import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/** The root generator every simulation of this package splits its per-run streams from. */
final class RandomStreams {

    /** JDK 17 splittable LXM generator, as the samplers use. */
    static final String ALGORITHM = "L64X128MixRandom";

    private RandomStreams() {
    }

    static SplittableGenerator root(long seed) {
        return RandomGeneratorFactory.<SplittableGenerator>of(ALGORITHM).create(seed);
    }
}
