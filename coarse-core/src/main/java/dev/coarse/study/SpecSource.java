package dev.coarse.study;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One mapping of a spec file as a study reads it: values by key, converted to plain Java types. The file's format
 * lives behind this interface (the CLI reads YAML); the meaning of the keys, their defaults and their ranges live
 * with the settings records that read them ({@link StudySpec#read}), next to the {@code toJson()} that writes them.
 * Every method marks its key as read; {@link #finish()} rejects the keys nobody read. An absent key or a null value
 * gives an empty result; a value of the wrong shape is an error of the source.
 */
public interface SpecSource {

    /** Whether the key is present with a non-null value (does not mark it read). */
    boolean has(String key);

    /** A single value as text (a number's text for a number). */
    Optional<String> string(String key);

    /** An integer (a number with no fractional part). */
    OptionalLong integer(String key);

    /** A number. */
    OptionalDouble number(String key);

    /** Integers given as a list, or one integer as a list of one. */
    Optional<List<Long>> integers(String key);

    /** Names given as a list, or one name as a list of one. */
    Optional<List<String>> strings(String key);

    /**
     * Numbers given as a list, one number, or however the format writes an evenly spaced grid (the CLI's YAML: the
     * range {@code "a:b:n"}, n values from a to b inclusive, computed by {@link StudySpec#evenlySpaced}).
     */
    Optional<double[]> numbers(String key);

    /** A nested mapping as its own source (an empty one when absent). */
    SpecSource section(String key);

    /** Fails on the keys of this mapping that were never read. */
    void finish();

    /** The exception that reports {@code problem} with the value of {@code key}, in the source's own terms. */
    RuntimeException error(String key, String problem);
}
