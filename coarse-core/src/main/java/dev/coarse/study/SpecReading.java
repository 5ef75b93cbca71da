package dev.coarse.study;

import dev.coarse.naming.Identified;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reading checked values from a {@link SpecSource}: the ranges and choices every settings record also checks in its
 * constructor, applied as each key is read so that a spec file's first bad key is the one reported.
 */
final class SpecReading {

    private SpecReading() {
    }

    /** Runs {@code read}, reporting an {@link InvalidSettingException} through the source (with its key). */
    static <T> T reported(SpecSource source, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidSettingException e) {
            throw source.error(e.setting(), e.problem());
        }
    }

    /** Runs {@code check}, reporting an {@link InvalidSettingException} through the source (with its key). */
    static void checked(SpecSource source, Runnable check) {
        try {
            check.run();
        } catch (InvalidSettingException e) {
            throw source.error(e.setting(), e.problem());
        }
    }

    static long integer(SpecSource s, String key, long fallback, long min, long max) {
        long value = s.integer(key).orElse(fallback);
        return reported(s, () -> InvalidSettingException.between(key, value, min, max));
    }

    static int integer(SpecSource s, String key, int fallback, int min, int max) {
        return (int) integer(s, key, (long) fallback, min, max);
    }

    static double number(SpecSource s, String key, double fallback, double min, double max) {
        double value = s.number(key).orElse(fallback);
        return reported(s, () -> InvalidSettingException.between(key, value, min, max));
    }

    static String choice(SpecSource s, String key, String fallback, List<String> allowed) {
        String value = s.string(key).orElse(fallback);
        return reported(s, () -> choice(key, value, allowed));
    }

    /** The constant of {@code type} a key names by its id ({@code fallback} when the key is absent). */
    static <E extends Enum<E> & Identified> E choice(SpecSource s, String key, E fallback, Class<E> type) {
        String id = s.string(key).orElse(fallback.id());
        return reported(s, () -> choice(key, id, type));
    }

    /** The constant of {@code type} with this id. */
    static <E extends Enum<E> & Identified> E choice(String key, String id, Class<E> type) {
        return Identified.find(type, choice(key, id, Identified.ids(type))).orElseThrow();
    }

    /** {@code value} if it is one of {@code allowed}. */
    static String choice(String key, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidSettingException(key, "expected one of " + String.join(", ", allowed) + ", got '"
                    + value + "'");
        }
        return value;
    }

    /** Lattice sizes (or other integers), each in [min, max], at least one. */
    static List<Integer> integers(SpecSource s, String key, List<Integer> fallback, int min, int max) {
        List<Long> values = s.integers(key).orElse(null);
        return values == null ? fallback : reported(s, () -> integers(key, values, min, max));
    }

    static List<Integer> integers(String key, List<? extends Number> values, int min, int max) {
        List<Integer> out = new ArrayList<>();
        for (Number n : values) {
            long value = n.longValue();
            if (value < min || value > max) {
                throw new InvalidSettingException(key, "values must be between " + min + " and " + max + ", got "
                        + value);
            }
            out.add((int) value);
        }
        if (out.isEmpty()) {
            throw new InvalidSettingException(key, "must not be empty");
        }
        return List.copyOf(out);
    }

    /** Positive finite numbers (temperatures, couplings), at least one. */
    static double[] positives(SpecSource s, String key, double[] fallback) {
        double[] values = s.numbers(key).orElse(null);
        return values == null ? fallback : reported(s, () -> positives(key, values));
    }

    static double[] positives(String key, double[] values) {
        if (values.length == 0) {
            throw new InvalidSettingException(key, "must not be empty");
        }
        for (double x : values) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new InvalidSettingException(key, "values must be finite and > 0, got " + x);
            }
        }
        return values.clone();
    }

    /** A temperature, or the word {@code critical} for the model's T<sub>c</sub> (also the default). */
    static double temperature(SpecSource s, double criticalTemperature) {
        if (s.string("temperature").filter("critical"::equals).isPresent()) {
            return criticalTemperature;
        }
        return number(s, "temperature", criticalTemperature, StudySpec.MIN_TEMPERATURE, StudySpec.MAX_TEMPERATURE);
    }

    /** Fails with {@code message} unless the values increase strictly. */
    static void increasing(String key, double[] values, String message) {
        for (int k = 1; k < values.length; k++) {
            if (values[k] <= values[k - 1]) {
                throw new InvalidSettingException(key, message);
            }
        }
    }
}
