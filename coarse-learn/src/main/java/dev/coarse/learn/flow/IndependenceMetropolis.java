package dev.coarse.learn.flow;

import dev.coarse.stats.Autocorrelation;
import dev.coarse.stats.Estimate;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The flow as an independence proposal in Metropolis–Hastings: proposals x' ∼ q, independent of the current x, are
 * accepted with probability min(1, w(x')/w(x)), w = e<sup>−S</sup>/q, so the chain's stationary law is the target
 * exactly, whatever the flow. The acceptance rate and τ<sub>int</sub> of the observable say how good the flow is
 * (a perfect flow accepts everything, τ<sub>int</sub> = ½).
 *
 * @param acceptance  the fraction of accepted proposals
 * @param observable  the chain average of the observable, error √(2τ<sub>int</sub> σ²/n)
 * @param tauInt      τ<sub>int</sub> of the observable's series, in proposals (Sokal's window)
 * @param steps       proposals made
 */
public record IndependenceMetropolis(double acceptance, Estimate observable, double tauInt, int steps) {

    /**
     * Runs the chain over the proposals in {@code proposals} (in order; the first one starts the chain and counts as
     * accepted), the accept/reject coins from {@code coins}.
     */
    public static IndependenceMetropolis run(FlowSamples proposals, SplittableRandom coins) {
        return chain(proposals, coins).result();
    }

    /** A chain: the index of the proposal that is the state after each step, and the statistics. */
    public record Chain(int[] states, IndependenceMetropolis result) {
    }

    /** As {@link #run}, keeping which proposal is the chain's state at each step. */
    public static Chain chain(FlowSamples proposals, SplittableRandom coins) {
        Objects.requireNonNull(proposals, "proposals");
        double[] lnW = proposals.lnWeights();
        double[] o = proposals.observable();
        int n = lnW.length;
        double[] series = new double[n];
        int current = 0;
        int accepted = 0;
        int[] states = new int[n];
        series[0] = o[0];
        for (int i = 1; i < n; i++) {
            double lnRatio = lnW[i] - lnW[current];
            if (lnRatio >= 0 || coins.nextDouble() < Math.exp(lnRatio)) {
                current = i;
                accepted++;
            }
            series[i] = o[current];
            states[i] = current;
        }
        double mean = 0;
        for (double v : series) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : series) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        double tau = Autocorrelation.integratedTime(series);
        return new Chain(states, new IndependenceMetropolis((double) accepted / (n - 1),
                new Estimate(mean, Math.sqrt(2 * tau * var / n), tau), tau, n));
    }
}
