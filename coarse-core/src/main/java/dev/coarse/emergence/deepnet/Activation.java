package dev.coarse.emergence.deepnet;

/**
 * A pointwise nonlinearity φ with its first two derivatives, as the mean-field maps need them. The built-ins have
 * exact derivatives; {@link FormulaActivation} differentiates numerically.
 */
public interface Activation {

    /** A short name for output (e.g. "tanh", or the formula). */
    String name();

    double value(double x);

    double derivative(double x);

    double secondDerivative(double x);

    /** φ = tanh. */
    Activation TANH = new Activation() {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        public double secondDerivative(double x) {
            double t = Math.tanh(x);
            return -2 * t * (1 - t * t);
        }
    };

    /**
     * φ = max(0, x), with φ′(0) = 1/2 (the midpoint of the subgradient; no node of the mean-field rules sits at 0) and φ″ = 0 (the δ at 0 meets φ(0) = 0 in the ξ<sub>q</sub> integral).
     */
    Activation RELU = new Activation() {
        @Override
        public String name() {
            return "relu";
        }

        @Override
        public double value(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : x < 0 ? 0 : 0.5;
        }

        @Override
        public double secondDerivative(double x) {
            return 0;
        }
    };
}
