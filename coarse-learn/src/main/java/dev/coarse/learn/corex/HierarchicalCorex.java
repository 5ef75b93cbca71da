package dev.coarse.learn.corex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Layers of CorEx (Ver Steeg &amp; Galstyan, AISTATS 2015): layer 1 explains the data, layer n + 1 the labels of
 * layer n. TC(X) ≥ Σ<sub>n</sub> TC explained by layer n when each layer's model is right (their Theorem 1), so the
 * per-layer TCs say how much structure each scale holds.
 */
public final class HierarchicalCorex {

    private HierarchicalCorex() {
    }

    /**
     * Fits {@code factorsPerLayer.length} layers; layer n has {@code factorsPerLayer[n]} factors and otherwise the
     * given settings, and its restarts are seeded from {@code seed + n}.
     */
    public static List<CorexFit> fit(SymbolMatrix data, CorexSettings settings, int[] factorsPerLayer, long seed) {
        Objects.requireNonNull(data, "data");
        if (factorsPerLayer.length < 1) {
            throw new IllegalArgumentException("at least one layer");
        }
        List<CorexFit> layers = new ArrayList<>();
        SymbolMatrix input = data;
        for (int n = 0; n < factorsPerLayer.length; n++) {
            CorexFit fit = new DiscreteCorex(settings.withFactors(factorsPerLayer[n])).fit(input, seed + n);
            layers.add(fit);
            input = fit.best().labels();
        }
        return layers;
    }
}
