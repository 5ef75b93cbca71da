package dev.coarse.learn.rbm;

/**
 * Fits an RBM to an explicit target distribution over its visible states by gradient descent on the exact
 * KL(P<sub>target</sub>‖P<sub>rbm</sub>): both phases of the log-likelihood gradient are exact sums over all
 * 2^visibleCount visible states, ∂/∂W<sub>ij</sub> = ⟨v<sub>i</sub>E[h<sub>j</sub>|v]⟩<sub>target</sub> −
 * ⟨v<sub>i</sub>E[h<sub>j</sub>|v]⟩<sub>rbm</sub>. Used by the lecture's recipe and its extensions.
 *
 * @param learningRate      step size
 * @param momentum          heavy-ball momentum in [0, 1)
 * @param maxIterations     iteration cap
 * @param gradientTolerance stop when every gradient component is below this in magnitude
 * @param trainVisibleBias  whether a is fitted (otherwise left as it is)
 * @param trainHiddenBias   whether b is fitted
 */
public record ExactFit(double learningRate, double momentum, int maxIterations, double gradientTolerance,
        boolean trainVisibleBias, boolean trainHiddenBias) {

    public ExactFit {
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1) || maxIterations < 1
                || !(gradientTolerance > 0)) {
            throw new IllegalArgumentException("bad exact-fit settings");
        }
    }

    /** Settings for the recipe: weights only (biases vanish by the spin-flip symmetry), tight tolerance. */
    public static ExactFit weightsOnly() {
        return new ExactFit(1.0, 0.5, 200_000, 1e-12, false, false);
    }

    /** The result: the number of iterations used and the final KL in nats. */
    public record Result(int iterations, double klDivergence, boolean converged) {
    }

    /**
     * Runs the descent. Modified: {@code rbm}'s parameters. Not modified: {@code target}.
     *
     * @param target probabilities indexed by visible code (see {@link RbmExact}), length 2^visibleCount
     */
    public Result fit(Rbm rbm, double[] target) {
        int nv = rbm.visibleCount();
        int nh = rbm.hiddenCount();
        if (target.length != 1 << nv) {
            throw new IllegalArgumentException("target has " + target.length + " states, expected 2^" + nv);
        }
        RbmExact.require(nv, "an exact fit");
        UnitType type = rbm.unitType();
        double[] v = new double[nv];
        double[] hm = new double[nh];
        double[] gW = new double[nv * nh];
        double[] ga = new double[nv];
        double[] gb = new double[nh];
        double[] vW = new double[nv * nh];
        double[] va = new double[nv];
        double[] vb = new double[nh];
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            double[] q = RbmExact.visibleProbabilities(rbm);
            java.util.Arrays.fill(gW, 0);
            java.util.Arrays.fill(ga, 0);
            java.util.Arrays.fill(gb, 0);
            for (int code = 0; code < q.length; code++) {
                double c = target[code] - q[code];
                if (c == 0) {
                    continue;
                }
                RbmExact.decode(type, code, nv, v);
                rbm.hiddenMeans(v, hm);
                for (int i = 0; i < nv; i++) {
                    ga[i] += c * v[i];
                    for (int j = 0; j < nh; j++) {
                        gW[i * nh + j] += c * v[i] * hm[j];
                    }
                }
                for (int j = 0; j < nh; j++) {
                    gb[j] += c * hm[j];
                }
            }
            double largest = largest(gW);
            if (trainVisibleBias) {
                largest = Math.max(largest, largest(ga));
            }
            if (trainHiddenBias) {
                largest = Math.max(largest, largest(gb));
            }
            if (largest < gradientTolerance) {
                converged = true;
                break;
            }
            step(rbm.weights(), gW, vW);
            if (trainVisibleBias) {
                step(rbm.visibleBias(), ga, va);
            }
            if (trainHiddenBias) {
                step(rbm.hiddenBias(), gb, vb);
            }
        }
        return new Result(iteration, RbmExact.klDivergence(target, rbm), converged);
    }

    private void step(double[] parameter, double[] gradient, double[] velocity) {
        for (int k = 0; k < parameter.length; k++) {
            velocity[k] = momentum * velocity[k] + learningRate * gradient[k];
            parameter[k] += velocity[k];
        }
    }

    private static double largest(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
