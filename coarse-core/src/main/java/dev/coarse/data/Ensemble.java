package dev.coarse.data;

import dev.coarse.lattice.Lattice;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import java.util.Objects;

/**
 * A set of configurations of one model on one lattice, with the metadata that produced them.
 *
 * <p>Configurations are {@code byte[]} of length {@code lattice.siteCount()} in the lattice's row-major
 * site order. The arrays are shared, not copied: treat them as immutable.
 */
public record Ensemble(EnsembleMeta meta, Lattice lattice, byte[][] configurations) {

    public Ensemble {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(lattice, "lattice");
        Objects.requireNonNull(configurations, "configurations");
        for (byte[] c : configurations) {
            if (c.length != lattice.siteCount()) {
                throw new IllegalArgumentException("configuration of " + c.length + " sites on a lattice of "
                        + lattice.siteCount());
            }
        }
    }

    public int size() {
        return configurations.length;
    }

    /** The model the metadata describes. */
    public Model model() {
        if (meta.model().startsWith("potts")) {
            return new PottsModel(lattice, meta.q(), meta.temperature());
        }
        return new IsingModel(lattice, meta.temperature(), meta.field());
    }
}
