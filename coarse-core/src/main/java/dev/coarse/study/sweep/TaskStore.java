package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coarse.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The finished tasks of a sweep: one {@code <key>.json} per task in a directory, written atomically (a temporary
 * file forced to the disk and moved into place, {@link AtomicFiles}), so a killed sweep leaves only whole records and a rerun skips exactly the finished tasks.
 * A record that does not parse, or holds another key, counts as not finished.
 */
public final class TaskStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;

    public TaskStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The stored record of a task ({@code {"key", "spec", "result", ...}}), if it finished. */
    public Optional<ObjectNode> load(String key) {
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n instanceof ObjectNode o && key.equals(o.path("key").asText()) && o.path("result").isObject()) {
                return Optional.of(o);
            }
        } catch (IOException e) {
            // a damaged record: the task runs again
        }
        return Optional.empty();
    }

    /**
     * Stores a finished task's record (its {@code key} names the file) with {@link AtomicFiles}: the record is on the
     * disk (fsync) before it is renamed into place, and the directory after, so that a crash of the machine leaves a
     * whole record or none.
     */
    public void save(ObjectNode record) throws IOException {
        String key = record.path("key").asText();
        AtomicFiles.write(dir.resolve(key + ".json"), true,
                tmp -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), record));
    }
}
