package dev.coarse.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated study: its name, seed and model, the stages to run, and the settings of every stage it records.
 * {@link #toJson()} is its canonical form (every setting, defaults filled in; recorded in results.json) and
 * {@link #hash()} the SHA-256 of that form, which resuming a run compares.
 *
 * <p>Built in Java with the settings records (stages without settings get their {@link Stage#defaults}), or read
 * from a spec file with {@link #read}. The settings of a stage that does not run are kept (they are part of the
 * spec a user wrote) but only checked as far as the model alone decides.
 *
 * @param name     letters, digits, '.', '_' and '-'; names the default run directory
 * @param seed     the study's one seed; every stage's streams are split from it
 * @param model    the model every stage samples
 * @param stages   the stages to run, as named (they run in {@link Stages} order)
 * @param settings settings by stage name; missing ones are filled with defaults for the stages that run and for
 *                 those every spec records ({@link Stage#inEverySpec()})
 */
public record StudySpec(String name, long seed, StudyModel model, List<String> stages,
                        Map<String, StageSettings> settings) {

    /** Lowest temperature a spec accepts (J/k<sub>B</sub>). */
    public static final double MIN_TEMPERATURE = 1e-6;
    /** Highest temperature a spec accepts (J/k<sub>B</sub>). */
    public static final double MAX_TEMPERATURE = 1e6;
    /** Largest lattice a spec accepts, in sites. */
    public static final int MAX_SITES = 1 << 22;
    /** Largest linear size a spec accepts. */
    public static final int MAX_LINEAR_SIZE = 4096;

    public StudySpec {
        checkName(name);
        if (model == null) {
            throw new IllegalArgumentException("a study needs a model");
        }
        stages = List.copyOf(stages);
        checkStages(stages, model);
        Map<String, StageSettings> given = new LinkedHashMap<>(settings);
        Map<String, StageSettings> all = new LinkedHashMap<>();
        for (Stage<?, ?> stage : Stages.all()) {
            StageSettings s = given.remove(stage.name());
            if (s == null && (stage.inEverySpec() || stages.contains(stage.name()))) {
                s = stage.defaults(model);
            }
            if (s != null) {
                all.put(stage.name(), check(stage, s, model, stages.contains(stage.name())));
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("settings for unknown stages " + given.keySet() + " (stages: "
                    + String.join(", ", Stages.names()) + ")");
        }
        settings = Collections.unmodifiableMap(all);
    }

    /** A study of the given stages with their default settings. */
    public static StudySpec of(String name, long seed, StudyModel model, List<String> stages) {
        return new StudySpec(name, seed, model, stages, Map.of());
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidSettingException("name", "use letters, digits, '.', '_' and '-' only, got '" + name + "'");
        }
    }

    private static void checkStages(List<String> stages, StudyModel model) {
        for (String s : stages) {
            if (Stages.named(s).isEmpty()) {
                throw new InvalidSettingException("stages", "unknown stage '" + s + "' (stages: "
                        + String.join(", ", Stages.names()) + ")");
            }
        }
        if (stages.isEmpty()) {
            throw new InvalidSettingException("stages", "name at least one stage");
        }
        for (Stage<?, ?> stage : Stages.all()) {
            if (stages.contains(stage.name()) && stage.needsSpins() && !model.hasSpins()) {
                throw new InvalidSettingException("stages", "stage '" + stage.name()
                        + "' needs ±1 spins (an Ising model), not " + model.id());
            }
        }
    }

    /** The settings, after the stage's checks (problems named {@code <stage>.<key>}). */
    private static <S extends StageSettings> S check(Stage<S, ?> stage, StageSettings settings, StudyModel model,
                                                      boolean runs) {
        if (!stage.settingsType().isInstance(settings)) {
            throw new IllegalArgumentException("the settings of stage '" + stage.name() + "' must be "
                    + stage.settingsType().getSimpleName() + ", got " + settings.getClass().getSimpleName());
        }
        S s = stage.settingsType().cast(settings);
        try {
            s.check(model);
            if (runs) {
                s.checkRunnable(model);
            }
        } catch (InvalidSettingException e) {
            throw e.in(stage.name());
        }
        return s;
    }

    /**
     * Reads a spec from its source (a spec file's top-level mapping), checking each key as it is read, so that the
     * first bad key is the one reported (through {@link SpecSource#error}).
     *
     * @param seedOverride replaces the spec's seed when not null
     */
    public static StudySpec read(SpecSource root, Long seedOverride) {
        String name = root.string("name").orElse("study");
        SpecReading.checked(root, () -> checkName(name));
        long seed = root.integer("seed").orElse(1);
        if (seedOverride != null) {
            seed = seedOverride;
        }
        StudyModel.Family family = SpecReading.choice(root, "model", StudyModel.Family.ISING2D,
                StudyModel.Family.class);
        int q = SpecReading.integer(root, "q", family == StudyModel.Family.POTTS2D ? StudyModel.DEFAULT_POTTS_Q : 2,
                2, StudyModel.MAX_Q);
        StudyModel model = SpecReading.reported(root, () -> new StudyModel(family, q));
        List<String> stages = root.strings("stages").orElse(Stages.names());
        SpecReading.checked(root, () -> checkStages(stages, model));
        Map<String, StageSettings> settings = new LinkedHashMap<>();
        for (Stage<?, ?> stage : Stages.all()) {
            if (stage.inEverySpec() || stages.contains(stage.name()) || root.has(stage.name())) {
                settings.put(stage.name(), readSection(root.section(stage.name()), stage, model,
                        stages.contains(stage.name())));
            }
        }
        root.finish();
        return new StudySpec(name, seed, model, stages, settings);
    }

    private static <S extends StageSettings> S readSection(SpecSource section, Stage<S, ?> stage, StudyModel model,
                                                            boolean runs) {
        S settings = SpecReading.reported(section, () -> stage.read(section, model));
        section.finish();
        SpecReading.checked(section, () -> {
            settings.check(model);
            if (runs) {
                settings.checkRunnable(model);
            }
        });
        return settings;
    }

    /** The settings of a stage (present for every stage that runs). */
    public <S extends StageSettings> S settings(Stage<S, ?> stage) {
        StageSettings s = settings.get(stage.name());
        if (s == null) {
            throw new IllegalArgumentException("the spec has no settings for stage '" + stage.name() + "'");
        }
        return stage.settingsType().cast(s);
    }

    /** The settings of the stage whose settings record is {@code type}. */
    public <S extends StageSettings> S settings(Class<S> type) {
        for (StageSettings s : settings.values()) {
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
        throw new IllegalArgumentException("the spec has no " + type.getSimpleName());
    }

    /** Whether a stage of this name runs. */
    public boolean runs(String stage) {
        return stages.contains(stage);
    }

    /** The canonical JSON form: name, seed, model (q for Potts), stages, then one section per recorded stage. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        n.put("seed", seed);
        n.put("model", model.id());
        if (model.family() == StudyModel.Family.POTTS2D) {
            n.put("q", model.q());
        }
        ArrayNode st = n.putArray("stages");
        stages.forEach(st::add);
        settings.forEach((stage, s) -> n.set(stage, s.toJson()));
        return n;
    }

    /** SHA-256 (hex) of {@link #toJson()}. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** n ≥ 2 evenly spaced values from a to b inclusive: the grids of a spec ({@code "a:b:n"} in YAML). */
    public static double[] evenlySpaced(double a, double b, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("an evenly spaced grid needs at least 2 values, got " + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a + (b - a) * i / (n - 1);
        }
        return out;
    }

    /** Fails unless an L<sup>d</sup> lattice has at most {@link #MAX_SITES} sites. */
    static void checkSites(String key, int linearSize, int dimension) {
        if (Math.pow(linearSize, dimension) > MAX_SITES) {
            throw new InvalidSettingException(key, "L = " + linearSize + " gives more than " + MAX_SITES + " sites in "
                    + dimension + "D");
        }
    }
}
