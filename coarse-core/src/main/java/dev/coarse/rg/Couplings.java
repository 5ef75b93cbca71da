package dev.coarse.rg;

import dev.coarse.stats.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fitted couplings K<sub>α</sub> of −βH = Σ<sub>α</sub> K<sub>α</sub> S<sub>α</sub>, in operator order, each with a
 * jackknife error.
 *
 * @param estimates           operator name → K<sub>α</sub> (insertion order = operator order); unmodifiable
 * @param samples             number of configurations fitted
 * @param blocks              jackknife blocks
 * @param logPseudoLikelihood maximised Σ<sub>samples</sub> Σ<sub>i</sub> ln P(s<sub>i</sub> | rest) per sample per site
 * @param iterations          Newton iterations used for the full-data fit
 */
public record Couplings(Map<String, Estimate> estimates, int samples, int blocks, double logPseudoLikelihood,
                        int iterations) {

    public Couplings {
        estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
    }

    /** The coupling of one operator. */
    public Estimate get(String operator) {
        Estimate e = estimates.get(operator);
        if (e == null) {
            throw new IllegalArgumentException("no coupling for operator '" + operator + "' (have "
                    + estimates.keySet() + ")");
        }
        return e;
    }

    public List<String> names() {
        return List.copyOf(estimates.keySet());
    }
}
