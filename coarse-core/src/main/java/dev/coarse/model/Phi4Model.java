package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Map;
import java.util.Objects;

/**
 * The real φ⁴ theory on the periodic lattice in the hopping form (Lüscher–Weisz; docs/phi4.md):
 * S = Σ<sub>x</sub> [−2κ Σ<sub>μ</sub> φ<sub>x</sub> φ<sub>x+μ</sub> + φ<sub>x</sub>² + λ(φ<sub>x</sub>² − 1)²],
 * the inner sum over the d forward neighbours, so each bond counts once. It is the standard form
 * Σ<sub>x</sub>[½(∂φ)² + ½m₀²φ² + (g₀/4!)φ⁴] with φ<sub>std</sub> = √(2κ) φ, m₀² = (1 − 2λ)/κ − 2d,
 * g₀/4! = λ/(4κ²), up to a constant.
 *
 * <p>Allowed: κ ≥ 0 (ferromagnetic hopping; κ &lt; 0 is the same theory on a bipartite lattice after
 * φ<sub>x</sub> → (−1)<sup>x</sup>φ<sub>x</sub>, and frustrated on an odd torus, so it is refused rather than
 * half supported) and λ ≥ 0 (λ &lt; 0 makes S unbounded below: e<sup>−S</sup> is not normalisable). At λ = 0 the
 * theory is Gaussian and normalisable only while the quadratic form 2 − 4κ Σ<sub>μ</sub> cos p<sub>μ</sub> is
 * positive at p = 0: κ &lt; 1/(2d). Any L ≥ 2 (on L = 2 the forward and backward neighbour coincide and the bond
 * sum counts that pair twice, as the formula says).
 *
 * @param lattice the periodic lattice (chain, square or cubic)
 * @param kappa   the hopping parameter κ ≥ 0, finite; κ &lt; 1/(2d) when λ = 0
 * @param lambda  the quartic coupling λ ≥ 0, finite (0: the free field)
 */
public record Phi4Model(Lattice lattice, double kappa, double lambda) implements FieldModel {

    /** The model's name in files and on the command line. */
    public static final String NAME = "phi4";

    public Phi4Model {
        Objects.requireNonNull(lattice, "lattice");
        FieldModel.requireNonNegative("hopping parameter kappa", kappa,
                "kappa < 0 is the staggered image of kappa > 0, or frustrated on an odd torus");
        FieldModel.requireNonNegative("quartic coupling lambda", lambda,
                "lambda < 0 makes the action unbounded below");
        if (lambda == 0 && kappa >= 1.0 / (2 * lattice.dimension())) {
            throw new IllegalArgumentException("the free field (lambda = 0) needs kappa < 1/(2d) = "
                    + 1.0 / (2 * lattice.dimension()) + " to be normalisable, got kappa = " + kappa);
        }
    }

    @Override
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.realField();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("kappa", kappa, "lambda", lambda);
    }

    @Override
    public double action(double[] phi) {
        int d = lattice.dimension();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        double hopping = 0;
        double local = 0;
        for (int x = 0; x < phi.length; x++) {
            double p = phi[x];
            double forward = 0;
            for (int axis = 0; axis < d; axis++) {
                forward += phi[nb[x * z + 2 * axis]];
            }
            hopping += p * forward;
            double p2m1 = p * p - 1;
            local += p * p + lambda * p2m1 * p2m1;
        }
        return -2 * kappa * hopping + local;
    }

    /** ∂S/∂φ<sub>x</sub> = −2κ Σ<sub>±μ</sub> φ<sub>x±μ</sub> + 2φ<sub>x</sub> + 4λ(φ<sub>x</sub>² − 1)φ<sub>x</sub>. */
    @Override
    public void gradient(double[] phi, double[] gradient) {
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        for (int x = 0; x < phi.length; x++) {
            double neighbours = 0;
            for (int k = 0; k < z; k++) {
                neighbours += phi[nb[x * z + k]];
            }
            double p = phi[x];
            gradient[x] = -2 * kappa * neighbours + 2 * p + 4 * lambda * (p * p - 1) * p;
        }
    }

    @Override
    public double siteAction(double[] phi, int site, double value, double ignored) {
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        double neighbours = 0;
        for (int k = 0; k < z; k++) {
            neighbours += phi[nb[site * z + k]];
        }
        double p2m1 = value * value - 1;
        return -2 * kappa * value * neighbours + value * value + lambda * p2m1 * p2m1;
    }
}
