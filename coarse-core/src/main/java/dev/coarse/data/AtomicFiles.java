package dev.coarse.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files so that a killed run never leaves a half-written file under the final name: the content
 * goes to a temporary sibling, which is forced to the disk (fsync) and then renamed into place, and the directory is
 * forced after the rename where the platform allows — so that a crash of the machine, not only of the process,
 * leaves the earlier file or the new one. A write that fails part-way (a full disk) leaves
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
            forceToDisk(tmp);
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
            forceDirectoryToDisk(dir);
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
     * Moves a finished directory into place, for outputs that are directories (a Parquet data set): every regular
     * file in {@code staging} (recursively) and the directories are forced to the disk, then {@code staging} is
     * renamed to {@code target} atomically, then {@code target}'s parent is forced — the same guarantee as
     * {@link #write} for a file. {@code target} must not exist (the caller removes an earlier one).
     *
     * @throws IOException if a file cannot be forced or the rename fails (the staging directory is left for the
     *                     caller to remove)
     */
    public static void moveDirectoryIntoPlace(Path staging, Path target) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(staging)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            if (Files.isRegularFile(entry)) {
                forceToDisk(entry);
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (Files.isDirectory(entries.get(i))) {
                forceDirectoryToDisk(entries.get(i)); // deepest first: each directory's entries are on disk
            }
        }
        Path absolute = target.toAbsolutePath();
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        forceDirectoryToDisk(absolute.getParent());
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

    /**
     * The temporary file's data and metadata on the disk before it is renamed: without this a crash (power loss,
     * kernel panic) soon after the rename can leave the final name pointing at an empty or partly written file on
     * file systems that order the rename before the data (ext4 with some options, XFS, btrfs). A disk that fills up
     * only when the data are flushed (delayed allocation, network file systems) fails here, as a failed write.
     */
    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * The rename itself on the disk: the directory's entry is flushed by fsync on the directory, which POSIX systems
     * allow through a read-only descriptor. Best effort: where a directory cannot be opened or forced (Windows,
     * some file systems) the IOException is ignored — the file's data are already on disk and the rename is done,
     * only its durability across a crash in the next seconds is left to the file system. Only this step's failures
     * are ignored.
     */
    private static void forceDirectoryToDisk(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here: see above
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
