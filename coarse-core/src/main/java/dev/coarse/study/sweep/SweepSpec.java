package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import dev.coarse.study.InvalidSettingException;
import dev.coarse.study.Stage;
import dev.coarse.study.Stages;
import dev.coarse.study.StudyModel;
import dev.coarse.study.StudySpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A sweep: a base study and a grid of models × linear sizes L × temperatures T × seeds × stage sets, one
 * {@link SweepTask} per point ({@link #tasks}). An axis left out is not swept (the base study's value holds). At a
 * point, L and T replace the sizes and temperatures of every stage of the set that has them (its
 * {@code sizes}/{@code size} and {@code temperatures}/{@code temperature} settings, as the stage's default settings
 * name them), so one grid drives the energy, Binder, MCRG or information stages alike.
 *
 * @param name         letters, digits, '.', '_' and '-'
 * @param study        the base study's spec tree (the format of {@code coarse run}'s spec); the grid sets its
 *                     {@code name}, {@code model}, {@code seed} and {@code stages}
 * @param models       model family ids ({@code ising2d}, {@code ising3d}, {@code potts2d}); empty: the study's
 * @param sizes        linear sizes; empty: not swept
 * @param temperatures temperatures; empty: not swept
 * @param seeds        seeds; empty: the study's
 * @param stageSets    sets of stages; empty: the study's
 * @param attempts     tries per task before its failure is final, 1 to 10
 */
public record SweepSpec(String name, ObjectNode study, List<String> models, List<Integer> sizes,
                        List<Double> temperatures, List<Long> seeds, List<List<String>> stageSets, int attempts) {

    /** Most tasks one sweep expands to. */
    public static final int MAX_TASKS = 100_000;

    public SweepSpec {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidSettingException("name", "use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
        study = study == null ? Json.object() : study.deepCopy();
        models = List.copyOf(models);
        sizes = List.copyOf(sizes);
        temperatures = List.copyOf(temperatures);
        seeds = List.copyOf(seeds);
        stageSets = stageSets.stream().map(List::copyOf).toList();
        for (String m : models) {
            if (Set.of(StudyModel.Family.values()).stream().noneMatch(f -> f.id().equals(m))) {
                throw new InvalidSettingException("grid.models", "unknown model '" + m + "'");
            }
        }
        for (double t : temperatures) {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new InvalidSettingException("grid.temperatures", "must be finite and positive, got " + t);
            }
        }
        for (List<String> set : stageSets) {
            if (set.isEmpty()) {
                throw new InvalidSettingException("grid.stages", "a stage set names at least one stage");
            }
        }
        if (attempts < 1 || attempts > 10) {
            throw new InvalidSettingException("attempts", "must be 1 to 10, got " + attempts);
        }
        long count = (long) Math.max(1, models.size()) * Math.max(1, sizes.size()) * Math.max(1, temperatures.size())
                * Math.max(1, seeds.size()) * Math.max(1, stageSets.size());
        if (count > MAX_TASKS) {
            throw new InvalidSettingException("grid", count + " tasks; a sweep has at most " + MAX_TASKS);
        }
    }

    /**
     * Reads a sweep spec tree: {@code name}, {@code attempts} (default 2), {@code study} (the base study) and
     * {@code grid} with {@code models}, {@code sizes}, {@code temperatures} (a list or {@code "a:b:n"}),
     * {@code seeds} and {@code stages} (a list of stage sets, or of names, each its own set).
     */
    public static SweepSpec read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidSettingException("sweep", "expected a mapping of keys to values");
        }
        checkKeys(tree, null, Set.of("name", "attempts", "study", "grid"));
        JsonNode study = tree.path("study");
        if (!study.isMissingNode() && !study.isObject()) {
            throw new InvalidSettingException("study", "expected a mapping (a study spec)");
        }
        JsonNode grid = tree.path("grid");
        if (!grid.isObject()) {
            throw new InvalidSettingException("grid", "expected a mapping of axes (models, sizes, temperatures, "
                    + "seeds, stages)");
        }
        checkKeys(grid, "grid", Set.of("models", "sizes", "temperatures", "seeds", "stages"));
        List<String> models = new ArrayList<>();
        list(grid, "models").forEach(n -> models.add(text(n, "grid.models")));
        List<Integer> sizes = new ArrayList<>();
        list(grid, "sizes").forEach(n -> sizes.add((int) integer(n, "grid.sizes",
                2, StudySpec.MAX_LINEAR_SIZE)));
        List<Double> temperatures = temperatures(grid.path("temperatures"));
        List<Long> seeds = new ArrayList<>();
        list(grid, "seeds").forEach(n -> seeds.add(integer(n, "grid.seeds",
                Long.MIN_VALUE, Long.MAX_VALUE)));
        List<List<String>> stageSets = new ArrayList<>();
        for (JsonNode n : list(grid, "stages")) {
            List<String> set = new ArrayList<>();
            (n.isArray() ? n : List.of(n)).forEach(s -> set.add(text(s, "grid.stages")));
            stageSets.add(set);
        }
        JsonNode attempts = tree.path("attempts");
        return new SweepSpec(tree.path("name").asText("sweep"), study.isObject() ? (ObjectNode) study : null,
                models, sizes, temperatures, seeds, stageSets,
                attempts.isMissingNode() ? 2 : (int) integer(attempts, "attempts", 1, 10));
    }

    private static void checkKeys(JsonNode n, String section, Set<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new InvalidSettingException(section == null ? key : section + "." + key,
                        "unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static List<JsonNode> list(JsonNode grid, String key) {
        JsonNode v = grid.path(key);
        List<JsonNode> out = new ArrayList<>();
        if (!v.isMissingNode() && !v.isNull()) {
            (v.isArray() ? v : List.of(v)).forEach(out::add);
        }
        return out;
    }

    private static long integer(JsonNode n, String key, long min, long max) {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
            throw new InvalidSettingException(key, "expected integers from " + min + " to " + max + ", got " + n);
        }
        return n.asLong();
    }

    private static String text(JsonNode n, String key) {
        if (!n.isTextual()) {
            throw new InvalidSettingException(key, "expected names, got " + n);
        }
        return n.asText();
    }

    private static List<Double> temperatures(JsonNode v) {
        List<Double> out = new ArrayList<>();
        if (v.isTextual()) {
            for (double t : TreeSpecSource.range(v.asText(), "grid.temperatures")) {
                out.add(t);
            }
            return out;
        }
        for (JsonNode n : v.isMissingNode() || v.isNull() ? List.<JsonNode>of() : v.isArray() ? v : List.of(v)) {
            if (!n.isNumber()) {
                throw new InvalidSettingException("grid.temperatures", "expected numbers, got " + n);
            }
            out.add(n.asDouble());
        }
        return out;
    }

    /** Number of tasks the grid expands to. */
    public int size() {
        return Math.max(1, models.size()) * Math.max(1, sizes.size()) * Math.max(1, temperatures.size())
                * Math.max(1, seeds.size()) * Math.max(1, stageSets.size());
    }

    /** {@link #tasks(Function)} with the studies read by core's own reader of spec trees. */
    public List<SweepTask> tasks() {
        return tasks(TreeSpecSource::read);
    }

    /**
     * The tasks in grid order (models slowest, then stage sets, sizes, temperatures, seeds fastest), each study read
     * and validated by {@code reader} (the CLI's passes its YAML reader, whose errors name the spec file).
     *
     * @throws IllegalArgumentException when a point's study is invalid, or an axis is swept that none of a point's
     *                                  stages has
     */
    public List<SweepTask> tasks(Function<ObjectNode, StudySpec> reader) {
        List<SweepTask> tasks = new ArrayList<>();
        for (String model : orNull(models)) {
            for (List<String> stages : orNull(stageSets)) {
                for (Integer size : orNull(sizes)) {
                    for (Double temperature : orNull(temperatures)) {
                        for (Long seed : orNull(seeds)) {
                            tasks.add(task(model, stages, size, temperature, seed, reader));
                        }
                    }
                }
            }
        }
        return tasks;
    }

    private static <T> List<T> orNull(List<T> axis) {
        List<T> out = new ArrayList<>(axis);
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    private SweepTask task(String model, List<String> stages, Integer size, Double temperature, Long seed,
                           Function<ObjectNode, StudySpec> reader) {
        ObjectNode tree = study.deepCopy();
        tree.put("name", name);
        ObjectNode point = Json.object();
        if (model != null) {
            tree.put("model", model);
            if (!model.equals(StudyModel.Family.POTTS2D.id())) {
                tree.remove("q");
            }
        }
        if (stages != null) {
            ArrayNode s = tree.putArray("stages");
            stages.forEach(s::add);
        }
        if (seed != null) {
            tree.put("seed", seed);
        }
        StudySpec base = reader.apply(tree.deepCopy());
        boolean sized = false;
        boolean heated = false;
        for (String stageName : base.stages()) {
            Stage<?, ?> stage = Stages.get(stageName);
            ObjectNode defaults = stage.defaults(base.model()).toJson();
            // the base study was read, so a stage's section is a mapping when present
            ObjectNode section = tree.get(stageName) instanceof ObjectNode o ? o : tree.putObject(stageName);
            if (size != null) {
                sized |= set(section, defaults, "sizes", "size", Json.integers(List.of(size)), size);
            }
            if (temperature != null) {
                heated |= set(section, defaults, "temperatures", "temperature",
                        Json.plainNumbers(new double[] {temperature}), temperature);
            }
        }
        if (size != null && !sized) {
            throw new InvalidSettingException("grid.sizes", "none of the stages " + base.stages() + " has a size");
        }
        if (temperature != null && !heated) {
            throw new InvalidSettingException("grid.temperatures", "none of the stages " + base.stages()
                    + " has a temperature");
        }
        StudySpec spec = reader.apply(tree);
        point.put("model", spec.model().id());
        if (size != null) {
            point.put("L", size);
        }
        if (temperature != null) {
            point.put("T", temperature);
        }
        point.put("seed", spec.seed());
        point.set("stages", Json.strings(spec.stages()));
        return SweepTask.of(point, spec);
    }

    /** Puts the value under the plural key or the singular one, whichever the stage's settings have. */
    private static boolean set(ObjectNode section, ObjectNode defaults, String plural, String singular,
                               JsonNode list, Number one) {
        if (defaults.has(plural)) {
            section.remove(singular);
            section.set(plural, list);
            return true;
        }
        if (defaults.has(singular)) {
            section.remove(plural);
            if (one instanceof Integer i) {
                section.put(singular, i);
            } else {
                section.put(singular, one.doubleValue());
            }
            return true;
        }
        return false;
    }
}
