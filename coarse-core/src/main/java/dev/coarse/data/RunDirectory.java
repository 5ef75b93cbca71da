package dev.coarse.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directory {@code runs/<name>/} that one run writes its outputs to: {@code results.json},
 * {@code report.html}, ensemble files, charts, and the JSON checkpoints of a study's completed stages. JSON is
 * written pretty-printed with a final newline, every file atomically ({@link AtomicFiles}).
 *
 * <p>The default name is the UTC time and the study, e.g. {@code 20261123-071500-ising2d-critical}; if
 * that exists, {@code -2}, {@code -3}, … is appended. An explicitly named directory that exists and is not
 * empty is refused ({@link FileAlreadyExistsException}) unless {@code force}; with {@code force} it is reused
 * and the files this run writes replace the old ones (other files are left alone).
 */
public final class RunDirectory {

    /** Where run directories go by default, relative to the working directory. */
    public static final Path DEFAULT_ROOT = Path.of("runs");
    public static final String RESULTS = "results.json";
    public static final String REPORT = "report.html";

    /** Pretty-printed JSON, as people read results.json. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates (or, with {@code force}, reuses) a run directory.
     *
     * @param root  the parent directory, usually {@link #DEFAULT_ROOT}
     * @param name  the directory name, or null for the default timestamp-and-study name
     * @param study the study's name, used in the default name
     * @param force whether an existing non-empty directory {@code name} may be reused
     */
    public static RunDirectory create(Path root, String name, String study, boolean force) throws IOException {
        return create(root, name, study, force, Clock.systemUTC());
    }

    /** As {@link #create(Path, String, String, boolean)}, with the clock that dates the default name. */
    public static RunDirectory create(Path root, String name, String study, boolean force, Clock clock)
            throws IOException {
        Files.createDirectories(root);
        if (name == null) {
            String base = defaultName(study, clock);
            for (int attempt = 1; ; attempt++) {
                Path candidate = root.resolve(attempt == 1 ? base : base + "-" + attempt);
                if (!Files.exists(candidate)) {
                    Files.createDirectory(candidate);
                    return new RunDirectory(candidate);
                }
            }
        }
        checkName(name);
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            if (!force && !isEmpty(dir)) {
                throw new FileAlreadyExistsException(dir.toString());
            }
        } else {
            Files.createDirectories(dir);
        }
        return new RunDirectory(dir);
    }

    /** {@code <yyyyMMdd-HHmmss UTC>-<study>}, the study reduced to lower-case letters, digits and dashes. */
    public static String defaultName(String study, Clock clock) {
        String slug = study == null ? "" : study.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String stamp = STAMP.format(clock.instant());
        return slug.isEmpty() ? stamp : stamp + "-" + slug;
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** A file inside the directory. */
    public Path resolve(String fileName) {
        checkName(fileName);
        return path.resolve(fileName);
    }

    /** Writes {@code results.json} (pretty-printed JSON of {@code results}, e.g. an ObjectNode) atomically. */
    public Path writeResults(Object results) throws IOException {
        return writeJson(RESULTS, results);
    }

    /** Writes {@code report.html} atomically. */
    public Path writeReport(String html) throws IOException {
        Path file = resolve(REPORT);
        AtomicFiles.writeString(file, true, html);
        return file;
    }

    /** Writes a file of the directory as pretty-printed JSON (e.g. a checkpoint), atomically, replacing it. */
    public Path writeJson(String fileName, Object value) throws IOException {
        Path file = resolve(fileName);
        AtomicFiles.writeString(file, true, JSON.writeValueAsString(value) + "\n");
        return file;
    }

    /** The JSON of a file of the directory, empty if there is no such file. */
    public Optional<JsonNode> readJson(String fileName) throws IOException {
        Path file = resolve(fileName);
        return Files.exists(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("'" + name + "' must be a plain name without '/'");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
