package dev.coarse.mc;

import dev.coarse.model.FieldModel;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.MeanEstimator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observables of a {@link FieldChainResult} with errors, as {@link Observables} does for spins: means from
 * {@link MeanEstimator} (τ<sub>int</sub> pooled over chains), derived quantities by the same blocked jackknife
 * ({@link Observables#derived}).
 *
 * <p>With m = |Σ<sub>x</sub>φ<sub>x</sub>|/N (the modulus for a complex field): the Binder cumulant is
 * U = 1 − ⟨m⁴⟩/(3⟨m²⟩²) for a real field and U = 1 − ⟨m⁴⟩/(2⟨m²⟩²) for a complex one (O(2)), so that U → 0 in
 * the Gaussian (disordered) limit for both and U → 2/3 (real) or 1/2 (complex) deep in the ordered phase; the
 * susceptibility is χ = N(⟨m²⟩ − ⟨m⟩²).
 */
public final class FieldObservables {

    private FieldObservables() {
    }

    /**
     * action_per_site (⟨S⟩/N), phi2 (⟨Σ|φ|²⟩/N), abs_magnetization (⟨m⟩), m2 (⟨m²⟩), binder, susceptibility, in this
     * order (the JSON names of {@code coarse sample}).
     */
    public static Map<String, Estimate> measure(FieldChainResult result) {
        FieldModel model = result.spec().model();
        int n = model.lattice().siteCount();
        double quartic = model.componentsPerSite() == 2 ? 2.0 : 3.0;
        double[][] action = Observables.arrange(result.actionPerSite());
        double[][] phi2 = Observables.arrange(result.fieldSquaredPerSite());
        double[][] m = Observables.arrange(result.absMagnetizationPerSite());
        double[][] m2 = Observables.map(m, x -> x * x);
        double[][] m4 = Observables.map(m, x -> x * x * x * x);
        Map<String, Estimate> out = new LinkedHashMap<>();
        out.put("action_per_site", MeanEstimator.of(action));
        out.put("phi2", MeanEstimator.of(phi2));
        out.put("abs_magnetization", MeanEstimator.of(m));
        out.put("m2", MeanEstimator.of(m2));
        out.put("binder", Observables.derived(new double[][][] {m2, m4}, v -> 1 - v[1] / (quartic * v[0] * v[0])));
        out.put("susceptibility", Observables.derived(new double[][][] {m, m2}, v -> n * (v[1] - v[0] * v[0])));
        return out;
    }

    /**
     * The two-point function G(r) = ⟨Re φ<sub>x</sub>* φ<sub>x+r·e</sub>⟩ (the product for a real field) averaged over
     * the sites x and the d axes e, for r = 0 … ⌊L/2⌋; not connected. Errors from {@link MeanEstimator} on the
     * per-sample averages. Cost O(N·d·L) per sample.
     */
    public static Estimate[] correlationFunction(FieldChainResult result) {
        FieldModel model = result.spec().model();
        int parts = model.componentsPerSite();
        return Observables.correlationFunction(model.lattice(), result.chains(), result.samplesPerChain(),
                (c, k, i, j) -> {
                    double[] field = result.configuration(c, k);
                    double product = 0;
                    for (int p = 0; p < parts; p++) {
                        product += field[parts * i + p] * field[parts * j + p];
                    }
                    return product;
                });
    }
}
