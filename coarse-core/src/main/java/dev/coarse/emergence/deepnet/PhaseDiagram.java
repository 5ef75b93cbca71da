package dev.coarse.emergence.deepnet;

/**
 * The order-to-chaos phase diagram in the (σ<sub>w</sub>², σ<sub>b</sub>²) plane (Poole et al. 2016, Fig. 3;
 * Schoenholz et al. 2017, Fig. 1): ξ<sub>c</sub> on a grid, and the line χ₁ = 1 as σ<sub>w</sub>² of each
 * σ<sub>b</sub>².
 *
 * @param sigmaW2        grid values of σ<sub>w</sub>² (columns)
 * @param sigmaB2        grid values of σ<sub>b</sub>² (rows)
 * @param xiC            ξ<sub>c</sub>[row][column] (infinite where χ₁ ≥ 1 exactly; NaN where q diverges)
 * @param criticalSigmaW2 σ<sub>w</sub>² of χ₁ = 1 for each σ<sub>b</sub>² row (NaN if none in range)
 */
public record PhaseDiagram(double[] sigmaW2, double[] sigmaB2, double[][] xiC, double[] criticalSigmaW2) {

    /** The diagram of φ on an evenly spaced grid (σ<sub>w</sub>² from wMin to wMax, σ<sub>b</sub>² from 0 to bMax). */
    public static PhaseDiagram of(Activation activation, double wMin, double wMax, int wPoints, double bMax,
            int bPoints) {
        if (!(wMin > 0 && wMax > wMin && bMax > 0) || wPoints < 2 || bPoints < 2 || wPoints * bPoints > 40_000) {
            throw new IllegalArgumentException("need 0 < wMin < wMax, bMax > 0, 2 … 40000 grid points");
        }
        double[] w = new double[wPoints];
        double[] b = new double[bPoints];
        for (int i = 0; i < wPoints; i++) {
            w[i] = wMin + (wMax - wMin) * i / (wPoints - 1);
        }
        for (int j = 0; j < bPoints; j++) {
            b[j] = bMax * j / (bPoints - 1);
        }
        double[][] xi = new double[bPoints][wPoints];
        double[] line = new double[bPoints];
        for (int j = 0; j < bPoints; j++) {
            line[j] = MeanField.criticalSigmaW2(activation, b[j]);
            for (int i = 0; i < wPoints; i++) {
                MeanField field = new MeanField(activation, w[i], b[j]);
                try {
                    double q = field.fixedPointQ();
                    double c = field.fixedPointC(q);
                    xi[j][i] = c == 1 ? MeanField.depthScale(field.chi1(q)) : field.correlationDepthScale(q, c);
                } catch (IllegalStateException diverges) {
                    xi[j][i] = Double.NaN;
                }
            }
        }
        return new PhaseDiagram(w, b, xi, line);
    }
}
