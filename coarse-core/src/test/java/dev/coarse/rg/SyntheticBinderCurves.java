package dev.coarse.rg;

import java.util.random.RandomGenerator;

/**
 * Synthetic Binder cumulants U<sub>L</sub>(T) = u<sub>0</sub> − ¼ tanh(s·(T − T<sub>c</sub>)·L) + noise: a function of
 * (T − T<sub>c</sub>)·L alone, so the curves of every pair of sizes cross exactly at T<sub>c</sub>. For tests of
 * crossing finders; the noise is Gaussian of the given size, which is also each point's error bar.
 */
public final class SyntheticBinderCurves {

    private final double criticalTemperature;
    private final double u0;
    private final double slope;

    public SyntheticBinderCurves(double criticalTemperature, double u0, double slope) {
        this.criticalTemperature = criticalTemperature;
        this.u0 = u0;
        this.slope = slope;
    }

    /** The curve of size L on the temperatures t0, t0 + dt, …, n of them, noise drawn from {@code rng} in order. */
    public BinderCrossing.Curve curve(int l, double t0, double dt, int n, double noise, RandomGenerator rng) {
        double[] t = new double[n];
        double[] u = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = t0 + dt * i;
            u[i] = u0 - 0.25 * Math.tanh(slope * (t[i] - criticalTemperature) * l) + noise * rng.nextGaussian();
            e[i] = Math.max(noise, 1e-12);
        }
        return new BinderCrossing.Curve(l, t, u, e);
    }
}
