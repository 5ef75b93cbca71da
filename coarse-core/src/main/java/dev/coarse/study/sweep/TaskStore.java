package dev.coarse.study.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The finished tasks of a sweep: one {@code <key>.json} per task in a directory, written atomically (a temporary
 * file moved into place), so a killed sweep leaves only whole records and a rerun skips exactly the finished tasks.
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

    /** Stores a finished task's record (its {@code key} names the file). */
    public void save(ObjectNode record) throws IOException {
        String key = record.path("key").asText();
        Path file = dir.resolve(key + ".json");
        Path tmp = Files.createTempFile(dir, key, ".tmp");
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), record);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
