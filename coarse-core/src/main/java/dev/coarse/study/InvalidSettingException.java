package dev.coarse.study;

/**
 * A setting of a study spec that is out of range or does not fit the others. It names the setting by its key in the
 * spec ({@code sweeps}, or {@code mcrg.levels} once the spec knows the stage), so that a spec file's reader can point
 * at the line to change; {@link #problem()} is the message without the key.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String problem;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    /** The key of the setting, e.g. {@code sweeps} or {@code mcrg.levels}. */
    public String setting() {
        return setting;
    }

    /** What is wrong with it, e.g. {@code must be between 1 and 1000000000, got -5}. */
    public String problem() {
        return problem;
    }

    /** The same problem under the key of an enclosing section ({@code levels} → {@code mcrg.levels}). */
    InvalidSettingException in(String section) {
        return new InvalidSettingException(section + "." + setting, problem);
    }

    /** {@code value}, or the exception when it lies outside [min, max]. */
    static long between(String setting, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(setting, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** {@code value}, or the exception when it lies outside [min, max] or is NaN. */
    static double between(String setting, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingException(setting, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
