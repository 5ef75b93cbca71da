package dev.coarse.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a killed run never leaves a half-written file under the final name: the content
 * goes to a temporary sibling, which is then renamed into place.
 */
public final class AtomicFiles {

    /** Writes a file's content to the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param overwrite whether an existing {@code target} may be replaced; if false and it exists, nothing is
     *                  written and {@link FileAlreadyExistsException} is thrown
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists (use --force to overwrite)");
        }
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            writer.writeTo(tmp);
            makeWorldReadable(tmp);
            try {
                if (overwrite) {
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    if (Files.exists(absolute)) {
                        throw new FileAlreadyExistsException(target.toString(), null, "exists (use --force to overwrite)");
                    }
                    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created owner-only; an output is an ordinary file (rw-r--r-- where POSIX). */
    private static void makeWorldReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes a string atomically (UTF-8). */
    public static void writeString(Path target, boolean overwrite, String content) throws IOException {
        write(target, overwrite, tmp -> Files.writeString(tmp, content));
    }
}
