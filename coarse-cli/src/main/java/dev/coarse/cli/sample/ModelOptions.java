package dev.coarse.cli.sample;

import dev.coarse.cli.command.UserError;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.DimerModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that name a model and its parameters, shared by every command that builds one. */
public final class ModelOptions {

    /** The models the CLI knows, by name. */
    public enum ModelName {
        ising1d(1), ising2d(2), ising3d(3), potts2d(2), dimer2d(2);

        final int dimension;

        ModelName(int dimension) {
            this.dimension = dimension;
        }
    }

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "Model: ${COMPLETION-CANDIDATES}.")
    ModelName model;

    @Option(names = "--L", required = true, paramLabel = "N", description = "Linear lattice size (at least 2).")
    int linearSize;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Temperature temperature;

    @Option(names = "--h", paramLabel = "h", defaultValue = "0",
            description = "Magnetic field h (Ising only; default ${DEFAULT-VALUE}).")
    double field;

    @Option(names = "--q", paramLabel = "q", description = "Number of Potts states (potts2d only; default 3).")
    Integer q;

    @Option(names = "--v", paramLabel = "v",
            description = "Aligned-plaquette coupling v of close-packed dimers (dimer2d only; default 0: free dimers).")
    Double v;

    static final class Temperature {
        @Option(names = "--T", paramLabel = "T", description = "Temperature T > 0.")
        Double t;

        @Option(names = "--K", paramLabel = "K", description = "Coupling K = 1/T > 0.")
        Double k;

        double value() {
            if (t != null) {
                return t;
            }
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new UserError("coupling K must be finite and > 0, got " + k);
            }
            return 1.0 / k;
        }
    }

    /** The validated model. */
    public Model build() {
        Lattice lattice = Lattice.of(model.dimension, linearSize);
        double t = temperature.value();
        if (v != null && model != ModelName.dimer2d) {
            throw new UserError("--v applies to dimer2d only");
        }
        if (model == ModelName.dimer2d) {
            if (field != 0) {
                throw new UserError("--h applies to Ising models only");
            }
            if (q != null) {
                throw new UserError("--q applies to potts2d only");
            }
            return new DimerModel(lattice, v == null ? 0.0 : v, t);
        }
        if (model == ModelName.potts2d) {
            if (field != 0) {
                throw new UserError("--h applies to Ising models only");
            }
            return new PottsModel(lattice, q == null ? 3 : q, t);
        }
        if (q != null) {
            throw new UserError("--q applies to potts2d only");
        }
        return new IsingModel(lattice, t, field);
    }
}
