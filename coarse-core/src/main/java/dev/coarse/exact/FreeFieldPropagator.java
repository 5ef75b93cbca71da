package dev.coarse.exact;

import dev.coarse.model.ComplexPhi4Model;
import dev.coarse.model.Phi4Model;

/**
 * The exact Gaussian (free-field, λ = 0) lattice theory on the periodic L<sup>d</sup> torus, from the momentum sum.
 * Each of the {@code components} real components of the field has the action ½ Σ<sub>xy</sub> φ<sub>x</sub>
 * A<sub>xy</sub> φ<sub>y</sub> with the translation-invariant kernel whose Fourier transform is
 * Ã(p) = a − b Σ<sub>μ</sub> cos p<sub>μ</sub>, p<sub>μ</sub> = 2πn<sub>μ</sub>/L; then
 * ⟨φ<sub>x</sub>φ<sub>x+r</sub>⟩ = (1/N) Σ<sub>p</sub> cos(p·r)/Ã(p) per component, and
 * ln Z = (components/2) Σ<sub>p</sub> [ln 2π − ln Ã(p)].
 *
 * <p>The real φ⁴ theory in the hopping form at λ = 0 has a = 2, b = 4κ, one component; complex φ⁴ at λ = 0 has
 * a = 2μ, b = 4t for each of re and im (two components). On L = 2 the forward and backward neighbour coincide and
 * the formula still holds (cos π = −1 counts the doubled bond).
 *
 * @param dimension  d (1, 2 or 3)
 * @param linearSize L ≥ 2
 * @param a          the diagonal of Ã
 * @param b          the hopping coefficient of Ã; a − d|b| &gt; 0 so that every Ã(p) &gt; 0
 * @param components real components per site (1 real, 2 complex)
 */
public record FreeFieldPropagator(int dimension, int linearSize, double a, double b, int components) {

    public FreeFieldPropagator {
        if (dimension < 1 || dimension > 3) {
            throw new IllegalArgumentException("dimension must be 1, 2 or 3, got " + dimension);
        }
        if (linearSize < 2) {
            throw new IllegalArgumentException("L must be at least 2, got " + linearSize);
        }
        if (!(a - dimension * Math.abs(b) > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("the kernel a − b Σ cos p must be positive for every p: need a − d|b| > 0,"
                    + " got a = " + a + ", b = " + b);
        }
        if (components < 1) {
            throw new IllegalArgumentException("components must be at least 1, got " + components);
        }
    }

    /**
     * The free real φ⁴ theory.
     *
     * @throws IllegalArgumentException if λ ≠ 0
     */
    public static FreeFieldPropagator of(Phi4Model model) {
        if (model.lambda() != 0) {
            throw new IllegalArgumentException("the free propagator is exact only at lambda = 0, got " + model.lambda());
        }
        return new FreeFieldPropagator(model.lattice().dimension(), model.lattice().linearSize(), 2.0,
                4.0 * model.kappa(), 1);
    }

    /**
     * The free complex φ⁴ theory (two real components).
     *
     * @throws IllegalArgumentException if λ ≠ 0
     */
    public static FreeFieldPropagator of(ComplexPhi4Model model) {
        if (model.lambda() != 0) {
            throw new IllegalArgumentException("the free propagator is exact only at lambda = 0, got " + model.lambda());
        }
        return new FreeFieldPropagator(model.lattice().dimension(), model.lattice().linearSize(), 2.0 * model.mu(),
                4.0 * model.t(), 2);
    }

    /** Sites N = L<sup>d</sup>. */
    public int siteCount() {
        int n = 1;
        for (int i = 0; i < dimension; i++) {
            n *= linearSize;
        }
        return n;
    }

    /**
     * ⟨Re φ<sub>x</sub>* φ<sub>x+r</sub>⟩ summed over the components, for the displacement {@code r} (d integers):
     * components · (1/N) Σ<sub>p</sub> cos(p·r)/Ã(p).
     */
    public double twoPoint(int... displacement) {
        if (displacement.length != dimension) {
            throw new IllegalArgumentException("displacement needs " + dimension + " coordinates, got "
                    + displacement.length);
        }
        int n = siteCount();
        int[] k = new int[dimension];
        double sum = 0;
        for (int index = 0; index < n; index++) {
            int rest = index;
            for (int mu = dimension - 1; mu >= 0; mu--) {
                k[mu] = rest % linearSize;
                rest /= linearSize;
            }
            double phase = 0;
            double cosines = 0;
            for (int mu = 0; mu < dimension; mu++) {
                double p = 2 * Math.PI * k[mu] / linearSize;
                phase += p * displacement[mu];
                cosines += Math.cos(p);
            }
            sum += Math.cos(phase) / (a - b * cosines);
        }
        return components * sum / n;
    }

    /** G(r) along an axis, r = 0 … ⌊L/2⌋: what {@code FieldObservables.correlationFunction} measures. */
    public double[] twoPointAlongAxis() {
        double[] g = new double[linearSize / 2 + 1];
        int[] r = new int[dimension];
        for (int i = 0; i < g.length; i++) {
            r[0] = i;
            g[i] = twoPoint(r);
        }
        return g;
    }

    /** ⟨Σ|φ|²⟩/N = {@link #twoPoint} at r = 0. */
    public double fieldSquaredPerSite() {
        return twoPoint(new int[dimension]);
    }

    /**
     * ln Z / N = (components/2)[ln 2π − (1/N) Σ<sub>p</sub> ln Ã(p)], Z = ∫ Π dφ e<sup>−S</sup> with the flat measure
     * on every real component.
     */
    public double lnZPerSite() {
        int n = siteCount();
        double logs = 0;
        for (int index = 0; index < n; index++) {
            int rest = index;
            double cosines = 0;
            for (int mu = 0; mu < dimension; mu++) {
                cosines += Math.cos(2 * Math.PI * (rest % linearSize) / linearSize);
                rest /= linearSize;
            }
            logs += Math.log(a - b * cosines);
        }
        return 0.5 * components * (Math.log(2 * Math.PI) - logs / n);
    }
}
