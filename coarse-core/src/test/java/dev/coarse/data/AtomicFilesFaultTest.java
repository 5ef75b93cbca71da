package dev.coarse.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: a write that fails part-way (the disk fills up) leaves the earlier file intact and no temporary file,
 * and is one {@link IOException} naming the target (the CLI's {@code coarse: error: …}, exit 2). The failure is
 * injected into the writer here; coarse-cli's DiskFullTest fills a real (tmpfs) file system where it can mount one.
 */
class AtomicFilesFaultTest {

    @TempDir
    Path dir;

    private Path earlier() throws IOException {
        Path target = dir.resolve("out.h5");
        Files.writeString(target, "the earlier file");
        return target;
    }

    /** Writes 10 KB to the temporary file, then fails as a full disk does. */
    private static void fillsUp(Path temporary) throws IOException {
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(new byte[10_000]);
            throw new IOException("No space left on device");
        }
    }

    private void assertUntouched(Path target) throws IOException {
        assertThat(Files.readString(target)).isEqualTo("the earlier file");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.h5");
        }
    }

    @Test
    void aFinishedDirectoryIsMovedIntoPlaceWholeWithItsNestedFiles() throws IOException {
        Path staging = Files.createDirectories(dir.resolve(".out.tmp").resolve("part"));
        Files.writeString(staging.resolve("a.parquet"), "rows");
        Files.writeString(staging.getParent().resolve("_SUCCESS"), "");
        Path target = dir.resolve("out");
        AtomicFiles.moveDirectoryIntoPlace(staging.getParent(), target);
        assertThat(Files.readString(target.resolve("part").resolve("a.parquet"))).isEqualTo("rows");
        assertThat(target.resolve("_SUCCESS")).exists();
        assertThat(dir.resolve(".out.tmp")).doesNotExist();
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheEarlierFileAndNoTemporaryFile() throws IOException {
        Path target = earlier();
        assertThatThrownBy(() -> AtomicFiles.write(target, true, AtomicFilesFaultTest::fillsUp))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write " + target + ": No space left on device");
        assertUntouched(target);
    }

    @Test
    void aLibrarysUncheckedWrapperOfTheIoErrorIsStillAnIoError() throws IOException {
        // jHDF reports a full disk as HdfWritingException (unchecked) around the IOException
        Path target = earlier();
        assertThatThrownBy(() -> AtomicFiles.write(target, true, tmp -> {
            try {
                fillsUp(tmp);
            } catch (IOException e) {
                throw new IllegalStateException("Exception writing", new UncheckedIOException(e));
            }
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": No space left on device");
        assertUntouched(target);
    }

    @Test
    void aBugInTheWriterStaysAnInternalError() throws IOException {
        Path target = earlier();
        assertThatThrownBy(() -> AtomicFiles.write(target, true, tmp -> {
            Files.writeString(tmp, "half");
            throw new IllegalStateException("a bug");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("a bug");
        assertUntouched(target);
    }

    @Test
    void aDirectoryThatCannotTakeTheTemporaryFileIsNamed() throws IOException {
        Path target = earlier();
        Path inside = target.resolve("x.h5"); // its parent is a file
        assertThatThrownBy(() -> AtomicFiles.writeString(inside, true, "x"))
                .isInstanceOf(IOException.class);
        assertUntouched(target);
    }
}
