package dev.coarse.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every {@link Stage} on the class path, found once with {@link ServiceLoader} and kept in run order
 * ({@link Stage#order()}).
 */
public final class Stages {

    private static final List<Stage<?, ?>> ALL = load();

    private Stages() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<Stage<?, ?>> load() {
        List<Stage<?, ?>> stages = new ArrayList<>();
        for (Stage stage : ServiceLoader.load(Stage.class, Stage.class.getClassLoader())) {
            stages.add(stage);
        }
        stages.sort(Comparator.comparingInt(Stage::order));
        Set<String> names = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (Stage<?, ?> s : stages) {
            if (!names.add(s.name()) || !orders.add(s.order())) {
                throw new IllegalStateException("two stages share the name '" + s.name() + "' or the order "
                        + s.order() + " (" + s.getClass().getName() + ")");
            }
        }
        return List.copyOf(stages);
    }

    /** Every stage, in run order. */
    public static List<Stage<?, ?>> all() {
        return ALL;
    }

    /** The stage names, in run order. */
    public static List<String> names() {
        return ALL.stream().map(Stage::name).toList();
    }

    public static Optional<Stage<?, ?>> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The stage of a given name. */
    public static Stage<?, ?> get(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("unknown stage '" + name + "' (stages: "
                + String.join(", ", names()) + ")"));
    }
}
