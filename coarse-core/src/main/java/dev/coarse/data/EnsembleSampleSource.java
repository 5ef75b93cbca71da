package dev.coarse.data;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One level of a Coarse ensemble file as samples: one row per configuration, column j = value j of the
 * flattened configuration in the layout of its {@link dev.coarse.configuration.DegreesOfFreedom}: for one value per
 * site, site j in the lattice's row-major order (last coordinate fastest: on an L×L lattice site (x, y) is column
 * x·L + y). Ising spins are −1/+1, Potts states 0 … q−1; bond occupations 0/1, fields as they are.
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

    /** The configurations of a discrete ensemble (shared, not copied); see {@link Ensemble#configurations()}. */
    public byte[][] configurations() {
        return ensemble.configurations();
    }

    @Override
    public int rowCount() {
        return ensemble.size();
    }

    @Override
    public int columnCount() {
        return ensemble.degreesOfFreedom().length(ensemble.lattice());
    }

    @Override
    public double[] column(int j) {
        return ensemble.data().column(j);
    }

    /** "site" when each site carries one value, else "value". */
    @Override
    public String columnName() {
        return onePerSite() ? "site" : "value";
    }

    @Override
    public String describeColumns() {
        Lattice l = ensemble.lattice();
        if (onePerSite()) {
            return "the lattice " + l + " has " + l.siteCount() + " sites, numbered 0.." + (l.siteCount() - 1)
                    + " in row-major order (last coordinate fastest)";
        }
        return "the ensemble holds " + columnCount() + " values per configuration (" + ensemble.degreesOfFreedom()
                + " on " + l + "), numbered 0.." + (columnCount() - 1) + " as docs/ensemble-format.md lays them out";
    }

    private boolean onePerSite() {
        DegreesOfFreedom dof = ensemble.degreesOfFreedom();
        return dof.support() == DegreesOfFreedom.Support.SITES && dof.valuesPerElement() == 1;
    }
}
