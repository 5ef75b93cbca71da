package dev.coarse.data;

import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One level of a Coarse ensemble file as samples: one row per configuration, column j = site j of the
 * flattened configuration in the lattice's row-major order (last coordinate fastest: on an L×L lattice site
 * (x, y) is column x·L + y). Ising spins are −1/+1, Potts states 0 … q−1.
 */
public final class EnsembleSampleSource implements SampleSource {

    private final Ensemble ensemble;

    private EnsembleSampleSource(Ensemble ensemble) {
        this.ensemble = ensemble;
    }

    /**
     * Reads one level of an ensemble file.
     *
     * @throws IllegalArgumentException for a negative level
     * @throws IOException (one line, naming the file) for a missing file, one that is not a Coarse ensemble, or a
     *                     level the file does not have
     */
    public static EnsembleSampleSource read(Path file, int level) throws IOException {
        if (level < 0) {
            throw new IllegalArgumentException("level must be >= 0, got " + level);
        }
        int levels = EnsembleFile.levels(file).size();
        if (level >= levels) {
            throw new IOException(file + " has levels 0.." + (levels - 1) + ", no level " + level);
        }
        return new EnsembleSampleSource(EnsembleFile.readLevel(file, level));
    }

    public Ensemble ensemble() {
        return ensemble;
    }

    public Lattice lattice() {
        return ensemble.lattice();
    }

    /** The configurations (shared, not copied). */
    public byte[][] configurations() {
        return ensemble.configurations();
    }

    @Override
    public int rowCount() {
        return ensemble.size();
    }

    @Override
    public int columnCount() {
        return ensemble.lattice().siteCount();
    }

    @Override
    public double[] column(int j) {
        byte[][] configs = ensemble.configurations();
        double[] out = new double[configs.length];
        for (int r = 0; r < configs.length; r++) {
            out[r] = configs[r][j];
        }
        return out;
    }

    @Override
    public String columnName() {
        return "site";
    }

    @Override
    public String describeColumns() {
        Lattice l = ensemble.lattice();
        return "the lattice " + l + " has " + l.siteCount() + " sites, numbered 0.." + (l.siteCount() - 1)
                + " in row-major order (last coordinate fastest)";
    }
}
