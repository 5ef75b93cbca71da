package dev.coarse.data;

import dev.coarse.lattice.Lattice;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM with a small heap by {@link EnsembleFileTest#largeEnsembleFitsInLittleMoreThanItsSize}:
 * writes an ensemble of N × L×L int8, drops it, reads it back and compares checksums. Exits 0 on success.
 */
public final class LargeEnsembleInSmallHeap {

    private LargeEnsembleInSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int linearSize = Integer.parseInt(args[2]);
        Lattice lattice = Lattice.square(linearSize);
        Ensemble written = EnsembleFileTest.ensemble("ising2d", lattice, 2, n, 99);
        long expected = EnsembleFileTest.checksum(written);
        EnsembleFile.write(file, written, false);
        written = null;
        Ensemble read = EnsembleFile.read(file);
        if (read.size() != n || EnsembleFileTest.checksum(read) != expected) {
            throw new AssertionError("read back different configurations");
        }
        if (!EnsembleFile.readMeta(file).provenance().equals(Map.of("source", "test"))) {
            throw new AssertionError("metadata differs");
        }
    }
}
