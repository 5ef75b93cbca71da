package dev.coarse.cli.tensor;

import dev.coarse.cli.command.MemoryGuard;
import dev.coarse.cli.command.UserError;
import dev.coarse.naming.Identified;
import dev.coarse.tensor.Scheme;
import dev.coarse.tensor.Tensor4;
import dev.coarse.tensor.TensorModel;
import dev.coarse.tensor.TensorRgSettings;
import picocli.CommandLine.Option;

/** The options {@code coarse trg} and {@code coarse trg scan} share: the model, the scheme, χ and the steps. */
public final class TensorOptions {

    @Option(names = "--model", defaultValue = "ising2d", paramLabel = "NAME",
            description = "ising2d or potts2d (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--q", defaultValue = "3", description = "Potts states (potts2d only; default ${DEFAULT-VALUE}).")
    int q;

    @Option(names = "--scheme", defaultValue = "btrg", paramLabel = "trg|hotrg|btrg",
            description = "TRG (Levin-Nave), HOTRG (Xie et al.) or bond-weighted TRG (Adachi et al., k = -1/2); "
                    + "default ${DEFAULT-VALUE}.")
    String scheme;

    @Option(names = "--chi", defaultValue = "24", description = "Bond dimension kept (>= 2; default ${DEFAULT-VALUE}).")
    int chi;

    @Option(names = "--steps", defaultValue = "30",
            description = "RG steps on the infinite lattice, each halving the tensors (default ${DEFAULT-VALUE}).")
    int steps;

    Scheme scheme() {
        return Identified.find(Scheme.class, scheme).orElseThrow(() -> new UserError("unknown --scheme '" + scheme
                + "'; valid: " + String.join(", ", Identified.ids(Scheme.class))));
    }

    TensorModel.Family family() {
        return Identified.find(TensorModel.Family.class, model).orElseThrow(() -> new UserError("unknown --model '"
                + model + "' for tensor RG; valid: " + String.join(", ", Identified.ids(TensorModel.Family.class))));
    }

    /** Checks --chi, --steps and --q (before any temperature is looked at). */
    void check() {
        if (chi < 2) {
            throw new UserError("--chi must be at least 2, got " + chi);
        }
        if (steps < 1) {
            throw new UserError("--steps must be at least 1, got " + steps);
        }
        if (family() == TensorModel.Family.POTTS2D && q < 2) {
            throw new UserError("--q must be at least 2, got " + q);
        }
        scheme();
    }

    /** The model at temperature T and field h. */
    TensorModel model(double temperature, double field) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new UserError("--T must be positive and finite, got " + temperature);
        }
        if (family() == TensorModel.Family.ISING2D) {
            return TensorModel.ising(temperature, field);
        }
        if (field != 0) {
            throw new UserError("--h is for ising2d only");
        }
        return TensorModel.potts(q, temperature);
    }

    /** Refuses a run whose {@link TensorRgSettings#estimatedBytes} exceed the heap ({@link MemoryGuard}). */
    void requireMemory(TensorRgSettings settings, int localBond, String command) {
        MemoryGuard.require(settings.estimatedBytes(localBond), command + " --scheme " + settings.scheme().id()
                + " --chi " + settings.chi() + " (tensors of χ⁴ doubles" + (settings.scheme() == Scheme.HOTRG
                ? " and HOTRG's χ⁵ contractions)" : " and their permuted halves)"));
    }

    /** The largest bond dimension of a local tensor. */
    static int bond(Tensor4 local) {
        return Math.max(Math.max(local.left(), local.up()), Math.max(local.right(), local.down()));
    }
}
