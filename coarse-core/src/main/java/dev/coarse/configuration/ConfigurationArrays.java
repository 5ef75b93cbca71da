package dev.coarse.configuration;

import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/** The checks both forms of {@link Configurations} make on their arrays, whatever the element type. */
final class ConfigurationArrays {

    private ConfigurationArrays() {
    }

    /** Fails unless configurations 1 … count − 1 have the length of configuration 0. */
    static void requireOneLength(int count, IntUnaryOperator lengthOf) {
        for (int s = 1; s < count; s++) {
            if (lengthOf.applyAsInt(s) != lengthOf.applyAsInt(0)) {
                throw new IllegalArgumentException("configuration " + s + " has " + lengthOf.applyAsInt(s)
                        + " values, configuration 0 has " + lengthOf.applyAsInt(0));
            }
        }
    }

    /** Runs {@code validate} on configurations 0 … count − 1, naming the configuration of the first failure. */
    static void validateEach(int count, IntConsumer validate) {
        for (int s = 0; s < count; s++) {
            try {
                validate.accept(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("configuration " + s + ": " + e.getMessage(), e);
            }
        }
    }
}
