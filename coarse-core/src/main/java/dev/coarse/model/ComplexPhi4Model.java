package dev.coarse.model;

import dev.coarse.configuration.DegreesOfFreedom;
import dev.coarse.lattice.Lattice;
import java.util.Map;
import java.util.Objects;

/**
 * The complex φ⁴ theory of Hu, Li, Wang and You (2019) on the periodic lattice:
 * S = −t Σ<sub>⟨ij⟩</sub>(φ<sub>i</sub>*φ<sub>j</sub> + c.c.) + Σ<sub>i</sub>(μ|φ<sub>i</sub>|² + λ|φ<sub>i</sub>|⁴),
 * each nearest-neighbour bond once. With φ = a + ib, φ<sub>i</sub>*φ<sub>j</sub> + c.c. = 2(a<sub>i</sub>a<sub>j</sub>
 * + b<sub>i</sub>b<sub>j</sub>): two real fields with an O(2)-symmetric quartic term. A configuration holds
 * re, im per site ({@link DegreesOfFreedom#complexField()}).
 *
 * <p>Allowed: t ≥ 0 (ferromagnetic hopping; t &lt; 0 is the staggered image of t &gt; 0 on a bipartite lattice),
 * λ ≥ 0 (λ &lt; 0 makes S unbounded below), μ any finite real when λ &gt; 0 (μ &lt; 0 is the ordered,
 * "Mexican hat" side). At λ = 0 the Gaussian theory needs μ − 2t Σ<sub>μ</sub> cos p<sub>μ</sub> &gt; 0 at p = 0:
 * μ &gt; 2dt.
 *
 * @param lattice the periodic lattice (chain, square or cubic)
 * @param t       the hopping t ≥ 0, finite
 * @param mu      the mass term μ, finite; μ &gt; 2dt when λ = 0
 * @param lambda  the quartic coupling λ ≥ 0, finite
 */
public record ComplexPhi4Model(Lattice lattice, double t, double mu, double lambda) implements FieldModel {

    /** The model's name in files and on the command line. */
    public static final String NAME = "phi4c";

    public ComplexPhi4Model {
        Objects.requireNonNull(lattice, "lattice");
        FieldModel.requireNonNegative("hopping t", t, "t < 0 is the staggered image of t > 0");
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mass term mu must be finite, got " + mu);
        }
        FieldModel.requireNonNegative("quartic coupling lambda", lambda,
                "lambda < 0 makes the action unbounded below");
        if (lambda == 0 && !(mu > 2 * lattice.dimension() * t)) {
            throw new IllegalArgumentException("the free field (lambda = 0) needs mu > 2 d t = "
                    + 2 * lattice.dimension() * t + " to be normalisable, got mu = " + mu);
        }
    }

    @Override
    public DegreesOfFreedom degreesOfFreedom() {
        return DegreesOfFreedom.complexField();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("t", t, "mu", mu, "lambda", lambda);
    }

    @Override
    public double action(double[] phi) {
        int n = lattice.siteCount();
        int d = lattice.dimension();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        double hopping = 0;
        double local = 0;
        for (int x = 0; x < n; x++) {
            double a = phi[2 * x];
            double b = phi[2 * x + 1];
            for (int axis = 0; axis < d; axis++) {
                int y = nb[x * z + 2 * axis];
                hopping += a * phi[2 * y] + b * phi[2 * y + 1];
            }
            double norm2 = a * a + b * b;
            local += mu * norm2 + lambda * norm2 * norm2;
        }
        return -2 * t * hopping + local;
    }

    /**
     * ∂S/∂a<sub>x</sub> = −2t Σ<sub>±μ</sub> a<sub>x±μ</sub> + 2μ a<sub>x</sub> + 4λ|φ<sub>x</sub>|² a<sub>x</sub>, and
     * the same for b.
     */
    @Override
    public void gradient(double[] phi, double[] gradient) {
        int n = lattice.siteCount();
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        for (int x = 0; x < n; x++) {
            double sumA = 0;
            double sumB = 0;
            for (int k = 0; k < z; k++) {
                int y = nb[x * z + k];
                sumA += phi[2 * y];
                sumB += phi[2 * y + 1];
            }
            double a = phi[2 * x];
            double b = phi[2 * x + 1];
            double radial = 2 * mu + 4 * lambda * (a * a + b * b);
            gradient[2 * x] = -2 * t * sumA + radial * a;
            gradient[2 * x + 1] = -2 * t * sumB + radial * b;
        }
    }

    @Override
    public double siteAction(double[] phi, int site, double re, double im) {
        int z = lattice.coordination();
        int[] nb = lattice.neighbourTable();
        double sumA = 0;
        double sumB = 0;
        for (int k = 0; k < z; k++) {
            int y = nb[site * z + k];
            sumA += phi[2 * y];
            sumB += phi[2 * y + 1];
        }
        double norm2 = re * re + im * im;
        return -2 * t * (re * sumA + im * sumB) + mu * norm2 + lambda * norm2 * norm2;
    }
}
