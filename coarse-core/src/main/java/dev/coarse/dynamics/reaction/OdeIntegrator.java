package dev.coarse.dynamics.reaction;

/**
 * Classical fourth-order Runge–Kutta with step-doubling error control (Press et al., Numerical Recipes §17.2):
 * a step h is accepted when one step and two half steps agree to {@link #TOLERANCE} relative to 1 + |x|.
 */
final class OdeIntegrator {

    static final double TOLERANCE = 1e-9;

    /** dx/dt = f(x), written into {@code dxdt}. */
    interface Field {
        void derivative(double[] x, double[] dxdt);
    }

    private OdeIntegrator() {
    }

    static double[][] integrate(Field field, double[] x0, double[] times) {
        int n = x0.length;
        double[][] out = new double[times.length][];
        double[] x = x0.clone();
        double t = 0;
        double h = times.length > 1 && times[times.length - 1] > 0 ? times[times.length - 1] / 1000 : 1e-3;
        double[] full = new double[n];
        double[] half = new double[n];
        double[][] scratch = new double[5][n];
        for (int i = 0; i < times.length; i++) {
            while (t < times[i]) {
                double step = Math.min(h, times[i] - t);
                rk4(field, x, step, full, scratch);
                rk4(field, x, step / 2, half, scratch);
                rk4(field, half, step / 2, half, scratch);
                double error = 0;
                for (int k = 0; k < n; k++) {
                    error = Math.max(error, Math.abs(full[k] - half[k]) / (1 + Math.abs(half[k])));
                }
                if (error <= TOLERANCE || step < 1e-12 * (1 + t)) {
                    System.arraycopy(half, 0, x, 0, n);
                    t += step;
                    h = step * Math.min(4, 0.9 * Math.pow(TOLERANCE / Math.max(error, 1e-300), 0.2));
                } else {
                    h = step * Math.max(0.1, 0.9 * Math.pow(TOLERANCE / error, 0.2));
                }
            }
            out[i] = x.clone();
        }
        return out;
    }

    /** One RK4 step from x (not modified) into {@code result} (may alias nothing but itself). */
    private static void rk4(Field f, double[] x, double h, double[] result, double[][] s) {
        int n = x.length;
        double[] k1 = s[0];
        double[] k2 = s[1];
        double[] k3 = s[2];
        double[] k4 = s[3];
        double[] y = s[4];
        f.derivative(x, k1);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k1[i];
        }
        f.derivative(y, k2);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k2[i];
        }
        f.derivative(y, k3);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * k3[i];
        }
        f.derivative(y, k4);
        for (int i = 0; i < n; i++) {
            result[i] = x[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }
}
