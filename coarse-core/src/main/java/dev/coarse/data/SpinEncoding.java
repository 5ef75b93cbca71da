package dev.coarse.data;

import java.util.Locale;

/** How a file stores ±1 spins: as −1/+1 (Coarse's own files) or as 0/1 bits (s = 2b − 1), which must be asked for. */
public enum SpinEncoding {
    /** −1 and +1, as Coarse writes them. */
    PLUS_MINUS_ONE("pm1"),
    /** 0 and 1, read as s = 2b − 1. */
    BITS("01");

    private final String id;

    SpinEncoding(String id) {
        this.id = id;
    }

    /** The command-line name: {@code pm1} or {@code 01}. */
    public String id() {
        return id;
    }

    /**
     * The encoding of a command-line name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SpinEncoding ofId(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        for (SpinEncoding e : values()) {
            if (e.id.equals(s) || (e == PLUS_MINUS_ONE && (s.equals("±1") || s.equals("+-1")))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown spin encoding '" + id + "' (known: pm1, 01)");
    }
}
