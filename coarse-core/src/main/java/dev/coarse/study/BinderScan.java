package dev.coarse.study;

import dev.coarse.mc.ChainRunner;
import dev.coarse.mc.Observables;
import dev.coarse.mc.Progress;
import dev.coarse.mc.Sampler;
import dev.coarse.mc.SamplerKind;
import dev.coarse.mc.TaskPool;
import dev.coarse.model.IsingModel;
import dev.coarse.model.Model;
import dev.coarse.model.PottsModel;
import dev.coarse.rg.BinderCrossing;
import dev.coarse.rg.FixedPoints;
import dev.coarse.rg.PolynomialFit;
import dev.coarse.rg.PowerLawFit;
import dev.coarse.stats.Estimate;
import dev.coarse.stats.Jackknife;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Finite-size scaling scan (SCIENCE.md §4): samples a model family at several sizes L over a temperature grid,
 * measures the Binder cumulant U = 1 − ⟨m⁴⟩/(3⟨m²⟩²), the susceptibility χ = N(⟨m²⟩ − ⟨|m|⟩²)/T, ⟨|m|⟩ and the
 * energy per site at every (L, T) point, and locates T<sub>c</sub> from the crossings of U<sub>L</sub>(T) of
 * consecutive sizes ({@link BinderCrossing}).
 *
 * <p><b>Sampling.</b> Every (L, T) point is one independent chain with its own random stream: a root
 * {@value ChainRunner#GENERATOR} generator seeded with {@code seed} is split once per point in the order
 * (size index, temperature index) ({@link ChainRunner#chainStreams}), so results are identical for every thread
 * count. A chain starts hot, runs {@code thermalize} sweep-equivalents ({@link SweepUnits}: for Wolff, cluster
 * flips until N sites have flipped) and then {@code sweeps} more, measuring after each. Errors: jackknife over
 * {@value #BLOCKS} contiguous blocks of measurements (so a block must be much longer than τ<sub>int</sub>,
 * a few sweep-equivalents for cluster samplers near T<sub>c</sub>: use sweeps ≥ ~1000).
 *
 * <p><b>Combining crossings.</b> The crossing T<sub>L,L'</sub> of consecutive sizes drifts towards T<sub>c</sub>
 * as L<sup>−(ω + 1/ν)</sup> (about L<sup>−3</sup> in 2D Ising, L<sup>−2.4</sup> in 3D Ising). The estimate is
 * the crossing of the two largest sizes (least finite-size bias) — not a weighted mean, which would be pulled
 * towards the more biased small sizes. Its error is the resampling error of that crossing combined in
 * quadrature with a systematic term: half the distance to the previous pair's crossing (a heuristic bound on
 * the remaining drift when sizes grow by a factor ≥ 2; zero, and said so by {@link Result#systematic()} = 0,
 * with only two sizes). The drift itself is not extrapolated away.
 *
 * <p><b>γ/ν.</b> χ<sub>L</sub> at the estimated T<sub>c</sub> (local cubic interpolation of each χ curve, error
 * bars interpolated the same way; the uncertainty of T<sub>c</sub> itself is not propagated) fitted to
 * A·L<sup>γ/ν</sup> with {@link PowerLawFit}.
 */
public final class BinderScan {

    /** Jackknife blocks per point. */
    public static final int BLOCKS = 40;
    /** Parametric resamples per crossing. */
    public static final int RESAMPLES = 400;
    /** Fewest thermalisation sweep-equivalents (they also calibrate the cluster flips per sweep). */
    public static final int MIN_THERMALIZE = 10;

    /**
     * What to scan.
     *
     * @param family       the model family
     * @param q            Potts states (ignored for Ising)
     * @param sizes        linear sizes, strictly increasing, at least 2
     * @param temperatures temperature grid, strictly increasing, at least 4 points, all &gt; 0
     * @param sampler      the sampler kind (a per-configuration one: Wolff, Swendsen–Wang, Metropolis, …)
     * @param sweeps       measured sweep-equivalents per point (≥ {@value #BLOCKS})
     * @param thermalize   discarded sweep-equivalents per point
     * @param seed         root seed
     * @param threads      worker threads (results do not depend on it)
     */
    public record Spec(StudyModel.Family family, int q, int[] sizes, double[] temperatures, SamplerKind sampler, int sweeps,
                       int thermalize, long seed, int threads) {
        public Spec {
            sizes = sizes.clone();
            temperatures = temperatures.clone();
            if (sizes.length < 2) {
                throw new IllegalArgumentException("a Binder scan needs at least 2 sizes, got " + sizes.length);
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 2 || (i > 0 && sizes[i] <= sizes[i - 1])) {
                    throw new IllegalArgumentException("sizes must be ≥ 2 and strictly increasing, got "
                            + Arrays.toString(sizes));
                }
            }
            if (temperatures.length < 4) {
                throw new IllegalArgumentException("a Binder scan needs at least 4 temperatures, got "
                        + temperatures.length);
            }
            for (int i = 0; i < temperatures.length; i++) {
                if (!(temperatures[i] > 0) || !Double.isFinite(temperatures[i])
                        || (i > 0 && temperatures[i] <= temperatures[i - 1])) {
                    throw new IllegalArgumentException("temperatures must be finite, > 0 and strictly increasing, got "
                            + Arrays.toString(temperatures));
                }
            }
            if (sweeps < BLOCKS) {
                throw new IllegalArgumentException("sweeps must be ≥ " + BLOCKS + " (jackknife blocks), got " + sweeps);
            }
            if (thermalize < MIN_THERMALIZE) {
                throw new IllegalArgumentException("thermalize must be ≥ " + MIN_THERMALIZE
                        + " (it also calibrates cluster flips per sweep), got " + thermalize);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
            }
            Model probe = family.model(sizes[0], temperatures[0], q);
            sampler.create(probe); // rejects samplers the model does not take, now
        }

        /** The same scan on another temperature grid (e.g. the fine window of {@link #window}). */
        public Spec withTemperatures(double[] grid) {
            return new Spec(family, q, sizes, grid, sampler, sweeps, thermalize, seed, threads);
        }

        /** Total sweep-equivalents of the scan (the total given to {@link Progress}). */
        public long totalSweeps() {
            return (long) sizes.length * temperatures.length * (sweeps + (long) thermalize);
        }
    }

    /** One (L, T) point: the jackknife estimates of U, χ, ⟨|m|⟩ and e = H/N. */
    public record Point(double temperature, Estimate binder, Estimate susceptibility, Estimate absMagnetization,
                        Estimate energyPerSite) {
    }

    /** One size's curves, in temperature order. */
    public record SizeCurve(int linearSize, List<Point> points) {
        public SizeCurve {
            points = List.copyOf(points);
        }

        /** U(T) as a {@link BinderCrossing.Curve}. */
        public BinderCrossing.Curve binderCurve() {
            return curve(Point::binder);
        }

        /** χ(T) as an interpolable curve. */
        public BinderCrossing.Curve susceptibilityCurve() {
            return curve(Point::susceptibility);
        }

        private BinderCrossing.Curve curve(Function<Point, Estimate> f) {
            int n = points.size();
            double[] t = new double[n];
            double[] v = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = points.get(i).temperature();
                v[i] = f.apply(points.get(i)).mean();
                e[i] = f.apply(points.get(i)).error();
            }
            return new BinderCrossing.Curve(linearSize, t, v, e);
        }
    }

    /**
     * The scan's result.
     *
     * @param criticalTemperature T<sub>c</sub>: the largest pair's crossing, error = √(statistical² + systematic²)
     * @param statistical         resampling error of the largest pair's crossing
     * @param systematic          half the distance between the last two crossings (0 with two sizes)
     * @param criticalCoupling    K<sub>c</sub> = 1/T<sub>c</sub> with the propagated error
     * @param gammaOverNu         χ<sub>L</sub>(T<sub>c</sub>) ∝ L<sup>γ/ν</sup>
     * @param elapsedNanos        wall-clock time of the sampling and analysis
     */
    public record Result(Spec spec, List<SizeCurve> curves, List<BinderCrossing.Crossing> crossings,
                         Estimate criticalTemperature, double statistical, double systematic,
                         Estimate criticalCoupling, PowerLawFit gammaOverNu, long elapsedNanos) {
        public Result {
            curves = List.copyOf(curves);
            crossings = List.copyOf(crossings);
        }
    }

    private BinderScan() {
    }

    /** Samples every (L, T) point and analyses the curves. {@code progress} may be null. */
    public static Result run(Spec spec, Progress progress) {
        long start = System.nanoTime();
        int[] sizes = spec.sizes();
        double[] temps = spec.temperatures();
        int nt = temps.length;
        int count = sizes.length * nt;
        List<RandomGenerator> streams = ChainRunner.chainStreams(spec.seed(), count);
        Point[] points = new Point[count];
        AtomicLong done = new AtomicLong();
        long total = spec.totalSweeps();
        // largest lattices first: the pool then ends with short tasks (no effect on results)
        TaskPool.run("binder-scan", count, spec.threads(), task -> {
            int index = count - 1 - task;
            Model model = spec.family().model(sizes[index / nt], temps[index % nt], spec.q());
            points[index] = measure(model, spec, streams.get(index), done, total, progress);
        });
        List<SizeCurve> curves = new ArrayList<>();
        for (int l = 0; l < sizes.length; l++) {
            curves.add(new SizeCurve(sizes[l], Arrays.asList(points).subList(l * nt, (l + 1) * nt)));
        }
        return analyse(spec, curves, System.nanoTime() - start);
    }

    /**
     * A coarse scan, then a fine one: runs {@code coarse}, and then the same sizes on {@code finePoints}
     * temperatures over T<sub>c</sub> ± {@code halfWidth}·T<sub>c</sub> around its estimate, with the seed + 1.
     * Returns the fine result. {@code progress} may be null (it sees the two scans one after the other).
     */
    public static Result coarseThenFine(Spec coarse, int finePoints, double halfWidth, Progress progress) {
        Result first = run(coarse, progress);
        Spec fine = new Spec(coarse.family(), coarse.q(), coarse.sizes(),
                window(first.criticalTemperature().mean(), halfWidth, finePoints), coarse.sampler(), coarse.sweeps(),
                coarse.thermalize(), coarse.seed() + 1, coarse.threads());
        return run(fine, progress);
    }

    /** {@code points} ≥ 4 equally spaced temperatures over center·(1 ± halfWidth). */
    public static double[] window(double center, double halfWidth, int points) {
        if (points < 4 || !(halfWidth > 0 && halfWidth < 1) || !(center > 0)) {
            throw new IllegalArgumentException("need ≥ 4 points, 0 < halfWidth < 1 and a centre > 0");
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = center * (1 - halfWidth + 2 * halfWidth * i / (points - 1));
        }
        return t;
    }

    /** The crossings, T<sub>c</sub>, K<sub>c</sub> and γ/ν of measured curves (sizes increasing). */
    public static Result analyse(Spec spec, List<SizeCurve> curves, long elapsedNanos) {
        List<BinderCrossing.Curve> binder = new ArrayList<>();
        for (SizeCurve c : curves) {
            binder.add(c.binderCurve());
        }
        List<BinderCrossing.Crossing> crossings = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        for (int i = 0; i + 1 < binder.size(); i++) {
            crossings.add(crossing(binder.get(i), binder.get(i + 1), RESAMPLES, seeds.nextLong()));
        }
        Estimate last = crossings.get(crossings.size() - 1).temperature();
        double systematic = crossings.size() < 2 ? 0
                : 0.5 * Math.abs(last.mean() - crossings.get(crossings.size() - 2).temperature().mean());
        double error = Math.hypot(last.error(), systematic);
        Estimate tc = Estimate.of(last.mean(), error);
        Estimate kc = Estimate.of(1 / tc.mean(), error / (tc.mean() * tc.mean()));
        int n = curves.size();
        double[] l = new double[n];
        double[] chi = new double[n];
        double[] chiErr = new double[n];
        for (int i = 0; i < n; i++) {
            BinderCrossing.Curve c = curves.get(i).susceptibilityCurve();
            l[i] = curves.get(i).linearSize();
            chi[i] = c.at(tc.mean());
            chiErr[i] = Math.abs(new BinderCrossing.Curve(c.linearSize(), c.temperatures(), c.errors(), c.errors())
                    .at(tc.mean()));
        }
        PowerLawFit fit = PowerLawFit.fit(l, chi, chiErr);
        return new Result(spec, curves, crossings, tc, last.error(), systematic, kc, fit, elapsedNanos);
    }

    /**
     * Degree of the smoothing polynomial for a curve of n points: cubic from 7 points on, quadratic for 5–6, linear
     * for 4 (a 4-point scan is meant for a narrow window around the crossing, where U(T) is nearly straight and a
     * straight line has the smallest variance).
     */
    static int degreeFor(int points) {
        return points >= 7 ? 3 : points >= 5 ? 2 : 1;
    }

    /**
     * The crossing of two Binder curves, each smoothed by a weighted polynomial fit ({@link #degreeFor}); error by
     * parametric resampling (every point redrawn from a Gaussian with its error bar, both curves refitted, the
     * crossing recomputed). Within the narrow windows where crossings are measured U(T) is smooth, so the fit
     * averages the noise of all points (an interpolating cubic, as in {@link BinderCrossing}, follows it).
     *
     * @throws IllegalArgumentException if the fitted curves do not cross in the common range, or the crossing is
     *                                  not resolved (fewer than half of the resamples cross)
     */
    public static BinderCrossing.Crossing crossing(BinderCrossing.Curve a, BinderCrossing.Curve b, int resamples,
                                                   long seed) {
        double lo = Math.max(a.temperatures()[0], b.temperatures()[0]);
        double hi = Math.min(a.temperatures()[a.temperatures().length - 1],
                b.temperatures()[b.temperatures().length - 1]);
        return BinderCrossing.resampledCrossing(a, b, resamples, seed, " [" + lo + ", " + hi + "]",
                (va, vb) -> fittedCrossing(a, va, b, vb, lo, hi));
    }

    /** First sign change of the difference of the two fitted polynomials on [lo, hi] (NaN if none). */
    private static double fittedCrossing(BinderCrossing.Curve a, double[] va, BinderCrossing.Curve b, double[] vb,
                                         double lo, double hi) {
        PolynomialFit fa = PolynomialFit.fit(a.temperatures(), va, a.errors(), degreeFor(va.length));
        PolynomialFit fb = PolynomialFit.fit(b.temperatures(), vb, b.errors(), degreeFor(vb.length));
        // a root of U_a − U_b is a fixed point of T ↦ T + U_a(T) − U_b(T)
        return FixedPoints.find(t -> t + fa.applyAsDouble(t) - fb.applyAsDouble(t), lo, hi, 2)
                .map(FixedPoints.FixedPoint::coupling).orElse(Double.NaN);
    }

    /** One chain at one (L, T) point with block-jackknife estimates. */
    private static Point measure(Model model, Spec spec, RandomGenerator rng, AtomicLong done, long total,
                                 Progress progress) {
        Sampler sampler = spec.sampler().create(model);
        byte[] state = ChainRunner.randomConfiguration(model, rng);
        int n = state.length;
        int q = model instanceof PottsModel p ? p.q() : 2;
        int[] counts = new int[q];
        long reportEvery = Math.max(1, (spec.sweeps() + (long) spec.thermalize()) / 50);
        SweepUnits units = new SweepUnits(sampler);
        long[] pendingBox = {0};
        units.thermalize(state, spec.thermalize(), rng,
                () -> pendingBox[0] = report(pendingBox[0] + 1, reportEvery, done, total, progress));
        long pending = pendingBox[0];
        // per-block sums of |m|, m², m⁴, e
        double[][] sums = new double[BLOCKS][4];
        int sweeps = spec.sweeps();
        for (int s = 0; s < sweeps; s++) {
            units.advance(state, rng);
            double m = model instanceof PottsModel potts
                    ? Observables.pottsOrderParameter(state, potts.q(), counts)
                    : (double) IsingModel.magnetization(state) / n;
            double m2 = m * m;
            double[] b = sums[(int) ((long) s * BLOCKS / sweeps)];
            b[0] += Math.abs(m);
            b[1] += m2;
            b[2] += m2 * m2;
            b[3] += model.energy(state) / n;
            pending = report(++pending, reportEvery, done, total, progress);
        }
        if (progress != null && pending > 0) {
            progress.advance(done.addAndGet(pending), total);
        }
        double t = model.temperature();
        double[] all = new double[4];
        int[] blockCount = new int[BLOCKS];
        for (int s = 0; s < sweeps; s++) {
            blockCount[(int) ((long) s * BLOCKS / sweeps)]++;
        }
        for (double[] b : sums) {
            for (int k = 0; k < 4; k++) {
                all[k] += b[k];
            }
        }
        double[][] jack = new double[BLOCKS][4];
        for (int b = 0; b < BLOCKS; b++) {
            double w = sweeps - blockCount[b];
            for (int k = 0; k < 4; k++) {
                double mean = (all[k] - sums[b][k]) / w;
                jack[b][k] = mean;
            }
        }
        double[] full = new double[4];
        for (int k = 0; k < 4; k++) {
            full[k] = all[k] / sweeps;
        }
        return new Point(t,
                jackknife(full, jack, v -> 1 - v[2] / (3 * v[1] * v[1])),
                jackknife(full, jack, v -> n * (v[1] - v[0] * v[0]) / t),
                jackknife(full, jack, v -> v[0]),
                jackknife(full, jack, v -> v[3]));
    }

    private static long report(long pending, long every, AtomicLong done, long total, Progress progress) {
        if (pending < every) {
            return pending;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Binder scan cancelled");
        }
        if (progress != null) {
            progress.advance(done.addAndGet(pending), total);
        }
        return 0;
    }

    /** Leave-one-block-out jackknife of f: mean f(full means), error √((B−1)/B Σ(f_b − f̄)²). */
    private static Estimate jackknife(double[] full, double[][] leaveOneOut,
                                      ToDoubleFunction<double[]> f) {
        double[] values = new double[leaveOneOut.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(leaveOneOut[i]);
        }
        return Estimate.of(f.applyAsDouble(full), Jackknife.error(values));
    }
}
