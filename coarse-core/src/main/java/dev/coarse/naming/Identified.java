package dev.coarse.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A constant of an enum that the world outside the JVM names by an id: the kind of degrees of freedom an ensemble
 * file records, a sampler on the command line, a model family in a study spec. By default the id is the constant's
 * name in lower case with {@code -} for {@code _} ({@code SPIN} → {@code spin}, {@code MILLER_MADOW} →
 * {@code miller-madow}); an enum whose ids do not follow that rule overrides {@link #id()}. Ids are part of file
 * formats and of users' commands, so they never change once released: {@code IdentifiedTest} pins every one, and a
 * renamed constant fails it. Looking a constant up by its id happens here, once; each enum keeps its own message
 * for an unknown id, since that message is what its users read.
 */
public interface Identified {

    /** The constant's Java name ({@link Enum#name()}). */
    String name();

    /** The id files, specs, results and the command line use for this constant. */
    default String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} with this id; empty for an unknown id or null. */
    static <E extends Enum<E> & Identified> Optional<E> find(Class<E> type, String id) {
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equals(id)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant of {@code type} with this id.
     *
     * @param what the kind of thing the id names, for the message ("support", "degrees of freedom")
     * @throws IllegalArgumentException {@code unknown <what> '<id>' (known: <ids>)} for an unknown id or null
     */
    static <E extends Enum<E> & Identified> E byId(Class<E> type, String what, String id) {
        return find(type, id).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + id
                + "' (known: " + String.join(", ", ids(type)) + ")"));
    }

    /** The ids of {@code type}'s constants, in declaration order (for messages and spec validation). */
    static <E extends Enum<E> & Identified> List<String> ids(Class<E> type) {
        List<String> ids = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            ids.add(constant.id());
        }
        return List.copyOf(ids);
    }
}
