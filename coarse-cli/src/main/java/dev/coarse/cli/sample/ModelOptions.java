package dev.coarse.cli.sample;

import dev.coarse.cli.command.UserError;
import dev.coarse.lattice.Lattice;
import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.DimerModel;
import dev.coarse.model.FieldModel;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.Phi4Model;
import dev.coarse.model.PottsModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that name a model and its parameters, shared by every command that builds one. */
public final class ModelOptions {

    /** The models the CLI knows, by name. */
    public enum ModelName {
        ising1d(1), ising2d(2), ising3d(3), potts2d(2), dimer2d(2),
        /** Real φ⁴ in the hopping form; its dimension is --dim. */
        phi4(0),
        /** Complex φ⁴; its dimension is --dim. */
        phi4c(0);

        final int dimension;

        ModelName(int dimension) {
            this.dimension = dimension;
        }

        /** Whether this names a field theory (weight e^{−S}, no temperature) rather than a spin model. */
        boolean isField() {
            return dimension == 0;
        }
    }

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "Model: ${COMPLETION-CANDIDATES}.")
    ModelName model;

    @Option(names = "--L", required = true, paramLabel = "N", description = "Linear lattice size (at least 2).")
    int linearSize;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Temperature temperature;

    @Option(names = "--h", paramLabel = "h", defaultValue = "0",
            description = "Magnetic field h (Ising only; default ${DEFAULT-VALUE}).")
    double field;

    @Option(names = "--q", paramLabel = "q", description = "Number of Potts states (potts2d only; default 3).")
    Integer q;

    @Option(names = "--v", paramLabel = "v",
            description = "Aligned-plaquette coupling v of close-packed dimers (dimer2d only; default 0: free dimers).")
    Double v;

    @Option(names = "--dim", paramLabel = "d", description = "Lattice dimension 1, 2 or 3 (phi4, phi4c only; default 2).")
    Integer dimension;

    @Option(names = "--kappa", paramLabel = "κ", description = "Hopping parameter κ ≥ 0 (phi4 only).")
    Double kappa;

    @Option(names = "--lambda", paramLabel = "λ", description = "Quartic coupling λ ≥ 0 (phi4, phi4c).")
    Double lambda;

    @Option(names = "--t", paramLabel = "t", description = "Hopping t ≥ 0 (phi4c only; default 1).")
    Double hopping;

    @Option(names = "--mu", paramLabel = "μ", description = "Mass term μ (phi4c only).")
    Double mu;

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

    /** The lattice dimension the model will have (--dim for field theories, default 2), before it is built. */
    public int latticeDimension() {
        return model.isField() ? (dimension == null ? 2 : dimension) : model.dimension;
    }

    /** The linear size --L. */
    public int linearSize() {
        return linearSize;
    }

    /** Whether --model names a field theory ({@link #buildField}) rather than a spin model ({@link #build}). */
    public boolean isField() {
        return model.isField();
    }

    /**
     * The validated field model: phi4 needs --kappa and --lambda, phi4c --mu and --lambda (--t defaults to 1); no
     * temperature, since the couplings carry it.
     *
     * @throws UserError for a spin model, a missing coupling, or an option of another model
     */
    public FieldModel buildField() {
        if (!model.isField()) {
            throw new UserError(model + " is not a field model");
        }
        if (temperature != null) {
            throw new UserError("--T and --K do not apply to " + model + ": its weight is e^-S, the couplings carry"
                    + " the temperature");
        }
        if (field != 0 || q != null || v != null) {
            throw new UserError("--h, --q and --v do not apply to " + model);
        }
        int d = dimension == null ? 2 : dimension;
        if (d < 1 || d > 3) {
            throw new UserError("--dim must be 1, 2 or 3, got " + d);
        }
        Lattice lattice = Lattice.of(d, linearSize);
        if (lambda == null) {
            throw new UserError(model + " needs --lambda");
        }
        if (model == ModelName.phi4) {
            if (hopping != null || mu != null) {
                throw new UserError("--t and --mu apply to phi4c only; phi4 takes --kappa and --lambda");
            }
            if (kappa == null) {
                throw new UserError("phi4 needs --kappa");
            }
            return new Phi4Model(lattice, kappa, lambda);
        }
        if (kappa != null) {
            throw new UserError("--kappa applies to phi4 only; phi4c takes --t, --mu and --lambda");
        }
        if (mu == null) {
            throw new UserError("phi4c needs --mu");
        }
        return new ComplexPhi4Model(lattice, hopping == null ? 1.0 : hopping, mu, lambda);
    }

    /** The validated model. */
    public Model build() {
        if (model.isField()) {
            throw new UserError(model + " is a field model: coarse sample takes it, this command does not");
        }
        if (dimension != null || kappa != null || lambda != null || hopping != null || mu != null) {
            throw new UserError("--dim, --kappa, --lambda, --t and --mu apply to phi4 and phi4c only");
        }
        if (temperature == null) {
            throw new UserError(model + " needs a temperature: --T or --K");
        }
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
