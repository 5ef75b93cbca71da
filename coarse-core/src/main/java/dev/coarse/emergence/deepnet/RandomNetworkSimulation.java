package dev.coarse.emergence.deepnet;

import java.util.random.RandomGenerator;

/**
 * Two inputs propagated through one random network of finite width, to check {@link MeanField} against: the
 * empirical q₁₁<sup>l</sup>, q₂₂<sup>l</sup> (mean squared pre-activations), c<sup>l</sup> (their correlation) and
 * the empirical χ₁<sup>l</sup> = (1/N) tr(J Jᵀ) of the layer Jacobian J = W<sup>l</sup> diag φ′(h<sup>l−1</sup>) of the
 * first input. Plain Java: each weight row is drawn and applied at once (no matrix is stored).
 *
 * @param q11  q₁₁<sup>l</sup>, l = 0 … depth
 * @param q22  q₂₂<sup>l</sup>
 * @param c    c<sup>l</sup> = q₁₂/√(q₁₁q₂₂)
 * @param chi1 χ₁<sup>l</sup> of layer l = 1 … depth (index 0 unused, NaN)
 */
public record RandomNetworkSimulation(double[] q11, double[] q22, double[] c, double[] chi1) {

    /**
     * Propagates inputs with exactly q₁₁⁰ = q₂₂⁰ = {@code q0} and correlation {@code c0} through {@code depth} layers
     * of width {@code width}, all randomness (inputs and weights) from {@code random}.
     */
    public static RandomNetworkSimulation run(MeanField field, int width, int depth, double q0, double c0,
            RandomGenerator random) {
        if (width < 2 || depth < 1 || !(q0 > 0) || !(c0 >= -1 && c0 <= 1)) {
            throw new IllegalArgumentException("need width ≥ 2, depth ≥ 1, q0 > 0, c0 in [−1, 1]");
        }
        Activation phi = field.activation();
        double[] x1 = new double[width];
        double[] x2 = new double[width];
        double[] noise = new double[width];
        for (int i = 0; i < width; i++) {
            x1[i] = random.nextGaussian();
            noise[i] = random.nextGaussian();
        }
        // Gram–Schmidt: x2 = c0·x̂1 + √(1−c0²)·n̂, n̂ ⟂ x̂1, both scaled to mean square q0
        normalise(x1, q0);
        double overlap = dot(noise, x1) / dot(x1, x1);
        for (int i = 0; i < width; i++) {
            noise[i] -= overlap * x1[i];
        }
        normalise(noise, q0);
        for (int i = 0; i < width; i++) {
            x2[i] = c0 * x1[i] + Math.sqrt(1 - c0 * c0) * noise[i];
        }
        double[] q11 = new double[depth + 1];
        double[] q22 = new double[depth + 1];
        double[] c = new double[depth + 1];
        double[] chi = new double[depth + 1];
        chi[0] = Double.NaN;
        record(x1, x2, q11, q22, c, 0);
        double[] a1 = new double[width];
        double[] a2 = new double[width];
        double[] d1 = new double[width];
        double[] columnSq = new double[width];
        double wScale = Math.sqrt(field.sigmaW2() / width);
        double bScale = Math.sqrt(field.sigmaB2());
        for (int l = 1; l <= depth; l++) {
            for (int j = 0; j < width; j++) {
                a1[j] = phi.value(x1[j]);
                a2[j] = phi.value(x2[j]);
                d1[j] = phi.derivative(x1[j]);
                columnSq[j] = 0;
            }
            for (int i = 0; i < width; i++) {
                double b = bScale * random.nextGaussian();
                double h1 = b;
                double h2 = b;
                for (int j = 0; j < width; j++) {
                    double w = wScale * random.nextGaussian();
                    h1 += w * a1[j];
                    h2 += w * a2[j];
                    columnSq[j] += w * w;
                }
                x1[i] = h1;
                x2[i] = h2;
            }
            double trace = 0;
            for (int j = 0; j < width; j++) {
                trace += columnSq[j] * d1[j] * d1[j];
            }
            chi[l] = trace / width;
            record(x1, x2, q11, q22, c, l);
        }
        return new RandomNetworkSimulation(q11, q22, c, chi);
    }

    private static void record(double[] x1, double[] x2, double[] q11, double[] q22, double[] c, int l) {
        int n = x1.length;
        q11[l] = dot(x1, x1) / n;
        q22[l] = dot(x2, x2) / n;
        c[l] = dot(x1, x2) / n / Math.sqrt(q11[l] * q22[l]);
    }

    private static void normalise(double[] x, double q) {
        double scale = Math.sqrt(q / (dot(x, x) / x.length));
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
