package dev.coarse.rg;

import dev.coarse.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finite-size scaling: the temperature where Binder cumulants U<sub>L</sub>(T) = 1 − ⟨m⁴⟩/(3⟨m²⟩²) of two sizes
 * cross estimates T<sub>c</sub> (SCIENCE.md §4). Curves are interpolated by local cubics (4-point Lagrange), the
 * crossing is located by a scan and bisection, and its error comes from parametric resampling: every point is
 * redrawn from a Gaussian with its error bar and the crossing recomputed.
 */
public final class BinderCrossing {

    /** Points of the scan for a sign change of U<sub>a</sub> − U<sub>b</sub>. */
    private static final int SCAN_POINTS = 400;

    /**
     * One size's measured curve, temperatures strictly increasing (at least 4 points).
     *
     * @param linearSize L
     */
    public record Curve(int linearSize, double[] temperatures, double[] values, double[] errors) {
        public Curve {
            if (temperatures.length < 4 || values.length != temperatures.length || errors.length != temperatures.length) {
                throw new IllegalArgumentException("a curve needs ≥ 4 points with one value and one error each");
            }
            for (int i = 1; i < temperatures.length; i++) {
                if (!(temperatures[i] > temperatures[i - 1])) {
                    throw new IllegalArgumentException("temperatures must increase strictly");
                }
            }
        }

        /** Local cubic interpolation through the 4 grid points around t. */
        public double at(double t) {
            int n = temperatures.length;
            int i = 0;
            while (i < n - 2 && temperatures[i + 1] < t) {
                i++;
            }
            int start = Math.max(0, Math.min(n - 4, i - 1));
            double sum = 0;
            for (int j = start; j < start + 4; j++) {
                double w = values[j];
                for (int k = start; k < start + 4; k++) {
                    if (k != j) {
                        w *= (t - temperatures[k]) / (temperatures[j] - temperatures[k]);
                    }
                }
                sum += w;
            }
            return sum;
        }
    }

    /** The crossing of the curves of sizes a and b. */
    public record Crossing(int sizeA, int sizeB, Estimate temperature) {
    }

    private BinderCrossing() {
    }

    /** U = 1 − ⟨m⁴⟩/(3⟨m²⟩²) from magnetisation samples. */
    public static double cumulant(double[] magnetisation) {
        double m2 = 0;
        double m4 = 0;
        for (double m : magnetisation) {
            m2 += m * m;
            m4 += m * m * m * m;
        }
        m2 /= magnetisation.length;
        m4 /= magnetisation.length;
        return 1 - m4 / (3 * m2 * m2);
    }

    /**
     * The crossing temperature of two curves with a resampling error.
     *
     * @throws IllegalArgumentException if the curves do not cross inside their common range
     */
    public static Crossing crossing(Curve a, Curve b, int resamples, long seed) {
        double lo = Math.max(a.temperatures()[0], b.temperatures()[0]);
        double hi = Math.min(a.temperatures()[a.temperatures().length - 1],
                b.temperatures()[b.temperatures().length - 1]);
        return resampledCrossing(a, b, resamples, seed, " [" + lo + ", " + hi + "]", (va, vb) -> crossingOf(
                new Curve(a.linearSize(), a.temperatures(), va, a.errors()),
                new Curve(b.linearSize(), b.temperatures(), vb, b.errors()), lo, hi));
    }

    /** Where two curves with the given values (at the curves' temperatures) cross, NaN if they do not. */
    @FunctionalInterface
    public interface CrossingFinder {
        double find(double[] valuesA, double[] valuesB);
    }

    /**
     * The crossing {@code finder} gives for the measured values, with an error from parametric resampling: every
     * point redrawn from a Gaussian with its error bar and the crossing found again.
     *
     * @param where names the temperature range in the messages
     * @throws IllegalArgumentException if the curves do not cross, or fewer than half of the resamples cross
     */
    public static Crossing resampledCrossing(Curve a, Curve b, int resamples, long seed, String where,
                                      CrossingFinder finder) {
        double t = finder.find(a.values(), b.values());
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("Binder curves of L = " + a.linearSize() + " and L = " + b.linearSize()
                    + " do not cross in" + where + "; widen the temperature range");
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("need at least 2 resamples, got " + resamples);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        double sum2 = 0;
        int found = 0;
        for (int r = 0; r < resamples; r++) {
            double c = finder.find(perturbed(a, rng), perturbed(b, rng));
            if (!Double.isNaN(c)) {
                sum += c;
                sum2 += c * c;
                found++;
            }
        }
        if (found < resamples / 2 || found < 2) {
            throw new IllegalArgumentException("Binder crossing of L = " + a.linearSize() + " and " + b.linearSize()
                    + " is not resolved within the error bars (" + found + " of " + resamples
                    + " resamples cross); sample longer or use a wider temperature range");
        }
        double mean = sum / found;
        double var = Math.max(0, (sum2 / found - mean * mean) * found / (found - 1.0));
        return new Crossing(a.linearSize(), b.linearSize(), Estimate.of(t, Math.sqrt(var)));
    }

    /** Crossings of consecutive curves (sorted by L as given). */
    public static List<Crossing> crossings(List<Curve> curves, int resamples, long seed) {
        if (curves.size() < 2) {
            throw new IllegalArgumentException("need Binder curves of at least two sizes, got " + curves.size());
        }
        List<Crossing> out = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i + 1 < curves.size(); i++) {
            out.add(crossing(curves.get(i), curves.get(i + 1), resamples, seeds.nextLong()));
        }
        return out;
    }

    /** Inverse-variance weighted mean of crossing temperatures (treating them as independent). */
    public static Estimate combine(List<Crossing> crossings) {
        double w = 0;
        double s = 0;
        for (Crossing c : crossings) {
            double e = c.temperature().error();
            double wi = e > 0 ? 1 / (e * e) : 1e300;
            w += wi;
            s += wi * c.temperature().mean();
        }
        return Estimate.of(s / w, Math.sqrt(1 / w));
    }

    /** The curve's values, each redrawn from a Gaussian with its error bar. */
    private static double[] perturbed(Curve c, SplittableRandom rng) {
        double[] v = c.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += c.errors()[i] * rng.nextGaussian();
        }
        return v;
    }

    /** First sign change of a(T) − b(T) on a scan of [lo, hi], refined by bisection; NaN if none. */
    private static double crossingOf(Curve a, Curve b, double lo, double hi) {
        double prevT = lo;
        double prev = a.at(lo) - b.at(lo);
        for (int i = 1; i <= SCAN_POINTS; i++) {
            double t = lo + (hi - lo) * i / SCAN_POINTS;
            double d = a.at(t) - b.at(t);
            if (prev == 0) {
                return prevT;
            }
            if (Math.signum(d) != Math.signum(prev)) {
                double x = prevT;
                double y = t;
                double fx = prev;
                for (int k = 0; k < 100 && y - x > 1e-15 * Math.max(1, Math.abs(x)); k++) {
                    double mid = 0.5 * (x + y);
                    double fm = a.at(mid) - b.at(mid);
                    if (Math.signum(fm) == Math.signum(fx)) {
                        x = mid;
                        fx = fm;
                    } else {
                        y = mid;
                    }
                }
                return 0.5 * (x + y);
            }
            prevT = t;
            prev = d;
        }
        return Double.NaN;
    }
}
