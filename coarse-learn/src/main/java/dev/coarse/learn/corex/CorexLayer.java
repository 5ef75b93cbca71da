package dev.coarse.learn.corex;

import dev.coarse.stats.Estimate;
import java.util.Objects;

/**
 * One fitted CorEx layer, factors ordered by the total correlation they explain (largest first).
 *
 * @param factorTc        TC(X<sub>G<sub>j</sub></sub>; Y<sub>j</sub>) of each factor, nats: the sample mean of
 *                        ln Z<sub>j</sub>(x) (Ver Steeg &amp; Galstyan 2014, Eq. 8)
 * @param tc              the TC the layer explains, Σ<sub>j</sub> of the above, with the standard error of the mean
 *                        over samples, nats — a lower bound on TC(X) when the model is right
 * @param clusters        for each input variable, the factor it is attached to most (argmax<sub>j</sub> α<sub>ij</sub>)
 * @param alpha           α[j][i] ∈ [0, 1]: how much variable i belongs to factor j
 * @param mutualInformation I(X<sub>i</sub> : Y<sub>j</sub>) [j][i] under the fitted model, nats
 * @param labels          the most probable value of each factor for each sample (rows × factors, alphabet k): the
 *                        coarse variables, and the data of the next layer
 * @param iterations      iterations run
 * @param converged       whether the tolerance was met before the iteration limit
 * @param model           the fitted layer's parameters, to label new samples
 */
public record CorexLayer(double[] factorTc, Estimate tc, int[] clusters, double[][] alpha,
                         double[][] mutualInformation, SymbolMatrix labels, int iterations, boolean converged,
                         CorexModel model) {

    public CorexLayer {
        Objects.requireNonNull(tc, "tc");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(model, "model");
        if (factorTc.length != alpha.length || labels.columns() != factorTc.length
                || mutualInformation.length != alpha.length) {
            throw new IllegalArgumentException("factor counts disagree: " + factorTc.length + " TCs, " + alpha.length
                    + " rows of alpha, " + labels.columns() + " label columns");
        }
    }

    /** Number of factors. */
    public int factors() {
        return factorTc.length;
    }
}
