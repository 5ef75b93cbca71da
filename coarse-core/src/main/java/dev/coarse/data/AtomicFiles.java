package dev.coarse.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a killed run never leaves a half-written file under the final name: the content
 * goes to a temporary sibling, which is then renamed into place. A write that fails part-way (a full disk) leaves
 * the earlier file intact and no temporary file, and is reported as one {@link IOException} naming the target.
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
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
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
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } catch (RuntimeException e) {
            // a writer built on a library (jHDF) reports a full disk as its own unchecked exception around the
            // IOException: that is still a failed write, not an internal error
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw cannotWrite(target, io);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * One line naming the file that could not be written and why (e.g. "No space left on device"); the earlier
     * file, if any, is untouched.
     */
    private static IOException cannotWrite(Path target, IOException cause) {
        String why = cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new IOException("cannot write " + target + ": " + why, cause);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
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
