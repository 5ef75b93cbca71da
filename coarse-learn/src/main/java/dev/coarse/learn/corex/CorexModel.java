package dev.coarse.learn.corex;

import java.util.Objects;

/**
 * What a fitted discrete CorEx layer needs to label new samples (Ver Steeg &amp; Galstyan 2014, Eq. 7): the most
 * probable value of factor j maximises ln p(y<sub>j</sub> = c) + Σ<sub>i</sub> α<sub>ij</sub>
 * ln p(x<sub>i</sub> | y<sub>j</sub> = c)/p(x<sub>i</sub>) over c. Factors in the layer's order (largest TC first).
 *
 * @param inputs  variables p
 * @param symbols symbols per variable at most s
 * @param factors factors m
 * @param states  values per factor k
 * @param logPy   ln p(y<sub>j</sub> = c) at [j·k + c]
 * @param weights α<sub>ij</sub> ln p(x<sub>i</sub> = v | y<sub>j</sub> = c)/p(x<sub>i</sub> = v) at
 *                [((i·s + v)·m + j)·k + c]
 */
public record CorexModel(int inputs, int symbols, int factors, int states, double[] logPy, double[] weights) {

    public CorexModel {
        Objects.requireNonNull(logPy, "logPy");
        Objects.requireNonNull(weights, "weights");
        if (inputs < 1 || symbols < 1 || factors < 1 || states < 2 || logPy.length != factors * states
                || weights.length != inputs * symbols * factors * states) {
            throw new IllegalArgumentException("a CorEx model of " + inputs + " inputs, " + symbols + " symbols, "
                    + factors + " factors of " + states + " states cannot have " + logPy.length + " log-priors and "
                    + weights.length + " weights");
        }
    }

    /**
     * Labels one sample. Modified: {@code labels} (m values in 0 … k − 1; the first of equally probable values).
     * Not modified: {@code sample} (p symbols, {@link SymbolMatrix#MISSING} for a missing value).
     */
    public void label(byte[] sample, byte[] labels) {
        if (sample.length != inputs || labels.length != factors) {
            throw new IllegalArgumentException("a sample of " + sample.length + " symbols and " + labels.length
                    + " labels for a model of " + inputs + " inputs and " + factors + " factors");
        }
        int mk = factors * states;
        double[] u = logPy.clone();
        for (int i = 0; i < inputs; i++) {
            int symbol = sample[i];
            if (symbol == SymbolMatrix.MISSING) {
                continue;
            }
            if (symbol < 0 || symbol >= symbols) {
                throw new IllegalArgumentException("input " + i + " has symbol " + symbol + ", the model knows 0 … "
                        + (symbols - 1));
            }
            int base = (i * symbols + symbol) * mk;
            for (int c = 0; c < mk; c++) {
                u[c] += weights[base + c];
            }
        }
        for (int j = 0; j < factors; j++) {
            int best = 0;
            for (int c = 1; c < states; c++) {
                if (u[j * states + c] > u[j * states + best]) {
                    best = c;
                }
            }
            labels[j] = (byte) best;
        }
    }
}
